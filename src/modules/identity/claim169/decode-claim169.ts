/**
 * Reads a MOSIP Claim 169 QR text: base45 → zlib → COSE_Sign1 (or a COSE_Encrypt0 holding one, opened with a key
 * the program holds) → CWT → claim 169. It checks the form only; whether to believe it (signature, issuer, dates)
 * is `verify-claim169.ts`. No Node API: the portal runs this in the browser so the ID's image never leaves the phone.
 */
import { decode as decodeCbor, encode as encodeCbor } from 'cborg';
import { decodeBase45, inflateBounded } from '../../vouchers/browser.js';
import { IdQrError } from '../id-qr-error.js';
import { readClaim169, toBase64, type Claim169 } from './claim169-fields.js';

const COSE_ENCRYPT0 = 16;
const COSE_SIGN1 = 18;
const CWT = 61;
const HEADER_ALG = 1;
const HEADER_KID = 4;
const HEADER_IV = 5;
const CLAIM_169 = 169;
/** More than any ID QR holds (a QR code carries at most about 3 KB; a photo inflates little). */
const ID_QR_MAX_INFLATED_BYTES = 64 * 1024;
/** COSE's AES-GCM algorithms and their key lengths in bytes. */
const AES_GCM_KEY_BYTES: Record<number, number> = { 1: 16, 2: 24, 3: 32 };

/** The CWT's registered claims, in seconds since the epoch where they are times. */
export interface CwtMeta {
  issuer?: string;
  subject?: string;
  expiresAt?: number;
  notBefore?: number;
  issuedAt?: number;
}

export interface Claim169Signature {
  /** COSE algorithm number (-8 EdDSA, -7 ES256), when the header names one. */
  algorithm?: number;
  /** The key id header, in base64, when present. */
  keyId?: string;
  /** The Sig_structure the signature is over. */
  toBeSigned: Uint8Array;
  /** Empty when the code is not signed. */
  value: Uint8Array;
}

export interface DecodedClaim169 {
  claim169: Claim169;
  meta: CwtMeta;
  signature: Claim169Signature;
  /** Whether the code was a COSE_Encrypt0 the program's key opened. */
  encrypted: boolean;
}

export interface DecodeClaim169Options {
  /** AES-GCM keys (raw bytes) for a COSE_Encrypt0; none: an encrypted code cannot be read here. */
  decryptionKeys?: readonly Uint8Array[];
}

interface Tagged {
  tag: number;
  value: unknown;
}

const TAGS: Record<number, (decode: () => unknown) => Tagged> = {};
for (const tag of [COSE_ENCRYPT0, COSE_SIGN1, CWT]) TAGS[tag] = (decode) => ({ tag, value: decode() });

function readCbor(bytes: Uint8Array): unknown {
  return decodeCbor(bytes, { useMaps: true, tags: TAGS as never });
}

const notCose = (message: string, cause?: unknown) => new IdQrError('ERR_ID_QR_NOT_COSE', message, cause ? { cause } : undefined);

function untag(value: unknown): { tag: number | undefined; value: unknown } {
  if (value !== null && typeof value === 'object' && 'tag' in value && 'value' in value) {
    const tagged = value as Tagged;
    // A CWT tag may wrap the COSE structure.
    return tagged.tag === CWT ? untag(tagged.value) : { tag: tagged.tag, value: tagged.value };
  }
  return { tag: undefined, value };
}

function headerMap(bytes: Uint8Array): Map<unknown, unknown> {
  if (bytes.length === 0) return new Map();
  const map = readCbor(bytes);
  if (!(map instanceof Map)) throw notCose('the protected header is not a map');
  return map;
}

function bytesOf(value: unknown, what: string): Uint8Array {
  if (!(value instanceof Uint8Array)) throw notCose(`the ${what} is not a byte string`);
  return value;
}

async function openEncrypt0(parts: unknown[], keys: readonly Uint8Array[]): Promise<Uint8Array> {
  const protectedBytes = bytesOf(parts[0], 'protected header');
  const unprotected = parts[1];
  const ciphertext = bytesOf(parts[2], 'ciphertext');
  if (!(unprotected instanceof Map)) throw notCose('the unprotected header is not a map');
  const protectedHeader = headerMap(protectedBytes);
  const algorithm = protectedHeader.get(HEADER_ALG) ?? unprotected.get(HEADER_ALG);
  const iv = protectedHeader.get(HEADER_IV) ?? unprotected.get(HEADER_IV);
  const keyBytes = typeof algorithm === 'number' ? AES_GCM_KEY_BYTES[algorithm] : undefined;
  if (!keyBytes || !(iv instanceof Uint8Array)) {
    throw new IdQrError('ERR_ID_QR_NOT_DECRYPTABLE', 'the code is encrypted with an algorithm other than AES-GCM');
  }
  const additionalData = encodeCbor(['Encrypt0', protectedBytes, new Uint8Array(0)]);
  for (const key of keys.filter((candidate) => candidate.length === keyBytes)) {
    try {
      const cryptoKey = await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['decrypt']);
      return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData }, cryptoKey, ciphertext));
    } catch {
      // Not this key (the tag does not match): try the next.
    }
  }
  throw new IdQrError('ERR_ID_QR_NOT_DECRYPTABLE', 'none of the program’s keys opens this encrypted code');
}

