/**
 * Every setting of the service, read and validated once at start. A bad value stops the process
 * with a message naming the setting. The README's settings table documents each one.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IssuerKeyFileError, parseIssuerKeyFile, type IssuerKeysConfig } from './platform/keys/index.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  nodeEnv: 'development' | 'test' | 'production';
  host: string;
  port: number;
  /** Base URL users reach the service at; sign-in redirects are built from it. */
  publicUrl: string;
  /** PostgreSQL connection string of the schema's owner (migrations); undefined starts an embedded PostgreSQL. */
  databaseUrl: string | undefined;
  /**
   * The role the app connects as (it may only append to the audit trail). `url` set: that connection;
   * otherwise the owner's connection with role `iaod_app` and `password`, created by the migrations.
   */
  databaseApp: { url: string | undefined; password: string };
  audit: AuditConfig;
  embeddedPostgres: { dataDir: string; port: number };
  oidc: {
    /** Realm URL of the OpenID provider; undefined starts the built-in development provider. */
    issuer: string | undefined;
    clientId: string;
    clientSecret: string;
    /** The `aud` an API token must carry (or the web client's `azp`). */
    audience: string;
    devProviderPort: number;
    devProviderLockout: DevProviderLockoutConfig;
    /** Service-account client that reads users and their roles through the admin API (see user-directory.ts). */
    directory: { clientId: string; clientSecret: string };
  };
  sessionSecret: string;
  /** Keys the permutation of application references, so they reveal neither order nor volume. */
  referenceKey: string;
  logLevel: LogLevel;
  /** Largest JSON body the API accepts, in bytes. */
  jsonBodyLimit: number;
  /** Validate API responses against the spec (on in tests; costs time in production). */
  validateResponses: boolean;
  opensearchUrl: string | undefined;
  /** Analytics index names start with this and a hyphen (OPENSEARCH_INDEX_PREFIX, default `iaod`). */
  opensearchIndexPrefix: string;
  trustProxy: boolean;
  documents: DocumentsConfig;
  quotas: QuotasConfig;
  outbox: OutboxConfig;
  rateLimits: RateLimitConfig;
  retention: RetentionConfig;
  notifications: NotificationsConfig;
  /** ID QR verification: the issuers trusted from the environment, and the keys encrypted ID codes are opened with. */
  identity: IdentityConfig;
  /**
   * The keys vouchers are signed with (see src/platform/keys): ISSUER_KEYS (the key file's JSON) or
   * ISSUER_KEY_FILE; in development, `keys/issuer-keys.json`, generated on first start.
   */
  issuerKeys: IssuerKeysConfig;
  /**
   * Threads beside the main one for CPU-bound work (signing and encoding vouchers): WORKER_THREADS, by default
   * one per core on a machine of two or more; 0 does that work on the main thread.
   */
  workerThreads: number;
  /** The G2P Connect / DCI registry gateway under /g2p/registry (docs/interoperability.md). */
  g2p: G2pGatewayConfig;
  /** Paths the service reads its own files from. */
  paths: { root: string; spec: string; views: string; locales: string; keys: string; realm: string };
}

/**
 * The development provider's temporary lockout after wrong passwords, its stand-in for Keycloak's
 * brute-force detection; the defaults are the numbers of keycloak/realm.json (see docs/keycloak.md).
 */
export interface DevProviderLockoutConfig {
  /** Wrong passwords in a row that lock an account; 0 turns the lockout off. Default 5. */
  maxFailures: number;
  /** The first lockout, in seconds; each further `maxFailures` wrong passwords add as much again. Default 60. */
  waitIncrementSeconds: number;
  /** The longest lockout, in seconds. Default 900. */
  maxWaitSeconds: number;
}

/** The audit trail's signed checkpoints. */
export interface AuditConfig {
  /** HMAC-SHA256 key that signs checkpoints; whoever can rewrite the database must not hold it. */
  checkpointKey: string;
  /** How often an instance seals the events written since the last checkpoint. */
  checkpointIntervalSeconds: number;
}

