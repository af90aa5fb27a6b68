/**
 * Reads a Keycloak realm export (`keycloak/realm.json`) into the users, roles and clients the built-in
 * development provider serves, so both providers issue tokens for the same people from one file.
 * Only the parts of the export the dev provider mirrors are read; everything else is ignored.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export type RealmExportErrorCode = 'ERR_REALM_EXPORT_UNREADABLE' | 'ERR_REALM_EXPORT_INVALID';

/** The realm export cannot be read or does not describe a usable realm; the message names the entry. */
export class RealmExportError extends Error {
  readonly code: RealmExportErrorCode;

  constructor(code: RealmExportErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'RealmExportError';
    this.code = code;
  }
}

export interface RealmUser {
  /** The `sub` of this user's tokens: the export's `id` when it has one, else {@link deriveUserId}. */
  id: string;
  username: string;
  enabled: boolean;
  firstName: string | undefined;
  lastName: string | undefined;
  email: string | undefined;
  emailVerified: boolean;
  /** Plain-text password from `credentials[type=password].value`; absent for service accounts. */
  password: string | undefined;
  realmRoles: string[];
  /** Roles of clients by client id, e.g. `{ 'realm-management': ['view-users'] }` for a service account. */
  clientRoles: Record<string, string[]>;
  /** User attributes, first value of each (the export stores lists). */
  attributes: Record<string, string>;
  /** Set when this is the service-account user of that client. */
  serviceAccountClientId: string | undefined;
}

/** A user attribute copied into tokens by an `oidc-usermodel-attribute-mapper`. */
export interface AttributeClaimMapper {
  userAttribute: string;
  claimName: string;
  accessToken: boolean;
  idToken: boolean;
  userinfo: boolean;
}

export interface RealmClient {
  clientId: string;
  name: string | undefined;
  enabled: boolean;
  /** Absent for public and bearer-only clients. */
  secret: string | undefined;
  publicClient: boolean;
  bearerOnly: boolean;
  standardFlowEnabled: boolean;
  directAccessGrantsEnabled: boolean;
  serviceAccountsEnabled: boolean;
  /** Keycloak patterns: a trailing `*` makes the rest a prefix. */
  redirectUris: string[];
  /** Resolved from the `post.logout.redirect.uris` attribute (`+` means the redirect URIs). */
  postLogoutRedirectUris: string[];
  /** `pkce.code.challenge.method` attribute, when the client enforces PKCE. */
  pkceMethod: string | undefined;
  /** Audiences added to access tokens by `oidc-audience-mapper`s, e.g. `iaod-api`. */
  audiences: string[];
  attributeClaims: AttributeClaimMapper[];
}

export interface Realm {
  name: string;
  displayName: string | undefined;
  /** `accessTokenLifespan`; Keycloak's default 300 s when the export omits it. */
  accessTokenLifespanSeconds: number;
  ssoSessionIdleTimeoutSeconds: number;
  ssoSessionMaxLifespanSeconds: number;
  realmRoles: string[];
  users: RealmUser[];
  clients: RealmClient[];
}

const KEYCLOAK_DEFAULTS = { accessTokenLifespan: 300, ssoSessionIdleTimeout: 1800, ssoSessionMaxLifespan: 36000 };

// RFC 4122 URL namespace: ids derived from a realm-scoped name stay stable across machines and restarts.
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** A name-based (v5) UUID for a user the export gives no `id`: same realm and username, same `sub`. */
export function deriveUserId(realmName: string, username: string): string {
  const namespace = Buffer.from(URL_NAMESPACE.replaceAll('-', ''), 'hex');
  const name = `urn:iaod:realm:${realmName}:user:${username.toLowerCase()}`;
  const hash = createHash('sha1').update(namespace).update(name).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Reads and checks a realm export. Throws {@link RealmExportError} naming the first problem found. */
export async function loadRealm(path: string): Promise<Realm> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new RealmExportError('ERR_REALM_EXPORT_UNREADABLE', `Cannot read the realm export ${path}.`, { cause });
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (cause) {
    throw new RealmExportError('ERR_REALM_EXPORT_INVALID', `The realm export ${path} is not valid JSON.`, { cause });
  }
  return parseRealm(document, path);
}

