/**
 * Keycloak's admin REST API, as the bootstrap admin `scripts/keycloak.sh` creates (`KEYCLOAK_ADMIN_USERNAME` /
 * `KEYCLOAK_ADMIN_PASSWORD` for another Keycloak). Only the stack run has a Keycloak to ask.
 */
import { readTestEnvironment } from './environment.js';

export type RealmSettings = Record<string, unknown>;

function realmUrls(): { tokenEndpoint: string; adminRealm: string } {
  const issuer = new URL(readTestEnvironment().issuer);
  const realm = issuer.pathname.replace(/^.*\/realms\//, '');
  return {
    tokenEndpoint: `${issuer.origin}/realms/master/protocol/openid-connect/token`,
    adminRealm: `${issuer.origin}/admin/realms/${realm}`,
  };
}

async function adminToken(): Promise<string> {
  const response = await fetch(realmUrls().tokenEndpoint, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'admin-cli',
      username: process.env.KEYCLOAK_ADMIN_USERNAME ?? 'admin',
      password: process.env.KEYCLOAK_ADMIN_PASSWORD ?? 'admin',
    }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!response.ok || !body.access_token) throw new Error(`Keycloak's admin sign-in answered ${response.status}`);
  return body.access_token;
}

/** The realm's settings as Keycloak holds them (after the import of keycloak/realm.json). */
export async function readRealmSettings(): Promise<RealmSettings> {
  const response = await fetch(realmUrls().adminRealm, { headers: { authorization: `Bearer ${await adminToken()}` } });
  if (!response.ok) throw new Error(`reading the realm answered ${response.status}`);
  return (await response.json()) as RealmSettings;
}

/** Changes the given realm settings and leaves the others as they are. */
export async function updateRealmSettings(settings: RealmSettings): Promise<void> {
  const response = await fetch(realmUrls().adminRealm, {
    method: 'PUT',
    headers: { authorization: `Bearer ${await adminToken()}`, 'content-type': 'application/json' },
    body: JSON.stringify(settings),
  });
  if (!response.ok) throw new Error(`updating the realm answered ${response.status}`);
}