/** Where uploaded documents are kept, and how large one may be. */
export interface DocumentsConfig {
  /** Largest document accepted, in bytes (413 above it). */
  maxBytes: number;
  storage: { kind: 'local'; root: string } | ({ kind: 's3' } & S3StorageConfig);
}

/**
 * What one person may hold at once, against abuse rather than against real need (see docs/decisions.md,
 * "Quotas"): over either, the request is refused with 409 and a code of its own.
 */
export interface QuotasConfig {
  /** Drafts an applicant may have open (started, neither submitted nor discarded). Default 10. */
  openDrafts: number;
  /** Bytes of one uploader's documents that no submitted application keeps. Default 100 MiB. */
  documentBytes: number;
}

/** How the outbox relay hands events to its consumers (see `src/platform/outbox/`). */
export interface OutboxConfig {
  /** How often each instance looks for unpublished events, in milliseconds. Default 1000. */
  pollIntervalMs: number;
  /** Most events one relay pass hands to one consumer before the next pass takes over. Default 100. */
  batchSize: number;
  /** A failing consumer is retried after `baseMs`, then twice as long each time, never longer than `maxMs`. */
  retry: { baseMs: number; maxMs: number };
}

/**
 * How many requests a caller may make per window, counted in PostgreSQL so every instance agrees
 * (see `src/platform/http/rate-limits.ts`). Probes, metrics and static assets are not counted.
 */
export interface RateLimitConfig {
  /** Length of every window, in seconds. Default 60. */
  windowSeconds: number;
  /** API calls and page requests of one signed-in person (by subject) per window. Default 600. */
  perUser: number;
  /** API calls without a valid token, and pages without a signed-in session, per client address per window. Default 60. */
  anonymousPerIp: number;
  /** Page sign-ins started or completed (`/auth/login`, `/auth/callback`) per client address per window. Default 20. */
  signInPerIp: number;
}

/**
 * How long what the service stores is kept before the daily retention job deletes it (see
 * `src/modules/retention/`, docs/privacy.md). Each period is in days; 0 keeps that kind of record for ever.
 */
export interface RetentionConfig {
  /** The hour of the day (0–23, UTC) the job runs, on one instance. Default 3. */
  runHourUtc: number;
  /** Drafts not changed for this many days are deleted. Default 90. */
  draftDays: number;
  /** Documents of applications rejected this many days ago lose their bytes and are marked deleted. Default 365. */
  rejectedDocumentDays: number;
  /** Remembered answers of requests sent with an Idempotency-Key are forgotten after this many days. Default 7. */
  idempotencyKeyDays: number;
  /** Outbox events every consumer has received are deleted after this many days. Default 30. */
  outboxEventDays: number;
  /** Most records one transaction deletes. Default 500. */
  batchSize: number;
}

/** How people are told of what concerns them (see `src/modules/notifications/`, docs/notifications.md). */
export interface NotificationsConfig {
  /** `smtp://user:pass@host:587` or `smtps://…`; unset: no email leaves the service. */
  smtpUrl: string | undefined;
  /** The From of every email. Default `Immediate Assistance <no-reply@localhost>`. */
  mailFrom: string;
  /**
   * With no SMTP_URL (or no SMS_GATEWAY_URL), messages are kept in the database for the development page
   * `/dev/mail`. On unless NODE_ENV is production: production never keeps message text.
   */
  devMailbox: boolean;
  /** An HTTP SMS gateway taking a JSON POST (see sms-gateway.ts); unset: the development adapter. */
  smsGatewayUrl: string | undefined;
  /** Sent as `Authorization: Bearer <token>` to the gateway, when set. */
  smsGatewayToken: string | undefined;
  /** The sender name or number the gateway shows. Default `IAOD`. */
  smsSender: string;
  /** The hour (0–23, UTC) officers get the daily digest of what waits for them. Default 7. */
  digestHourUtc: number;
}

export interface S3StorageConfig {
  /** Base URL of the S3-compatible service, e.g. `https://s3.eu-west-1.amazonaws.com` or `http://127.0.0.1:9000`. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `endpoint/bucket/key` (MinIO and most self-hosted services) instead of `bucket.endpoint/key`. */
  forcePathStyle: boolean;
}

