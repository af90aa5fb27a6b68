import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config.js';
import { settingThatFails } from '../support/config-errors.js';

describe('loadConfig: rate limits', () => {
  it('allows 600 requests a minute per user, 60 per address without a valid token, and 20 sign-ins per address by default', () => {
    expect(loadConfig({}).rateLimits).toEqual({ windowSeconds: 60, perUser: 600, anonymousPerIp: 60, signInPerIp: 20 });
  });

  it('takes other values', () => {
    const { rateLimits } = loadConfig({
      RATE_LIMIT_WINDOW_SECONDS: '10',
      RATE_LIMIT_PER_USER: '100',
      RATE_LIMIT_ANONYMOUS_PER_IP: '5',
      RATE_LIMIT_SIGN_IN_PER_IP: '3',
    });
    expect(rateLimits).toEqual({ windowSeconds: 10, perUser: 100, anonymousPerIp: 5, signInPerIp: 3 });
  });

  it('names the setting when a value is wrong', () => {
    expect(settingThatFails({ RATE_LIMIT_WINDOW_SECONDS: '0' })).toBe('RATE_LIMIT_WINDOW_SECONDS');
    expect(settingThatFails({ RATE_LIMIT_PER_USER: 'many' })).toBe('RATE_LIMIT_PER_USER');
    expect(settingThatFails({ RATE_LIMIT_ANONYMOUS_PER_IP: '0' })).toBe('RATE_LIMIT_ANONYMOUS_PER_IP');
    expect(settingThatFails({ RATE_LIMIT_SIGN_IN_PER_IP: '3000000000' })).toBe('RATE_LIMIT_SIGN_IN_PER_IP');
  });
});