/** Checks an already parsed export; `source` only labels error messages. */
export function parseRealm(document: unknown, source = 'realm export'): Realm {
  const reader = new ExportReader(source);
  const root = reader.object(document, '');
  const name = reader.requiredString(root, 'realm', '');
  const realmRoles = reader
    .list(reader.optionalObject(root, 'roles', '')?.realm, '/roles/realm')
    .map((role, index) => reader.requiredString(reader.object(role, `/roles/realm/${index}`), 'name', `/roles/realm/${index}`));
  const clients = reader.list(root.clients, '/clients').map((client, index) => readClient(reader, client, `/clients/${index}`));
  const users = reader.list(root.users, '/users').map((user, index) => readUser(reader, user, `/users/${index}`, name));
  const realm: Realm = {
    name,
    displayName: reader.optionalString(root, 'displayName', ''),
    accessTokenLifespanSeconds: reader.optionalSeconds(root, 'accessTokenLifespan') ?? KEYCLOAK_DEFAULTS.accessTokenLifespan,
    ssoSessionIdleTimeoutSeconds: reader.optionalSeconds(root, 'ssoSessionIdleTimeout') ?? KEYCLOAK_DEFAULTS.ssoSessionIdleTimeout,
    ssoSessionMaxLifespanSeconds: reader.optionalSeconds(root, 'ssoSessionMaxLifespan') ?? KEYCLOAK_DEFAULTS.ssoSessionMaxLifespan,
    realmRoles,
    users: [...users, ...missingServiceAccounts(users, clients, name)],
    clients,
  };
  checkReferences(realm, source);
  return realm;
}

function readUser(reader: ExportReader, value: unknown, at: string, realmName: string): RealmUser {
  const user = reader.object(value, at);
  const username = reader.requiredString(user, 'username', at);
  const credentials = reader
    .list(user.credentials, `${at}/credentials`)
    .map((credential, index) => reader.object(credential, `${at}/credentials/${index}`));
  const passwordCredential = credentials.find((credential) => credential.type === 'password');
  return {
    id: reader.optionalString(user, 'id', at) ?? deriveUserId(realmName, username),
    username,
    enabled: reader.optionalBoolean(user, 'enabled', at) ?? true,
    firstName: reader.optionalString(user, 'firstName', at),
    lastName: reader.optionalString(user, 'lastName', at),
    email: reader.optionalString(user, 'email', at),
    emailVerified: reader.optionalBoolean(user, 'emailVerified', at) ?? false,
    password: passwordCredential ? readPlainPassword(reader, passwordCredential, username, `${at}/credentials`) : undefined,
    realmRoles: reader.stringList(user.realmRoles, `${at}/realmRoles`),
    clientRoles: readClientRoles(reader, user.clientRoles, `${at}/clientRoles`),
    attributes: readAttributes(reader, user.attributes, `${at}/attributes`),
    serviceAccountClientId: reader.optionalString(user, 'serviceAccountClientId', at),
  };
}

/** The dev provider checks passwords itself, so it needs the export's plain `value`, not a hash. */
function readPlainPassword(reader: ExportReader, credential: ExportObject, username: string, at: string): string {
  const value = credential.value;
  if (typeof value !== 'string' || value === '') {
    reader.fail(
      at,
      `user "${username}" has a password credential without a plain "value" (hashed credentials cannot be checked by the dev provider)`,
    );
  }
  return value;
}

function readClientRoles(reader: ExportReader, value: unknown, at: string): Record<string, string[]> {
  if (value === undefined || value === null) return {};
  return Object.fromEntries(
    Object.entries(reader.object(value, at)).map(([client, roles]) => [client, reader.stringList(roles, `${at}/${client}`)]),
  );
}

function readAttributes(reader: ExportReader, value: unknown, at: string): Record<string, string> {
  if (value === undefined || value === null) return {};
  const attributes: Record<string, string> = {};
  for (const [key, values] of Object.entries(reader.object(value, at))) {
    // Keycloak exports every attribute as a list; tokens carry the first value of single-valued mappers.
    const first = Array.isArray(values) ? values[0] : values;
    if (first === undefined) continue;
    if (typeof first !== 'string') reader.fail(`${at}/${key}`, 'must be a string or a list of strings');
    attributes[key] = first;
  }
  return attributes;
}