/** A trusted ID issuer set in the environment (ID_TRUSTED_ISSUERS); the program manager adds more on /admin. */
export interface IdIssuerSetting {
  issuer: string;
  name: string;
  keys: Array<{ algorithm: 'EdDSA' | 'ES256'; publicKeyHex: string }>;
}

export interface IdentityConfig {
  /** ID_TRUSTED_ISSUERS: a JSON list of `{issuer, name, keys: [{algorithm: "EdDSA"|"ES256", publicKeyHex}]}`. */
  trustedIssuers: IdIssuerSetting[];
  /** ID_QR_DECRYPTION_KEYS: AES-GCM keys (16, 24 or 32 bytes in hex, comma-separated) for encrypted ID codes. */
  decryptionKeys: Uint8Array[];
}

/** A partner system of the DCI gateway: who it is, what it may see and the keys its messages are signed with. */
export interface G2pPartnerSetting {
  /** The OAuth2 client its service-account tokens are issued to (`azp`). */
  clientId: string;
  /** The `sender_id` its messages carry (and our answers name as `receiver_id`). */
  senderId: string;
  /** Registrant fields its agreement allows (see ALLOWED_FIELD_NAMES in the gateway module); nothing else is sent. */
  allowedFields: string[];
  /** Public keys (JWK, Ed25519 `OKP`) its messages are signed with; none: its messages need no signature. */
  keys: Array<Record<string, unknown>>;
  /** Callback addresses its asynchronous answers may be sent to. */
  callbackUris: string[];
}

export interface G2pGatewayConfig {
  /** Our id in DCI messages (`sender_id` of what we send): G2P_SENDER_ID, default the public URL's host. */
  senderId: string;
  /** G2P_PARTNERS: a JSON list of partner settings; unset outside production, the realm's `iaod-external` client. */
  partners: G2pPartnerSetting[];
  /** A message older (or further ahead) than this is refused: G2P_MESSAGE_MAX_AGE_SECONDS, default 300. */
  messageMaxAgeSeconds: number;
  /** The largest `page_size` a search may ask for: G2P_MAX_PAGE_SIZE, default 100. */
  maxPageSize: number;
  /** Asynchronous answers (and notifications) to partners' callback addresses. */
  delivery: G2pDeliveryConfig;
}

export interface G2pDeliveryConfig {
  /** How often each instance looks for messages due: G2P_DELIVERY_POLL_INTERVAL_MS, default 1000. */
  pollIntervalMs: number;
  /** How long a callback may take to answer: G2P_CALLBACK_TIMEOUT_MS, default 10000. */
  timeoutMs: number;
  /** A failed delivery is retried after G2P_DELIVERY_RETRY_BASE_MS (2000), doubling up to G2P_DELIVERY_RETRY_MAX_MS (600000). */
  retry: { baseMs: number; maxMs: number };
  /** A message still undelivered this many hours after it was made is given up: G2P_DELIVERY_GIVE_UP_HOURS, default 72. */
  giveUpHours: number;
}

