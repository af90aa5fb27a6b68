/** Real access tokens from the run's identity provider (Keycloak or the development provider). */
import { readTestEnvironment } from './environment.js';

let tokenEndpoint: Promise<string> | undefined;

async function discover(): Promise<{ token_endpoint: string; jwks_uri: string }> {
  const { issuer } = readTestEnvironment();
  const response = await fetch(`${issuer}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`discovery answered ${response.status}`);
  return (await response.json()) as { token_endpoint: string; jwks_uri: string };
}

export async function jwksUri(): Promise<string> {
  return (await discover()).jwks_uri;
}

/** A token for a demo user from the password grant of the `iaod-tests` client. */
export async function tokenFor(username: string, password = 'demo'): Promise<string> {
  tokenEndpoint ??= discover().then((d) => d.token_endpoint);
  const response = await fetch(await tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'iaod-tests', username, password, scope: 'openid' }),
  });
  const body = (await response.json()) as { access_token?: string; error?: string };
  if (!response.ok || !body.access_token) throw new Error(`no token for ${username}: ${response.status} ${body.error ?? ''}`);
  return body.access_token;
}

/** The subject (`sub`) the run's provider gives this demo user: on Keycloak a random id, so always asked. */
export async function subjectOf(username: string): Promise<string> {
  const [, payload = ''] = (await tokenFor(username)).split('.');
  const { sub } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: string };
  if (!sub) throw new Error(`the token of ${username} has no sub`);
  return sub;
}

/** One demo user per role, as in keycloak/realm.json. */
export const DEMO_USER_FOR_ROLE = {
  applicant: 'amina',
  'program-manager': 'maria',
  reviewer: 'samuel',
  assessor: 'sena',
  'issuing-officer': 'ivan',
  'service-provider': 'clinic',
  'claims-officer': 'claire',
  analyst: 'ana',
  auditor: 'otto',
} as const;

/** A service-account token (client credentials) of a confidential realm client, e.g. `iaod-external`, a partner system. */
export async function serviceAccountTokenFor(clientId = 'iaod-external', clientSecret = 'iaod-external-dev-secret'): Promise<string> {
  tokenEndpoint ??= discover().then((d) => d.token_endpoint);
  const response = await fetch(await tokenEndpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
  });
  const body = (await response.json()) as { access_token?: string; error?: string };
  if (!response.ok || !body.access_token)
    throw new Error(`no service-account token for ${clientId}: ${response.status} ${body.error ?? ''}`);
  return body.access_token;
}
