/**
 * Who a person is in the identity provider, asked through Keycloak's admin REST API with a
 * service-account client of the realm (client credentials). The development provider answers the
 * same calls from keycloak/realm.json, so this one client serves both.
 *
 * "No such user" is an answer; a provider that fails, refuses the client or answers nonsense is a
 * 503, never reported as an unknown user.
 */
import { ServiceUnavailableError } from '../http/errors.js';
import { isUuid } from '../http/uuid.js';

export interface DirectoryUser {
  /** The provider's id for the person: the `sub` of their tokens. */
  subject: string;
  username: string;
  /** First and last name; the user name when the provider has neither. */
  displayName: string;
  /** A disabled account cannot sign in. */
  enabled: boolean;
  /** Where the notifications write to them, when the provider has it. */
  email?: string;
  /** The `phone_number` attribute (full representation only), for SMS notifications. */
  phone?: string;
  /** Effective realm roles (assigned directly, through groups or composite roles). */
  roles: string[];
}

export interface UserDirectory {
  /** The user with this user name or subject, or undefined when the provider has none. */
  findUser(usernameOrSubject: string): Promise<DirectoryUser | undefined>;
}

export interface KeycloakUserDirectoryOptions {
  /** Realm URL, e.g. `http://127.0.0.1:8080/realms/iaod`; the admin API is `<origin>/admin/realms/<realm>`. */
  issuer: string;
  /** A confidential client with a service account holding `realm-management` `view-users` and `query-users`. */
  clientId: string;
  clientSecret: string;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** Milliseconds since the epoch, for the token's expiry. Default: Date.now. */
  now?: () => number;
  /** Per request. Default 5000 ms. */
  timeoutMs?: number;
}

/** A token is renewed this long before it expires, so it never expires on the way. */
const EXPIRY_MARGIN_MS = 10_000;

interface UserRepresentation {
  id: string;
  username: string;
  firstName?: string;
  lastName?: string;
  enabled?: boolean;
  email?: string;
  attributes?: Record<string, unknown>;
}

interface CachedToken {
  value: string;
  expiresAt: number;
}

/** The realm URL `…/realms/<name>` becomes the admin API base `…/admin/realms/<name>`. */
export function adminBaseOf(issuer: string): string {
  const url = new URL(issuer);
  const match = /^(.*)\/realms\/([^/]+)\/?$/.exec(url.pathname);
  if (!match) throw new TypeError(`${issuer} is not a Keycloak realm URL (…/realms/<realm>)`);
  return `${url.origin}${match[1]}/admin/realms/${match[2]}`;
}