export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(`${setting}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function text(env: Env, name: string, fallback: string): string {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? fallback : value;
}

function optionalText(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = optionalText(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = optionalText(env, name);
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = optionalText(env, name);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be a URL, got "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got "${parsed.protocol}//"`);
  }
  return raw.replace(/\/+$/, '');
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = optionalText(env, name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

function indexPrefix(env: Env): string {
  const value = text(env, 'OPENSEARCH_INDEX_PREFIX', 'iaod');
  if (!/^[a-z][a-z0-9-]{0,49}$/.test(value)) {
    throw new ConfigError('OPENSEARCH_INDEX_PREFIX', `must be lowercase letters, digits and hyphens (at most 50), got "${value}"`);
  }
  return value;
}

function requiredText(env: Env, name: string, why: string): string {
  const value = optionalText(env, name);
  if (value === undefined) throw new ConfigError(name, `must be set ${why}`);
  return value;
}

function documentsConfig(env: Env, root: string): DocumentsConfig {
  const maxBytes = integer(env, 'DOCUMENT_MAX_BYTES', 10 * 1024 * 1024, 1, 1024 * 1024 * 1024);
  const kind = oneOf(env, 'DOCUMENT_STORAGE', ['local', 's3'] as const, 'local');
  if (kind === 'local') return { maxBytes, storage: { kind, root: path.resolve(root, text(env, 'DOCUMENT_DIR', '.data/documents')) } };
  const why = 'when DOCUMENT_STORAGE=s3';
  const endpoint = url(env, 'S3_ENDPOINT', ['http:', 'https:']);
  if (endpoint === undefined) throw new ConfigError('S3_ENDPOINT', `must be set ${why}`);
  const bucket = requiredText(env, 'S3_BUCKET', why);
  // S3's own bucket naming rules; anything else would not survive the host name or the path.
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new ConfigError('S3_BUCKET', `must be 3-63 lowercase letters, digits, dots or hyphens, got "${bucket}"`);
  }
  return {
    maxBytes,
    storage: {
      kind,
      endpoint,
      bucket,
      region: requiredText(env, 'S3_REGION', why),
      accessKeyId: requiredText(env, 'S3_ACCESS_KEY_ID', why),
      secretAccessKey: requiredText(env, 'S3_SECRET_ACCESS_KEY', why),
      forcePathStyle: boolean(env, 'S3_FORCE_PATH_STYLE', false),
    },
  };
}

function devProviderLockoutConfig(env: Env): DevProviderLockoutConfig {
  const waitIncrementSeconds = integer(env, 'DEV_OIDC_LOCKOUT_WAIT_SECONDS', 60, 1, 86_400);
  const maxWaitSeconds = integer(env, 'DEV_OIDC_LOCKOUT_MAX_WAIT_SECONDS', 900, 1, 86_400);
  if (maxWaitSeconds < waitIncrementSeconds) {
    throw new ConfigError(
      'DEV_OIDC_LOCKOUT_MAX_WAIT_SECONDS',
      `must be at least DEV_OIDC_LOCKOUT_WAIT_SECONDS (${waitIncrementSeconds}), got ${maxWaitSeconds}`,
    );
  }
  return { maxFailures: integer(env, 'DEV_OIDC_LOCKOUT_FAILURES', 5, 0, 1000), waitIncrementSeconds, maxWaitSeconds };
}

function quotasConfig(env: Env, documents: DocumentsConfig): QuotasConfig {
  const documentBytes = integer(env, 'QUOTA_DOCUMENT_BYTES', 100 * 1024 * 1024, 1, Number.MAX_SAFE_INTEGER);
  if (documentBytes < documents.maxBytes) {
    throw new ConfigError(
      'QUOTA_DOCUMENT_BYTES',
      `must be at least DOCUMENT_MAX_BYTES (${documents.maxBytes}), or no file of the largest size could be uploaded; ` +
        `got ${documentBytes}`,
    );
  }
  return { openDrafts: integer(env, 'QUOTA_OPEN_DRAFTS', 10, 1, 10_000), documentBytes };
}

function outboxConfig(env: Env): OutboxConfig {
  const baseMs = integer(env, 'OUTBOX_RETRY_BASE_MS', 1000, 1, 3_600_000);
  const maxMs = integer(env, 'OUTBOX_RETRY_MAX_MS', 300_000, 1, 86_400_000);
  if (maxMs < baseMs) throw new ConfigError('OUTBOX_RETRY_MAX_MS', `must be at least OUTBOX_RETRY_BASE_MS (${baseMs}), got ${maxMs}`);
  return {
    pollIntervalMs: integer(env, 'OUTBOX_POLL_INTERVAL_MS', 1000, 10, 60_000),
    batchSize: integer(env, 'OUTBOX_BATCH_SIZE', 100, 1, 10_000),
    retry: { baseMs, maxMs },
  };
}

/** Counts are stored as PostgreSQL integers. */
const MOST_REQUESTS_PER_WINDOW = 1_000_000_000;

