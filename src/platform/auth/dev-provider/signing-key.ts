/**
 * The dev provider's RS256 signing key, kept in `<keysDir>/dev-oidc-jwks.json` so tokens and cached
 * JWKS stay valid across restarts. Generated on first start; a dev key, never a production secret.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { createKeyFile } from '../../keys/create-key-file.js';

export const SIGNING_KEY_FILE = 'dev-oidc-jwks.json';

const RSA_PRIVATE_MEMBERS = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] as const;

export interface SigningKeySet {
  /** Private JWK Set, as oidc-provider's `jwks` option takes it. */
  jwks: { keys: JWK[] };
  kid: string;
  /** Where it is kept. */
  path: string;
  /** True when this start generated the key. */
  created: boolean;
}

export async function loadOrCreateSigningKey(keysDir: string): Promise<SigningKeySet> {
  const path = join(keysDir, SIGNING_KEY_FILE);
  const stored = await readStoredKey(path);
  if (stored) return { jwks: { keys: [stored] }, kid: stored.kid ?? '', path, created: false };
  const key = await generateSigningKey();
  if (!(await createKeyFile(path, `${JSON.stringify({ keys: [key] }, null, 2)}\n`))) {
    // Another process started at the same moment and put its key there first: everyone uses that one.
    const winner = await readStoredKey(path);
    if (!winner) throw new Error(`${path} vanished while it was being created`);
    return { jwks: { keys: [winner] }, kid: winner.kid ?? '', path, created: false };
  }
  return { jwks: { keys: [key] }, kid: key.kid ?? '', path, created: true };
}

async function readStoredKey(path: string): Promise<JWK | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const key = parseJwks(text)?.keys?.[0];
  if (!key || key.kty !== 'RSA' || !key.kid || RSA_PRIVATE_MEMBERS.some((member) => typeof key[member] !== 'string')) {
    throw new TypeError(`${path} does not hold an RSA private signing key; delete it to generate a new one.`);
  }
  return { ...key, alg: 'RS256', use: 'sig' };
}

function parseJwks(text: string): { keys?: JWK[] } | undefined {
  try {
    return JSON.parse(text) as { keys?: JWK[] };
  } catch {
    return undefined;
  }
}

async function generateSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: 'RS256', use: 'sig' };
}
