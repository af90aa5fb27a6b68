import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../../src/config.js';
import { settingThatFails } from '../support/config-errors.js';

describe('loadConfig: the development provider lockout', () => {
  it('locks as keycloak/realm.json does by default', async () => {
    const realm = JSON.parse(await readFile(new URL('../../keycloak/realm.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    expect(realm).toMatchObject({ bruteForceProtected: true, permanentLockout: false, bruteForceStrategy: 'MULTIPLE' });
    expect(loadConfig({}).oidc.devProviderLockout).toEqual({
      maxFailures: realm.failureFactor,
      waitIncrementSeconds: realm.waitIncrementSeconds,
      maxWaitSeconds: realm.maxFailureWaitSeconds,
    });
  });

  it('takes other values, 0 failures turning it off', () => {
    const env = { DEV_OIDC_LOCKOUT_FAILURES: '0', DEV_OIDC_LOCKOUT_WAIT_SECONDS: '2', DEV_OIDC_LOCKOUT_MAX_WAIT_SECONDS: '10' };
    expect(loadConfig(env).oidc.devProviderLockout).toEqual({ maxFailures: 0, waitIncrementSeconds: 2, maxWaitSeconds: 10 });
  });

  it('names the setting when a value is wrong', () => {
    expect(settingThatFails({ DEV_OIDC_LOCKOUT_FAILURES: 'five' })).toBe('DEV_OIDC_LOCKOUT_FAILURES');
    expect(settingThatFails({ DEV_OIDC_LOCKOUT_WAIT_SECONDS: '0' })).toBe('DEV_OIDC_LOCKOUT_WAIT_SECONDS');
    expect(settingThatFails({ DEV_OIDC_LOCKOUT_WAIT_SECONDS: '120', DEV_OIDC_LOCKOUT_MAX_WAIT_SECONDS: '60' })).toBe(
      'DEV_OIDC_LOCKOUT_MAX_WAIT_SECONDS',
    );
  });
});