function rateLimitConfig(env: Env): RateLimitConfig {
  return {
    windowSeconds: integer(env, 'RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86_400),
    perUser: integer(env, 'RATE_LIMIT_PER_USER', 600, 1, MOST_REQUESTS_PER_WINDOW),
    anonymousPerIp: integer(env, 'RATE_LIMIT_ANONYMOUS_PER_IP', 60, 1, MOST_REQUESTS_PER_WINDOW),
    signInPerIp: integer(env, 'RATE_LIMIT_SIGN_IN_PER_IP', 20, 1, MOST_REQUESTS_PER_WINDOW),
  };
}

/** A hundred years: longer is "keep", which 0 says plainly. */
const LONGEST_RETENTION_DAYS = 36_500;

function retentionConfig(env: Env): RetentionConfig {
  const days = (name: string, fallback: number) => integer(env, name, fallback, 0, LONGEST_RETENTION_DAYS);
  return {
    runHourUtc: integer(env, 'RETENTION_RUN_HOUR_UTC', 3, 0, 23),
    draftDays: days('RETENTION_DRAFT_DAYS', 90),
    rejectedDocumentDays: days('RETENTION_REJECTED_DOCUMENT_DAYS', 365),
    idempotencyKeyDays: days('RETENTION_IDEMPOTENCY_KEY_DAYS', 7),
    outboxEventDays: days('RETENTION_OUTBOX_EVENT_DAYS', 30),
    batchSize: integer(env, 'RETENTION_BATCH_SIZE', 500, 1, 10_000),
  };
}

function notificationsConfig(env: Env, nodeEnv: Config['nodeEnv']): NotificationsConfig {
  return {
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: text(env, 'MAIL_FROM', 'Immediate Assistance <no-reply@localhost>'),
    devMailbox: nodeEnv !== 'production',
    smsGatewayUrl: url(env, 'SMS_GATEWAY_URL', ['http:', 'https:']),
    smsGatewayToken: optionalText(env, 'SMS_GATEWAY_TOKEN'),
    smsSender: text(env, 'SMS_SENDER', 'IAOD'),
    digestHourUtc: integer(env, 'NOTIFICATION_DIGEST_HOUR_UTC', 7, 0, 23),
  };
}

function idIssuerKeyOf(value: unknown): IdIssuerSetting['keys'][number] | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { algorithm, publicKeyHex } = value as Record<string, unknown>;
  if (typeof publicKeyHex !== 'string' || !/^([0-9a-f]{2})+$/i.test(publicKeyHex)) return undefined;
  if (algorithm === 'EdDSA' && publicKeyHex.length === 64) return { algorithm, publicKeyHex: publicKeyHex.toLowerCase() };
  if (algorithm === 'ES256' && publicKeyHex.length === 130 && /^04/.test(publicKeyHex))
    return { algorithm, publicKeyHex: publicKeyHex.toLowerCase() };
  return undefined;
}

function identityConfig(env: Env): IdentityConfig {
  const issuersJson = optionalText(env, 'ID_TRUSTED_ISSUERS');
  const trustedIssuers: IdIssuerSetting[] = [];
  if (issuersJson !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(issuersJson);
    } catch {
      throw new ConfigError('ID_TRUSTED_ISSUERS', 'must be a JSON list of issuers');
    }
    if (!Array.isArray(parsed)) throw new ConfigError('ID_TRUSTED_ISSUERS', 'must be a JSON list of issuers');
    for (const [index, entry] of parsed.entries()) {
      const { issuer, name, keys } = (entry ?? {}) as Record<string, unknown>;
      const read = Array.isArray(keys) ? keys.map(idIssuerKeyOf) : [];
      if (typeof issuer !== 'string' || issuer.trim() === '' || typeof name !== 'string' || read.length === 0 || read.includes(undefined)) {
        throw new ConfigError(
          'ID_TRUSTED_ISSUERS',
          `entry ${index} needs an issuer, a name and keys, each {"algorithm", "publicKeyHex"}: ` +
            'EdDSA with a 32-byte key or ES256 with a 65-byte 04… point',
        );
      }
      trustedIssuers.push({ issuer: issuer.trim(), name, keys: read as IdIssuerSetting['keys'] });
    }
  }
  const decryptionKeys = (optionalText(env, 'ID_QR_DECRYPTION_KEYS') ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '')
    .map((key) => {
      if (!/^([0-9a-f]{32}|[0-9a-f]{48}|[0-9a-f]{64})$/i.test(key)) {
        throw new ConfigError('ID_QR_DECRYPTION_KEYS', 'each key must be 16, 24 or 32 bytes in hex, separated by commas');
      }
      return Uint8Array.from(Buffer.from(key, 'hex'));
    });
  return { trustedIssuers, decryptionKeys };
}

