/**
 * Look-ups over the realm the dev provider serves: who a token is about and which client asked.
 * Keycloak matches usernames case-insensitively and, with `loginWithEmailAllowed`, also by email.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Realm, RealmClient, RealmUser } from '../realm.js';

export interface RealmDirectory {
  readonly realm: Realm;
  findUserById(id: string): RealmUser | undefined;
  findClient(clientId: string): RealmClient | undefined;
  /** The service-account user of a client with `serviceAccountsEnabled`. */
  findServiceAccount(clientId: string): RealmUser | undefined;
  /** The enabled, non-service-account user with that username (or email) and password, if any. */
  authenticateUser(signInName: string, password: string): RealmUser | undefined;
  /** People who can sign in on the login page, in export order. */
  listSignInUsers(): RealmUser[];
}

export function createRealmDirectory(realm: Realm): RealmDirectory {
  const usersById = new Map(realm.users.map((user) => [user.id, user]));
  const clientsById = new Map(realm.clients.map((client) => [client.clientId, client]));
  const signInUsers = realm.users.filter(
    (user) => user.enabled && user.password !== undefined && user.serviceAccountClientId === undefined,
  );

  return {
    realm,
    findUserById: (id) => usersById.get(id),
    findClient: (clientId) => clientsById.get(clientId),
    findServiceAccount: (clientId) => realm.users.find((user) => user.serviceAccountClientId === clientId),
    authenticateUser(signInName, password) {
      const name = signInName.trim().toLowerCase();
      const user = signInUsers.find((candidate) => candidate.username.toLowerCase() === name || candidate.email?.toLowerCase() === name);
      return user?.password !== undefined && passwordsMatch(user.password, password) ? user : undefined;
    },
    listSignInUsers: () => [...signInUsers],
  };
}

/** Compares digests so the time taken does not reveal how much of the password was right. */
function passwordsMatch(expected: string, given: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(given));
}