export function createKeycloakUserDirectory(options: KeycloakUserDirectoryOptions): UserDirectory {
  const send = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 5000;
  const adminBase = adminBaseOf(options.issuer);
  const tokenEndpoint = `${options.issuer.replace(/\/+$/, '')}/protocol/openid-connect/token`;
  let cached: CachedToken | undefined;
  let pending: Promise<CachedToken> | undefined;

  function unavailable(reason: string, cause?: unknown): ServiceUnavailableError {
    return new ServiceUnavailableError(
      "The identity provider's user directory is not answering; try again later.",
      new Error(`user directory: ${reason}`, { cause }),
    );
  }

  async function call(url: string, init: RequestInit, what: string): Promise<Response> {
    try {
      return await send(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (cause) {
      throw unavailable(`${what} failed`, cause);
    }
  }

  async function requestToken(): Promise<CachedToken> {
    // RFC 6749 §2.3.1: the id and secret are form-encoded before they go into Basic.
    const credentials = `${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`;
    const response = await call(
      tokenEndpoint,
      {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(credentials).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ grant_type: 'client_credentials' }),
      },
      'the token request',
    );
    if (!response.ok) throw unavailable(`the token request for client ${options.clientId} answered ${response.status}`);
    const body = (await response.json().catch(() => undefined)) as { access_token?: unknown; expires_in?: unknown } | undefined;
    if (typeof body?.access_token !== 'string') throw unavailable('the token response has no access_token');
    const lifetimeMs = (typeof body.expires_in === 'number' ? body.expires_in : 60) * 1000;
    return { value: body.access_token, expiresAt: now() + Math.max(lifetimeMs - EXPIRY_MARGIN_MS, lifetimeMs / 2) };
  }

  /** The cached token while it is valid; one request for a new one however many callers wait. */
  async function accessToken(): Promise<string> {
    if (cached && cached.expiresAt > now()) return cached.value;
    pending ??= requestToken().finally(() => {
      pending = undefined;
    });
    cached = await pending;
    return cached.value;
  }

  /** GET on the admin API; 404 is `undefined`. A 401 means the token went stale: one retry with a new one. */
  async function adminGet(path: string): Promise<unknown> {
    for (let attempt = 1; ; attempt += 1) {
      const token = await accessToken();
      const response = await call(`${adminBase}${path}`, { headers: { authorization: `Bearer ${token}` } }, 'an admin API request');
      if (response.status === 401 && attempt === 1) {
        if (cached?.value === token) cached = undefined;
        continue;
      }
      if (response.status === 404) return undefined;
      if (!response.ok) throw unavailable(`GET ${path.split('?')[0]} answered ${response.status} (does the client hold view-users?)`);
      try {
        return await response.json();
      } catch (cause) {
        throw unavailable('the admin API answered something other than JSON', cause);
      }
    }
  }

  function asUser(value: unknown): UserRepresentation | undefined {
    if (value === undefined) return undefined;
    const user = value as Partial<UserRepresentation> | null;
    if (typeof user?.id !== 'string' || typeof user.username !== 'string') throw unavailable('the admin API answered a user without id');
    return user as UserRepresentation;
  }

  async function findRepresentation(query: string): Promise<UserRepresentation | undefined> {
    // Keycloak's user ids are UUIDs; only those are tried as a subject before the user name.
    if (isUuid(query)) {
      const byId = asUser(await adminGet(`/users/${encodeURIComponent(query)}`));
      if (byId) return byId;
    }
    const found = await adminGet(`/users?username=${encodeURIComponent(query)}&exact=true&briefRepresentation=true`);
    if (!Array.isArray(found)) throw unavailable('the user search did not answer a list');
    // Keycloak keeps user names in lower case; compare the same way, whatever `exact` did.
    return found.map(asUser).find((user) => user?.username.toLowerCase() === query.toLowerCase());
  }

  return {
    async findUser(usernameOrSubject) {
      const query = usernameOrSubject.trim();
      if (query === '') return undefined;
      const user = await findRepresentation(query);
      if (!user) return undefined;
      const roles = await adminGet(`/users/${encodeURIComponent(user.id)}/role-mappings/realm/composite`);
      // The user was removed between the two calls: they are not there any more.
      if (roles === undefined) return undefined;
      if (!Array.isArray(roles)) throw unavailable('the role mappings are not a list');
      const fullName = [user.firstName, user.lastName].filter(Boolean).join(' ');
      return {
        subject: user.id,
        username: user.username,
        displayName: fullName || user.username,
        enabled: user.enabled !== false,
        ...contactOf(user),
        roles: roles.map((role: { name?: unknown }) => role.name).filter((name): name is string => typeof name === 'string'),
      };
    },
  };
}

function contactOf(user: UserRepresentation): Pick<DirectoryUser, 'email' | 'phone'> {
  const phones = user.attributes?.phone_number;
  const phone = Array.isArray(phones) && typeof phones[0] === 'string' ? phones[0] : undefined;
  return {
    ...(typeof user.email === 'string' && user.email !== '' ? { email: user.email } : {}),
    ...(phone ? { phone } : {}),
  };
}

/**
 * Each name looked up, a few at a time so a long list does not queue behind one slow answer; the
 * result is in the order given. The first failure rejects the whole lookup.
 */
export async function findUsers(directory: UserDirectory, names: string[], concurrency = 8): Promise<Array<DirectoryUser | undefined>> {
  const found: Array<DirectoryUser | undefined> = new Array(names.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < names.length) {
      const index = next;
      next += 1;
      found[index] = await directory.findUser(names[index] ?? '');
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, names.length) }, worker));
  return found;
}
