import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config.js';
import { settingThatFails } from '../support/config-errors.js';

describe('loadConfig: outbox', () => {
  it('polls every second, 100 events a pass, and retries from 1 s up to 5 min by default', () => {
    expect(loadConfig({}).outbox).toEqual({ pollIntervalMs: 1000, batchSize: 100, retry: { baseMs: 1000, maxMs: 300_000 } });
  });

  it('takes other values', () => {
    const { outbox } = loadConfig({
      OUTBOX_POLL_INTERVAL_MS: '250',
      OUTBOX_BATCH_SIZE: '20',
      OUTBOX_RETRY_BASE_MS: '500',
      OUTBOX_RETRY_MAX_MS: '60000',
    });
    expect(outbox).toEqual({ pollIntervalMs: 250, batchSize: 20, retry: { baseMs: 500, maxMs: 60_000 } });
  });

  it('names the setting when a value is wrong', () => {
    expect(settingThatFails({ OUTBOX_POLL_INTERVAL_MS: 'often' })).toBe('OUTBOX_POLL_INTERVAL_MS');
    expect(settingThatFails({ OUTBOX_BATCH_SIZE: '0' })).toBe('OUTBOX_BATCH_SIZE');
    expect(settingThatFails({ OUTBOX_RETRY_BASE_MS: '5000', OUTBOX_RETRY_MAX_MS: '1000' })).toBe('OUTBOX_RETRY_MAX_MS');
  });
});
