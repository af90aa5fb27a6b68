/**
 * Temporary lockout after wrong passwords, as Keycloak's brute-force detection does with the settings of
 * keycloak/realm.json (its MULTIPLE strategy, explained in docs/keycloak.md): every `maxFailures` wrong
 * passwords in a row lock the account for `waitIncrementSeconds` more, never longer than `maxWaitSeconds`.
 * A successful sign-in clears the count, and so does a quiet spell of {@link FAILURE_RESET_SECONDS}.
 * Attempts while locked are refused without being counted, so they do not extend the lock.
 *
 * The counts live in memory: the development provider is a single process, and its sessions do too.
 */

export interface SignInLockoutSettings {
  /** Wrong passwords in a row that lock an account (Keycloak's `failureFactor`); 0 turns the lockout off. */
  maxFailures: number;
  /** How long the first lockout lasts; each further `maxFailures` failures add as much again. */
  waitIncrementSeconds: number;
  /** The longest a lockout lasts (Keycloak's `maxFailureWaitSeconds`). */
  maxWaitSeconds: number;
}

export interface SignInLockout {
  /** Whether the account may not sign in now, whatever password is given. */
  isLocked(userId: string): boolean;
  /** Counts a wrong password; returns how many seconds the account is now locked for (0 when it is not). */
  recordFailure(userId: string): number;
  /** Forgets the account's wrong passwords. */
  recordSuccess(userId: string): void;
}

/** Failures are forgotten after this long without another (Keycloak's `maxDeltaTimeSeconds`, as in realm.json). */
export const FAILURE_RESET_SECONDS = 12 * 60 * 60;

interface FailureRecord {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
}

/** `now` gives milliseconds since the epoch; tests pass a clock they move. */
export function createSignInLockout(settings: SignInLockoutSettings, now: () => number = Date.now): SignInLockout {
  // Keyed by the ids of realm users only, so unknown sign-in names cannot grow it.
  const records = new Map<string, FailureRecord>();

  return {
    isLocked(userId) {
      const record = records.get(userId);
      return record !== undefined && now() < record.lockedUntil;
    },
    recordFailure(userId) {
      if (settings.maxFailures === 0) return 0;
      const at = now();
      const previous = records.get(userId);
      const recent = previous !== undefined && at - previous.lastFailureAt <= FAILURE_RESET_SECONDS * 1000;
      const failures = (recent ? previous.failures : 0) + 1;
      const waitSeconds = Math.min(settings.maxWaitSeconds, settings.waitIncrementSeconds * Math.floor(failures / settings.maxFailures));
      records.set(userId, { failures, lastFailureAt: at, lockedUntil: waitSeconds > 0 ? at + waitSeconds * 1000 : 0 });
      return waitSeconds;
    },
    recordSuccess(userId) {
      records.delete(userId);
    },
  };
}