function readSign1(parts: unknown[]): { signature: Claim169Signature; payload: Uint8Array } {
  const protectedBytes = bytesOf(parts[0], 'protected header');
  const unprotected = parts[1];
  const payload = bytesOf(parts[2], 'payload');
  const value = bytesOf(parts[3], 'signature');
  if (!(unprotected instanceof Map)) throw notCose('the unprotected header is not a map');
  const protectedHeader = headerMap(protectedBytes);
  const algorithm = protectedHeader.get(HEADER_ALG) ?? unprotected.get(HEADER_ALG);
  const keyId = protectedHeader.get(HEADER_KID) ?? unprotected.get(HEADER_KID);
  const toBeSigned = encodeCbor(['Signature1', protectedBytes, new Uint8Array(0), payload]);
  return {
    payload,
    signature: {
      ...(typeof algorithm === 'number' ? { algorithm } : {}),
      ...(keyId instanceof Uint8Array ? { keyId: toBase64(keyId) } : {}),
      toBeSigned,
      value,
    },
  };
}

function readCwt(payload: Uint8Array): { claim169: Claim169; meta: CwtMeta } {
  let claims: unknown;
  try {
    claims = readCbor(payload);
  } catch (error) {
    throw notCose('the payload is not CBOR', error);
  }
  if (!(claims instanceof Map)) throw notCose('the payload is not a CWT claims map');
  const identity = claims.get(CLAIM_169);
  if (!(identity instanceof Map)) throw new IdQrError('ERR_ID_QR_NO_IDENTITY', 'the CWT carries no claim 169');
  const text = (key: number) => (typeof claims.get(key) === 'string' ? (claims.get(key) as string) : undefined);
  const time = (key: number) => (typeof claims.get(key) === 'number' ? (claims.get(key) as number) : undefined);
  const meta: CwtMeta = {};
  const [issuer, subject, expiresAt, notBefore, issuedAt] = [text(1), text(2), time(4), time(5), time(6)];
  if (issuer !== undefined) meta.issuer = issuer;
  if (subject !== undefined) meta.subject = subject;
  if (expiresAt !== undefined) meta.expiresAt = expiresAt;
  if (notBefore !== undefined) meta.notBefore = notBefore;
  if (issuedAt !== undefined) meta.issuedAt = issuedAt;
  return { claim169: readClaim169(identity), meta };
}

/** The COSE structure in CBOR bytes: its tag (or, untagged, what its length says it is) and its parts. */
function readCose(bytes: Uint8Array): { kind: 'sign1' | 'encrypt0'; parts: unknown[] } {
  let decoded: unknown;
  try {
    decoded = readCbor(bytes);
  } catch (error) {
    throw notCose('the code is not CBOR', error);
  }
  const { tag, value } = untag(decoded);
  if (!Array.isArray(value)) throw notCose('the code is not a COSE structure');
  if ((tag === COSE_SIGN1 || tag === undefined) && value.length === 4) return { kind: 'sign1', parts: value };
  if ((tag === COSE_ENCRYPT0 || tag === undefined) && value.length === 3) return { kind: 'encrypt0', parts: value };
  throw notCose('the code is neither a COSE_Sign1 nor a COSE_Encrypt0');
}

/** Base45 as a QR scanner hands it over: line breaks some scanners add are dropped (spaces are base45's own). */
function base45Bytes(text: string): Uint8Array {
  const bytes = decodeBase45(text.replace(/[\r\n\t]/g, ''));
  if (!bytes || bytes.length === 0) throw new IdQrError('ERR_ID_QR_NOT_BASE45', 'the text is not base45');
  return bytes;
}

export async function decodeClaim169(text: string, options: DecodeClaim169Options = {}): Promise<DecodedClaim169> {
  const compressed = base45Bytes(text);
  let bytes: Uint8Array;
  try {
    bytes = await inflateBounded(compressed, ID_QR_MAX_INFLATED_BYTES);
  } catch (error) {
    throw new IdQrError('ERR_ID_QR_DAMAGED', 'the code does not inflate: it was cut short or altered', { cause: error });
  }
  const cose = readCose(bytes);
  if (cose.kind === 'sign1') {
    const { signature, payload } = readSign1(cose.parts);
    return { ...readCwt(payload), signature, encrypted: false };
  }
  const plaintext = await openEncrypt0(cose.parts, options.decryptionKeys ?? []);
  // Encrypted, it holds a COSE_Sign1, or the CWT itself unsigned (which no issuer then vouches for).
  if (plaintext[0] !== 0xd2 && (plaintext[0] ?? 0) >> 5 === 5) {
    return { ...readCwt(plaintext), signature: { toBeSigned: new Uint8Array(0), value: new Uint8Array(0) }, encrypted: true };
  }
  const inner = readCose(plaintext);
  if (inner.kind !== 'sign1') throw notCose('the encrypted code holds neither a COSE_Sign1 nor a CWT');
  const { signature, payload } = readSign1(inner.parts);
  return { ...readCwt(payload), signature, encrypted: true };
}
