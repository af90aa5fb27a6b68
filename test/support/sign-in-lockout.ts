/**
 * The sign-in lockout of the run's identity provider, and the users the lockout tests may lock. Every
 * other test signs in with the demo users and never gets a password wrong twice, so no lockout reaches it.
 */
import { loadConfig, type DevProviderLockoutConfig } from '../../src/config.js';

/** Users of keycloak/realm.json kept for the lockout tests: no roles, password `demo`, one per test. */
export const LOCKOUT_TEST_USERS = { locked: 'lockout-test', reset: 'lockout-reset-test' } as const;

/**
 * The run's development provider locks as configured by default (after as many wrong passwords as the
 * realm), but for a few seconds, so a test can sit the wait out.
 */
const TEST_RUN_LOCKOUT_SETTINGS = { DEV_OIDC_LOCKOUT_WAIT_SECONDS: '2', DEV_OIDC_LOCKOUT_MAX_WAIT_SECONDS: '2' };

export function testRunDevProviderLockout(): DevProviderLockoutConfig {
  return loadConfig(TEST_RUN_LOCKOUT_SETTINGS).oidc.devProviderLockout;
}