function readClient(reader: ExportReader, value: unknown, at: string): RealmClient {
  const client = reader.object(value, at);
  const clientId = reader.requiredString(client, 'clientId', at);
  const attributes = reader.optionalObject(client, 'attributes', at) ?? {};
  const mappers = reader
    .list(client.protocolMappers, `${at}/protocolMappers`)
    .map((mapper, index) => reader.object(mapper, `${at}/protocolMappers/${index}`));
  const redirectUris = reader.stringList(client.redirectUris, `${at}/redirectUris`);
  const publicClient = reader.optionalBoolean(client, 'publicClient', at) ?? false;
  const bearerOnly = reader.optionalBoolean(client, 'bearerOnly', at) ?? false;
  const parsed: RealmClient = {
    clientId,
    name: reader.optionalString(client, 'name', at),
    enabled: reader.optionalBoolean(client, 'enabled', at) ?? true,
    secret: reader.optionalString(client, 'secret', at),
    publicClient,
    bearerOnly,
    // Keycloak's defaults for a client representation that leaves the flag out.
    standardFlowEnabled: !bearerOnly && (reader.optionalBoolean(client, 'standardFlowEnabled', at) ?? true),
    directAccessGrantsEnabled: !bearerOnly && (reader.optionalBoolean(client, 'directAccessGrantsEnabled', at) ?? false),
    serviceAccountsEnabled: !bearerOnly && !publicClient && (reader.optionalBoolean(client, 'serviceAccountsEnabled', at) ?? false),
    redirectUris,
    postLogoutRedirectUris: resolvePostLogoutRedirectUris(attributes['post.logout.redirect.uris'], redirectUris),
    pkceMethod:
      typeof attributes['pkce.code.challenge.method'] === 'string' && attributes['pkce.code.challenge.method'] !== ''
        ? attributes['pkce.code.challenge.method']
        : undefined,
    audiences: mappers.filter(isAudienceMapper).map((mapper) => audienceOf(reader, mapper, at)),
    attributeClaims: mappers.filter(isAttributeMapper).map((mapper) => attributeClaimOf(reader, mapper, at)),
  };
  const issuesTokens = parsed.standardFlowEnabled || parsed.directAccessGrantsEnabled || parsed.serviceAccountsEnabled;
  if (!publicClient && !bearerOnly && issuesTokens && !parsed.secret) {
    reader.fail(at, `client "${clientId}" is confidential but has no "secret"`);
  }
  return parsed;
}

/** Keycloak stores the list as one `##`-separated attribute; `+` stands for the client's redirect URIs. */
function resolvePostLogoutRedirectUris(value: unknown, redirectUris: string[]): string[] {
  if (typeof value !== 'string' || value === '') return [];
  return value.split('##').flatMap((uri) => (uri === '+' ? redirectUris : [uri]));
}

type ExportObject = Record<string, unknown>;

function mapperConfig(mapper: ExportObject): ExportObject {
  return typeof mapper.config === 'object' && mapper.config !== null ? (mapper.config as ExportObject) : {};
}

function isAudienceMapper(mapper: ExportObject): boolean {
  return mapper.protocolMapper === 'oidc-audience-mapper' && mapperConfig(mapper)['access.token.claim'] !== 'false';
}

function audienceOf(reader: ExportReader, mapper: ExportObject, at: string): string {
  const config = mapperConfig(mapper);
  const audience = config['included.client.audience'] ?? config['included.custom.audience'];
  if (typeof audience !== 'string' || audience === '') reader.fail(at, `audience mapper "${String(mapper.name)}" names no audience`);
  return audience;
}

function isAttributeMapper(mapper: ExportObject): boolean {
  return mapper.protocolMapper === 'oidc-usermodel-attribute-mapper';
}

function attributeClaimOf(reader: ExportReader, mapper: ExportObject, at: string): AttributeClaimMapper {
  const config = mapperConfig(mapper);
  const userAttribute = config['user.attribute'];
  const claimName = config['claim.name'];
  if (typeof userAttribute !== 'string' || typeof claimName !== 'string' || !userAttribute || !claimName) {
    reader.fail(at, `attribute mapper "${String(mapper.name)}" needs "user.attribute" and "claim.name"`);
  }
  return {
    userAttribute,
    claimName,
    // Keycloak treats an absent flag as "on" for these three.
    accessToken: config['access.token.claim'] !== 'false',
    idToken: config['id.token.claim'] !== 'false',
    userinfo: config['userinfo.token.claim'] !== 'false',
  };
}

