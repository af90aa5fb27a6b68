/**
 * Look-ups over the realm the dev provider serves: who a token is about and which client asked.
 * Keycloak matches usernames case-insensitively and, with `loginWithEmailAllowed`, also by email.
 */
import type { Realm, RealmClient, RealmUser } from '../realm.js';

export interface RealmDirectory {
  readonly realm: Realm;
  findUserById(id: string): RealmUser | undefined;
  findClient(clientId: string): RealmClient | undefined;
  /** The service-account user of a client with `serviceAccountsEnabled`. */
  findServiceAccount(clientId: string): RealmUser | undefined;
  /** The enabled user with a password (not a service account) of that username or email, if any. */
  findSignInUser(signInName: string): RealmUser | undefined;
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
    findSignInUser(signInName) {
      const name = signInName.trim().toLowerCase();
      return signInUsers.find((candidate) => candidate.username.toLowerCase() === name || candidate.email?.toLowerCase() === name);
    },
    listSignInUsers: () => [...signInUsers],
  };
}