const DEVELOPMENT_PARTNER: G2pPartnerSetting = {
  clientId: 'iaod-external',
  senderId: 'external.example.org',
  allowedFields: ['identifier', 'name', 'sex', 'birth_date', 'address'],
  keys: [],
  callbackUris: [],
};

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string' && item.trim() !== '') ? (value as string[]) : undefined;
}

function g2pPartner(entry: unknown, index: number): G2pPartnerSetting {
  const { clientId, senderId, allowedFields, keys, callbackUris } = (entry ?? {}) as Record<string, unknown>;
  const fields = stringList(allowedFields);
  const uris = stringList(callbackUris ?? []);
  const jwks = Array.isArray(keys ?? []) ? ((keys ?? []) as unknown[]) : undefined;
  const keysAreJwks = jwks?.every((key) => key !== null && typeof key === 'object' && (key as Record<string, unknown>).kty === 'OKP');
  if (
    typeof clientId !== 'string' ||
    clientId === '' ||
    typeof senderId !== 'string' ||
    senderId === '' ||
    !fields ||
    !uris ||
    !keysAreJwks
  ) {
    throw new ConfigError(
      'G2P_PARTNERS',
      `entry ${index} needs a clientId, a senderId, allowedFields (a list), and optionally keys (Ed25519 JWKs, kty OKP) and callbackUris`,
    );
  }
  for (const uri of uris) {
    if (!/^https?:\/\//.test(uri)) throw new ConfigError('G2P_PARTNERS', `entry ${index}: callback URI ${uri} is not http(s)`);
  }
  return { clientId, senderId, allowedFields: fields, keys: (jwks ?? []) as Array<Record<string, unknown>>, callbackUris: uris };
}

function g2pGatewayConfig(env: Env, nodeEnv: Config['nodeEnv'], publicUrl: string): G2pGatewayConfig {
  const json = optionalText(env, 'G2P_PARTNERS');
  let partners: G2pPartnerSetting[];
  if (json === undefined) partners = nodeEnv === 'production' ? [] : [DEVELOPMENT_PARTNER];
  else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      throw new ConfigError('G2P_PARTNERS', 'must be a JSON list of partners');
    }
    if (!Array.isArray(parsed)) throw new ConfigError('G2P_PARTNERS', 'must be a JSON list of partners');
    partners = parsed.map(g2pPartner);
    const clients = new Set(partners.map((partner) => partner.clientId));
    if (clients.size !== partners.length) throw new ConfigError('G2P_PARTNERS', 'two partners share a clientId');
  }
  return {
    senderId: text(env, 'G2P_SENDER_ID', new URL(publicUrl).host),
    partners,
    messageMaxAgeSeconds: integer(env, 'G2P_MESSAGE_MAX_AGE_SECONDS', 300, 10, 86_400),
    maxPageSize: integer(env, 'G2P_MAX_PAGE_SIZE', 100, 1, 100),
    delivery: g2pDeliveryConfig(env),
  };
}

function g2pDeliveryConfig(env: Env): G2pDeliveryConfig {
  const baseMs = integer(env, 'G2P_DELIVERY_RETRY_BASE_MS', 2000, 10, 3_600_000);
  const maxMs = integer(env, 'G2P_DELIVERY_RETRY_MAX_MS', 600_000, 10, 86_400_000);
  if (maxMs < baseMs) throw new ConfigError('G2P_DELIVERY_RETRY_MAX_MS', 'must not be less than G2P_DELIVERY_RETRY_BASE_MS');
  return {
    pollIntervalMs: integer(env, 'G2P_DELIVERY_POLL_INTERVAL_MS', 1000, 10, 60_000),
    timeoutMs: integer(env, 'G2P_CALLBACK_TIMEOUT_MS', 10_000, 100, 120_000),
    retry: { baseMs, maxMs },
    giveUpHours: integer(env, 'G2P_DELIVERY_GIVE_UP_HOURS', 72, 1, 24 * 90),
  };
}