/** Keycloak creates the service-account user itself when an export leaves it out; so do we, with no roles. */
function missingServiceAccounts(users: RealmUser[], clients: RealmClient[], realmName: string): RealmUser[] {
  return clients
    .filter((client) => client.serviceAccountsEnabled && !users.some((user) => user.serviceAccountClientId === client.clientId))
    .map((client) => {
      const username = `service-account-${client.clientId}`;
      return {
        id: deriveUserId(realmName, username),
        username,
        enabled: true,
        firstName: undefined,
        lastName: undefined,
        email: undefined,
        emailVerified: false,
        password: undefined,
        realmRoles: [],
        clientRoles: {},
        attributes: {},
        serviceAccountClientId: client.clientId,
      };
    });
}

/** Roles Keycloak creates in every realm, so an export may assign them without defining them. */
function builtInRealmRoles(realmName: string): string[] {
  return ['offline_access', 'uma_authorization', `default-roles-${realmName}`];
}

function checkReferences(realm: Realm, source: string): void {
  const fail = (message: string): never => {
    throw new RealmExportError('ERR_REALM_EXPORT_INVALID', `${source}: ${message}`);
  };
  const knownRoles = new Set([...realm.realmRoles, ...builtInRealmRoles(realm.name)]);
  const seenUsernames = new Set<string>();
  for (const user of realm.users) {
    const key = user.username.toLowerCase();
    if (seenUsernames.has(key)) fail(`username "${user.username}" appears twice`);
    seenUsernames.add(key);
    const unknownRole = realm.realmRoles.length > 0 ? user.realmRoles.find((role) => !knownRoles.has(role)) : undefined;
    if (unknownRole) fail(`user "${user.username}" has realm role "${unknownRole}", which /roles/realm does not define`);
    const owner = user.serviceAccountClientId;
    if (owner !== undefined && !realm.clients.some((client) => client.clientId === owner && client.serviceAccountsEnabled)) {
      fail(`user "${user.username}" is the service account of "${owner}", which is not a client with serviceAccountsEnabled`);
    }
  }
  const seenClients = new Set<string>();
  for (const client of realm.clients) {
    if (seenClients.has(client.clientId)) fail(`clientId "${client.clientId}" appears twice`);
    seenClients.add(client.clientId);
  }
}

/** Small typed accessors that name the JSON path of whatever is wrong. */
class ExportReader {
  constructor(private readonly source: string) {}

  fail(at: string, message: string): never {
    throw new RealmExportError('ERR_REALM_EXPORT_INVALID', `${this.source} at ${at || '/'}: ${message}`);
  }

  object(value: unknown, at: string): ExportObject {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(at, 'must be an object');
    return value as ExportObject;
  }

  optionalObject(parent: ExportObject, key: string, at: string): ExportObject | undefined {
    const value = parent[key];
    return value === undefined || value === null ? undefined : this.object(value, `${at}/${key}`);
  }

  list(value: unknown, at: string): unknown[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) this.fail(at, 'must be a list');
    return value;
  }

  stringList(value: unknown, at: string): string[] {
    return this.list(value, at).map((item, index) => {
      if (typeof item !== 'string') this.fail(`${at}/${index}`, 'must be a string');
      return item;
    });
  }

  requiredString(parent: ExportObject, key: string, at: string): string {
    const value = parent[key];
    if (typeof value !== 'string' || value.trim() === '') this.fail(`${at}/${key}`, 'must be a non-empty string');
    return value;
  }

  optionalString(parent: ExportObject, key: string, at: string): string | undefined {
    const value = parent[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') this.fail(`${at}/${key}`, 'must be a string');
    return value;
  }

  optionalBoolean(parent: ExportObject, key: string, at: string): boolean | undefined {
    const value = parent[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') this.fail(`${at}/${key}`, 'must be true or false');
    return value;
  }

  optionalSeconds(parent: ExportObject, key: string): number | undefined {
    const value = parent[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0)
      this.fail(`/${key}`, 'must be a positive whole number of seconds');
    return value;
  }
}
