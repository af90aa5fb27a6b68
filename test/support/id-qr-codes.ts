/**
 * Claim 169 ID QR codes for tests and benchmarks: the conformance vectors (test/fixtures/claim169), and codes
 * signed here (base45 → zlib → COSE_Sign1 over a CWT) with a key the test chooses, so a test can make an ID
 * that verifies, one signed by an untrusted key, an expired one…
 */
import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { decode as decodeCbor, encode as encodeCbor } from 'cborg';
import { decodeBase45, encodeBase45 } from '../../src/modules/vouchers/index.js';

export interface Claim169Vector {
  name: string;
  category: 'valid' | 'invalid' | 'edge';
  qr_data: string;
  expected_error?: string;
  signing_key?: { algorithm: 'EdDSA' | 'ES256'; public_key_hex: string; private_key_hex?: string };
  encryption_key?: { algorithm: string; symmetric_key_hex: string };
  expected_claim169?: Record<string, unknown>;
  expected_cwt_meta?: Record<string, unknown>;
}

const VECTORS_DIR = join(import.meta.dirname, '../fixtures/claim169');

export function readClaim169Vectors(): Claim169Vector[] {
  return (['valid', 'invalid', 'edge'] as const).flatMap((category) =>
    readdirSync(join(VECTORS_DIR, category))
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => JSON.parse(readFileSync(join(VECTORS_DIR, category, file), 'utf8')) as Claim169Vector),
  );
}

export function readClaim169Vector(category: string, name: string): Claim169Vector {
  return JSON.parse(readFileSync(join(VECTORS_DIR, category, `${name}.json`), 'utf8')) as Claim169Vector;
}

export interface IdSigningKey {
  algorithm: 'EdDSA' | 'ES256';
  privateKey: KeyObject;
  /** As a trusted issuer's key is configured: Ed25519's 32 bytes, or P-256's uncompressed point, in hex. */
  publicKeyHex: string;
}

export function generateIdSigningKey(algorithm: 'EdDSA' | 'ES256' = 'EdDSA'): IdSigningKey {
  if (algorithm === 'EdDSA') {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const jwk = publicKey.export({ format: 'jwk' });
    return { algorithm, privateKey, publicKeyHex: Buffer.from(jwk.x as string, 'base64url').toString('hex') };
  }
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const point = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x as string, 'base64url'), Buffer.from(jwk.y as string, 'base64url')]);
  return { algorithm, privateKey, publicKeyHex: point.toString('hex') };
}

/** The Ed25519 key of a vector that publishes its private key. */
export function vectorSigningKey(vector: Claim169Vector): IdSigningKey {
  const key = vector.signing_key;
  if (!key?.private_key_hex || key.algorithm !== 'EdDSA') throw new Error(`${vector.name} has no Ed25519 private key`);
  const privateKey = createPrivateKey({
    key: {
      kty: 'OKP',
      crv: 'Ed25519',
      d: Buffer.from(key.private_key_hex, 'hex').toString('base64url'),
      x: Buffer.from(key.public_key_hex, 'hex').toString('base64url'),
    },
    format: 'jwk',
  });
  return { algorithm: 'EdDSA', privateKey, publicKeyHex: key.public_key_hex };
}

export interface IdCardClaims {
  id: string;
  fullName?: string;
  firstName?: string;
  lastName?: string;
  /** YYYYMMDD or YYYY-MM-DD */
  dateOfBirth?: string;
  /** 1 male, 2 female, 3 other */
  gender?: number;
  address?: string;
  /** Photo bytes */
  photo?: Uint8Array;
}

export interface SignIdCardOptions {
  issuer: string;
  key: IdSigningKey;
  claims: IdCardClaims;
  /** Seconds since the epoch. */
  issuedAt?: number;
  expiresAt?: number;
  notBefore?: number;
}

const CLAIM_KEYS: Record<keyof IdCardClaims, number> = {
  id: 1,
  fullName: 4,
  firstName: 5,
  lastName: 7,
  dateOfBirth: 8,
  gender: 9,
  address: 10,
  photo: 16,
};

/** CBOR tag 18 (COSE_Sign1) before an encoded array. */
function tagged18(bytes: Uint8Array): Uint8Array {
  return Uint8Array.from([0xd2, ...bytes]);
}

/** A Claim 169 QR text, as an ID card would carry it, signed with `key`. */
export function signIdCard(options: SignIdCardOptions): string {
  const identity = new Map<number, unknown>();
  for (const [name, value] of Object.entries(options.claims)) {
    if (value !== undefined) identity.set(CLAIM_KEYS[name as keyof IdCardClaims], value);
  }
  const cwt = new Map<number, unknown>([[1, options.issuer]]);
  const now = Math.floor(Date.now() / 1000);
  cwt.set(4, options.expiresAt ?? now + 365 * 86400);
  if (options.notBefore !== undefined) cwt.set(5, options.notBefore);
  cwt.set(6, options.issuedAt ?? now - 86400);
  cwt.set(169, identity);
  return signCwt(cwt, options.key);
}

/** Signs CWT claims (a map with integer keys) as a COSE_Sign1 and packs it as an ID QR text. */
export function signCwt(cwt: Map<number, unknown>, key: IdSigningKey): string {
  const protectedHeader = encodeCbor(new Map([[1, key.algorithm === 'EdDSA' ? -8 : -7]]));
  const payload = encodeCbor(cwt);
  const toBeSigned = encodeCbor(['Signature1', protectedHeader, new Uint8Array(0), payload]);
  const signature =
    key.algorithm === 'EdDSA'
      ? sign(null, toBeSigned, key.privateKey)
      : sign('sha256', toBeSigned, { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  const sign1 = tagged18(encodeCbor([protectedHeader, new Map(), payload, new Uint8Array(signature)]));
  return encodeBase45(deflateSync(sign1));
}

/** A vector's CWT (claims as they are) signed again with `key`: the same ID, now from a signer the test trusts. */
export function resignVector(vector: Claim169Vector, key: IdSigningKey): string {
  const bytes = inflateSync(decodeBase45(vector.qr_data) as Uint8Array);
  const sign1 = decodeCbor(bytes, { useMaps: true, tags: { 18: (decode: () => unknown) => decode() } as never }) as unknown[];
  const cwt = decodeCbor(sign1[2] as Uint8Array, { useMaps: true }) as Map<number, unknown>;
  return signCwt(cwt, key);
}
