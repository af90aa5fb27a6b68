/**
 * Brute-force protection of the run's identity provider: the development provider in `npm test`, Keycloak
 * with the realm imported from keycloak/realm.json in `npm run test:stack`. After the realm's number of
 * wrong passwords in a row an account is locked for a while: even the right password is refused, with the
 * answer a wrong one gets, while other people sign in as usual.
 *
 * The wait is kept short: the run's development provider is configured with a 2 s wait, and on Keycloak,
 * once the test has checked that the import carried every brute-force setting of realm.json, the wait
 * increment alone is shortened through the admin API for the length of this file.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { readTestEnvironment } from '../support/environment.js';
import { readRealmSettings, updateRealmSettings, type RealmSettings } from '../support/keycloak-admin.js';
import { LOCKOUT_TEST_USERS, testRunDevProviderLockout } from '../support/sign-in-lockout.js';
import { DEMO_USER_FOR_ROLE } from '../support/tokens.js';

const REALM_FILE = new URL('../../keycloak/realm.json', import.meta.url);
const BRUTE_FORCE_SETTINGS = [
  'bruteForceProtected',
  'permanentLockout',
  'maxTemporaryLockouts',
  'bruteForceStrategy',
  'failureFactor',
  'waitIncrementSeconds',
  'maxFailureWaitSeconds',
  'quickLoginCheckMilliSeconds',
  'minimumQuickLoginWaitSeconds',
  'maxDeltaTimeSeconds',
] as const;
const SHORT_WAIT_SECONDS = 2;

interface RunLockout {
  /** Wrong passwords in a row that lock an account. */
  failuresToLock: number;
  /** How long the first lockout lasts in this run. */
  waitSeconds: number;
  /** Keycloak's quick-login check locks after two failures closer than this; the tests keep their failures further apart. */
  pauseBetweenFailuresMs: number;
}

interface TokenAnswer {
  status: number;
  error: string | undefined;
  errorDescription: string | undefined;
  signedIn: boolean;
}

const environment = readTestEnvironment();
let tokenEndpoint: string;
let lockout: RunLockout;
let keycloakWaitIncrement: unknown;

async function passwordGrant(username: string, password: string): Promise<TokenAnswer> {
  const response = await fetch(tokenEndpoint, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'iaod-tests', username, password, scope: 'openid' }),
  });
  const body = (await response.json()) as { access_token?: string; error?: string; error_description?: string };
  return {
    status: response.status,
    error: body.error,
    errorDescription: body.error_description,
    signedIn: body.access_token !== undefined,
  };
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Wrong passwords for `username`, spaced as a person types them; returns the last answer. */
async function failSignIns(username: string, count: number): Promise<TokenAnswer> {
  let answer: TokenAnswer | undefined;
  for (let attempt = 0; attempt < count; attempt += 1) {
    await pause(lockout.pauseBetweenFailuresMs);
    answer = await passwordGrant(username, `not-the-password-${attempt}`);
    expect(answer.signedIn).toBe(false);
  }
  if (!answer) throw new Error('no attempt made');
  return answer;
}

async function keycloakLockout(): Promise<RunLockout> {
  const realmFile = JSON.parse(await readFile(REALM_FILE, 'utf8')) as RealmSettings;
  const imported = await readRealmSettings();
  const pick = (settings: RealmSettings) => Object.fromEntries(BRUTE_FORCE_SETTINGS.map((name) => [name, settings[name]]));
  // The import must carry every number of realm.json, or the lockout below proves nothing about the file.
  expect(pick(imported)).toEqual(pick(realmFile));
  expect(imported.bruteForceProtected).toBe(true);
  keycloakWaitIncrement = imported.waitIncrementSeconds;
  await updateRealmSettings({ waitIncrementSeconds: SHORT_WAIT_SECONDS });
  return {
    failuresToLock: Number(imported.failureFactor),
    waitSeconds: SHORT_WAIT_SECONDS,
    pauseBetweenFailuresMs: Number(imported.quickLoginCheckMilliSeconds) + 200,
  };
}

function developmentLockout(): RunLockout {
  const settings = testRunDevProviderLockout();
  return { failuresToLock: settings.maxFailures, waitSeconds: settings.waitIncrementSeconds, pauseBetweenFailuresMs: 0 };
}

describe(`sign-in lockout (${environment.identityBackend} provider)`, () => {
  beforeAll(async () => {
    const discovery = (await (await fetch(`${environment.issuer}/.well-known/openid-configuration`)).json()) as { token_endpoint: string };
    tokenEndpoint = discovery.token_endpoint;
    lockout = environment.identityBackend === 'keycloak' ? await keycloakLockout() : developmentLockout();
  });

  afterAll(async () => {
    if (keycloakWaitIncrement !== undefined) await updateRealmSettings({ waitIncrementSeconds: keycloakWaitIncrement });
  });

  it('refuses the right password once an account has had too many wrong ones, until the wait is over', async () => {
    const user = LOCKOUT_TEST_USERS.locked;
    expect(lockout.failuresToLock).toBeGreaterThan(1);
    expect(lockout.failuresToLock).toBeLessThan(30);
    const wrong = await failSignIns(user, lockout.failuresToLock);
    expect(wrong.error).toBe('invalid_grant');

    const right = await passwordGrant(user, 'demo');
    expect(right.signedIn).toBe(false);
    // Word for word a wrong password's answer, and a stranger's: nothing says the account exists or is locked.
    expect(right).toEqual(wrong);
    await expect(passwordGrant('no-such-user-anywhere', 'demo')).resolves.toEqual(wrong);

    // Someone else signs in as usual meanwhile.
    await expect(passwordGrant(DEMO_USER_FOR_ROLE.auditor, 'demo')).resolves.toMatchObject({ status: 200, signedIn: true });

    await pause(lockout.waitSeconds * 1000 + 500);
    await expect(passwordGrant(user, 'demo')).resolves.toMatchObject({ status: 200, signedIn: true });
  });

  it('forgets the wrong passwords of an account once it signs in', async () => {
    const user = LOCKOUT_TEST_USERS.reset;
    // Without the reset, the second round would pass the limit and lock the account.
    for (let round = 0; round < 2; round += 1) {
      await failSignIns(user, lockout.failuresToLock - 1);
      await pause(lockout.pauseBetweenFailuresMs);
      await expect(passwordGrant(user, 'demo')).resolves.toMatchObject({ status: 200, signedIn: true });
    }
  });
});
