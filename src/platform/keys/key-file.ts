/**
 * The stored form of the issuer's keys: the file `keys/issuer-keys.json` in development, or the same JSON in
 * the ISSUER_KEYS setting or a mounted file (ISSUER_KEY_FILE) in production. Exactly one key is current
 * (no `retired` date) and signs; retired keys stay listed so what they signed still verifies.
 */

export interface StoredIssuerKey {
  /** Multikey public key, base58btc (`z6Mk…`). */
  publicKeyMultibase: string;
  /** Multikey secret key (`zrv…`); may be dropped from a retired key, which only verifies. */
  secretKeyMultibase?: string;
  /** When the key was made (ISO 8601). */
  created: string;
  /** When a newer key took over (ISO 8601); absent on the current key. */
  retired?: string;
}

export interface IssuerKeyFile {
  keys: StoredIssuerKey[];
}

/** The stored keys are malformed; `message` names what is wrong and never contains key material. */
export class IssuerKeyFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IssuerKeyFileError';
  }
}

const ED25519_PUBLIC = /^z6Mk[1-9A-HJ-NP-Za-km-z]{44}$/;
// 64-byte secret (seed and public key, `zrv…`) or 32-byte seed (`z3u2…`), as @digitalbazaar/ed25519-multikey reads both.
const ED25519_SECRET = /^z[1-9A-HJ-NP-Za-km-z]{45,95}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Reads and checks the JSON of a key file (shape only; the keys themselves are decoded when loaded). */
export function parseIssuerKeyFile(text: string): IssuerKeyFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new IssuerKeyFileError('is not JSON');
  }
  const keys = (parsed as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0) throw new IssuerKeyFileError('must be an object with a non-empty "keys" list');
  const checked = keys.map((key: unknown, index) => checkStoredKey(key, index));
  const current = checked.filter((key) => key.retired === undefined);
  if (current.length !== 1) throw new IssuerKeyFileError(`must have exactly one current key (without "retired"), has ${current.length}`);
  if (current[0]?.secretKeyMultibase === undefined) throw new IssuerKeyFileError('the current key needs its "secretKeyMultibase"');
  if (new Set(checked.map((key) => key.publicKeyMultibase)).size !== checked.length) throw new IssuerKeyFileError('lists a key twice');
  return { keys: checked };
}

function checkStoredKey(key: unknown, index: number): StoredIssuerKey {
  const where = `keys[${index}]`;
  if (typeof key !== 'object' || key === null) throw new IssuerKeyFileError(`${where} must be an object`);
  const { publicKeyMultibase, secretKeyMultibase, created, retired } = key as Record<string, unknown>;
  if (typeof publicKeyMultibase !== 'string' || !ED25519_PUBLIC.test(publicKeyMultibase)) {
    throw new IssuerKeyFileError(`${where}.publicKeyMultibase must be an Ed25519 Multikey (z6Mk…)`);
  }
  if (secretKeyMultibase !== undefined && (typeof secretKeyMultibase !== 'string' || !ED25519_SECRET.test(secretKeyMultibase))) {
    throw new IssuerKeyFileError(`${where}.secretKeyMultibase must be an Ed25519 Multikey secret key (base58btc, z…)`);
  }
  if (typeof created !== 'string' || !ISO_DATE_TIME.test(created))
    throw new IssuerKeyFileError(`${where}.created must be an ISO 8601 UTC date-time`);
  if (retired !== undefined && (typeof retired !== 'string' || !ISO_DATE_TIME.test(retired))) {
    throw new IssuerKeyFileError(`${where}.retired must be an ISO 8601 UTC date-time`);
  }
  return {
    publicKeyMultibase,
    ...(secretKeyMultibase === undefined ? {} : { secretKeyMultibase: secretKeyMultibase as string }),
    created,
    ...(retired === undefined ? {} : { retired: retired as string }),
  };
}

export function serializeIssuerKeyFile(file: IssuerKeyFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
