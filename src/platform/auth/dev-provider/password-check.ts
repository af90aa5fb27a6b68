/**
 * Checks a sign-in name and password against the realm, behind the sign-in lockout. A locked account
 * gets the answer a wrong password gets, as with Keycloak's default brute-force detection: the answer
 * tells neither whether the account exists nor whether it is locked.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { DevProviderLogger } from '../dev-provider.js';
import type { RealmUser } from '../realm.js';
import type { RealmDirectory } from './directory.js';
import type { SignInLockout } from './sign-in-lockout.js';

/** The user the name and password sign in, or undefined (wrong name, wrong password or locked account). */
export type PasswordCheck = (signInName: string, password: string) => RealmUser | undefined;

export interface CreatePasswordCheckOptions {
  directory: RealmDirectory;
  lockout: SignInLockout;
  logger?: DevProviderLogger;
}

export function createPasswordCheck({ directory, lockout, logger }: CreatePasswordCheckOptions): PasswordCheck {
  return (signInName, password) => {
    const user = directory.findSignInUser(signInName);
    // Compared whatever happens next, so the time taken does not tell the cases apart either.
    const matches = passwordsMatch(user?.password ?? '', password);
    if (user === undefined || lockout.isLocked(user.id)) return undefined;
    if (!matches) {
      const lockedForSeconds = lockout.recordFailure(user.id);
      if (lockedForSeconds > 0) logger?.warn({ userId: user.id, lockedForSeconds }, 'dev provider: account locked after wrong passwords');
      return undefined;
    }
    lockout.recordSuccess(user.id);
    return user;
  };
}

/** Compares digests so the time taken does not reveal how much of the password was right. */
function passwordsMatch(expected: string, given: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(given));
}