function issuerKeysConfig(env: Env, nodeEnv: Config['nodeEnv'], root: string): IssuerKeysConfig {
  const json = optionalText(env, 'ISSUER_KEYS');
  const file = optionalText(env, 'ISSUER_KEY_FILE');
  if (json !== undefined && file !== undefined) throw new ConfigError('ISSUER_KEYS', 'set ISSUER_KEYS or ISSUER_KEY_FILE, not both');
  if (json !== undefined) {
    try {
      return { kind: 'setting', file: parseIssuerKeyFile(json) };
    } catch (error) {
      if (error instanceof IssuerKeyFileError) throw new ConfigError('ISSUER_KEYS', error.message);
      throw error;
    }
  }
  // Generating is for development and single-instance demos (docker-compose): several instances would each make a key,
  // and vouchers signed by one would name an issuer the others do not know.
  const generate = boolean(env, 'ISSUER_KEY_GENERATE', nodeEnv !== 'production');
  if (file !== undefined) return { kind: 'file', path: path.resolve(root, file), generate };
  if (nodeEnv === 'production' && !generate) {
    throw new ConfigError('ISSUER_KEY_FILE', 'must be set in production (or ISSUER_KEYS): every instance signs with the same issuer key');
  }
  return { kind: 'file', path: path.join(root, 'keys', 'issuer-keys.json'), generate };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const DEV_SESSION_SECRET = 'development-only-session-secret-change-me';
const DEV_REFERENCE_KEY = 'development-only-reference-key-change-me';

function referenceKey(env: Env, nodeEnv: Config['nodeEnv']): string {
  const key = text(env, 'REFERENCE_KEY', DEV_REFERENCE_KEY);
  if (nodeEnv === 'production' && key === DEV_REFERENCE_KEY)
    throw new ConfigError('REFERENCE_KEY', 'must be set to a long random value in production');
  if (key.length < 16) throw new ConfigError('REFERENCE_KEY', 'must be at least 16 characters');
  return key;
}
const DEV_APP_PASSWORD = 'iaod-app-development-password';
const DEV_CHECKPOINT_KEY = 'development-only-audit-checkpoint-key';

function databaseAppConfig(env: Env, nodeEnv: Config['nodeEnv'], ownerUrl: string | undefined): Config['databaseApp'] {
  const appUrl = url(env, 'DATABASE_APP_URL', ['postgres:', 'postgresql:']);
  const password = optionalText(env, 'DATABASE_APP_PASSWORD');
  if (nodeEnv === 'production' && ownerUrl !== undefined && appUrl === undefined && password === undefined) {
    throw new ConfigError(
      'DATABASE_APP_URL',
      'must be set in production (or DATABASE_APP_PASSWORD, for a role iaod_app the migrations create): ' +
        'the app connects as a role that cannot rewrite the audit trail',
    );
  }
  return { url: appUrl, password: password ?? DEV_APP_PASSWORD };
}

function directoryConfig(env: Env): Config['oidc']['directory'] {
  return {
    clientId: text(env, 'OIDC_DIRECTORY_CLIENT_ID', 'iaod-directory'),
    clientSecret: text(env, 'OIDC_DIRECTORY_CLIENT_SECRET', 'iaod-directory-dev-secret'),
  };
}

function auditConfig(env: Env, nodeEnv: Config['nodeEnv']): AuditConfig {
  const checkpointKey = text(env, 'AUDIT_CHECKPOINT_KEY', DEV_CHECKPOINT_KEY);
  if (nodeEnv === 'production' && checkpointKey === DEV_CHECKPOINT_KEY) {
    throw new ConfigError('AUDIT_CHECKPOINT_KEY', 'must be set to a long random value in production');
  }
  if (checkpointKey.length < 16) throw new ConfigError('AUDIT_CHECKPOINT_KEY', 'must be at least 16 characters');
  return { checkpointKey, checkpointIntervalSeconds: integer(env, 'AUDIT_CHECKPOINT_INTERVAL_SECONDS', 300, 1, 86_400) };
}

/**
 * The app listens on plain HTTP, so an https PUBLIC_URL means a TLS proxy in front. Unless the proxy is
 * trusted, Express sees http, express-session never sends the Secure cookie, and sign-in silently fails:
 * refused at start in every environment (development behind a local TLS proxy fails the same way).
 */
function trustProxyFor(env: Env, publicUrl: string): boolean {
  const trustProxy = boolean(env, 'TRUST_PROXY', false);
  if (publicUrl.startsWith('https:') && !trustProxy) {
    throw new ConfigError(
      'TRUST_PROXY',
      'must be true when PUBLIC_URL is https: the app serves plain HTTP behind a TLS proxy and, not trusting its X-Forwarded-Proto, ' +
        'would never send the Secure session cookie, so no one could sign in. Set TRUST_PROXY=true, or an http PUBLIC_URL.',
    );
  }
  return trustProxy;
}

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'test', 'production'] as const, 'development');
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const publicUrl = url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;
  const sessionSecret = text(env, 'SESSION_SECRET', DEV_SESSION_SECRET);
  if (nodeEnv === 'production' && sessionSecret === DEV_SESSION_SECRET) {
    throw new ConfigError('SESSION_SECRET', 'must be set to a long random value in production');
  }
  if (sessionSecret.length < 16) throw new ConfigError('SESSION_SECRET', 'must be at least 16 characters');
  const issuer = url(env, 'OIDC_ISSUER', ['http:', 'https:']);
  if (nodeEnv === 'production' && issuer === undefined) {
    throw new ConfigError('OIDC_ISSUER', 'must be set in production (the development provider is for development only)');
  }
  const root = PROJECT_ROOT;
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const documents = documentsConfig(env, root);
  return {
    nodeEnv,
    host: text(env, 'HOST', '0.0.0.0'),
    port,
    publicUrl,
    databaseUrl,
    databaseApp: databaseAppConfig(env, nodeEnv, databaseUrl),
    audit: auditConfig(env, nodeEnv),
    embeddedPostgres: {
      dataDir: path.resolve(root, text(env, 'EMBEDDED_PG_DIR', '.data/postgres')),
      port: integer(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    },
    oidc: {
      issuer,
      clientId: text(env, 'OIDC_CLIENT_ID', 'iaod-web'),
      clientSecret: text(env, 'OIDC_CLIENT_SECRET', 'iaod-web-dev-secret'),
      audience: text(env, 'OIDC_AUDIENCE', 'iaod-api'),
      devProviderPort: integer(env, 'DEV_OIDC_PORT', 3001, 0, 65535),
      devProviderLockout: devProviderLockoutConfig(env),
      directory: directoryConfig(env),
    },
    sessionSecret,
    referenceKey: referenceKey(env, nodeEnv),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
    jsonBodyLimit: integer(env, 'JSON_BODY_LIMIT', 100 * 1024, 1024, 50 * 1024 * 1024),
    validateResponses: boolean(env, 'VALIDATE_RESPONSES', nodeEnv === 'test'),
    opensearchUrl: url(env, 'OPENSEARCH_URL', ['http:', 'https:']),
    opensearchIndexPrefix: indexPrefix(env),
    trustProxy: trustProxyFor(env, publicUrl),
    documents,
    quotas: quotasConfig(env, documents),
    outbox: outboxConfig(env),
    rateLimits: rateLimitConfig(env),
    retention: retentionConfig(env),
    notifications: notificationsConfig(env, nodeEnv),
    identity: identityConfig(env),
    issuerKeys: issuerKeysConfig(env, nodeEnv, root),
    g2p: g2pGatewayConfig(env, nodeEnv, publicUrl),
    workerThreads: integer(env, 'WORKER_THREADS', os.availableParallelism() > 1 ? os.availableParallelism() : 0, 0, 64),
    paths: {
      root,
      spec: path.join(root, 'openapi', 'openapi.yaml'),
      views: path.join(root, 'views'),
      locales: path.join(root, 'locales'),
      keys: path.join(root, 'keys'),
      realm: path.join(root, 'keycloak', 'realm.json'),
    },
  };
}
