/**
 * Whether to believe an identity card credential, through the same code that verifies the vouchers: the QR text
 * is read by the scanner's decoder (`VC1-R…` CBOR-LD, PixelPass, or the credential as JSON), and the Data Integrity
 * proof (eddsa-rdfc-2022) is checked by the vouchers' signature check with a document loader that never touches the
 * network. Then, as for a Claim 169 code and in the same order: the issuer is a trusted ID issuer, now lies inside
 * validFrom…validUntil, and the proof holds under one of that issuer's Ed25519 keys. A credential that names a
 * status list is refused: another issuer's list cannot be consulted here, and a revoked ID must not pass.
 */
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {
  createDocumentLoader,
  decodePixelPass,
  decodeScannedText,
  QrDecodeError,
  verifyCredentialSignature,
  type DocumentLoader,
  type UnknownCredential,
} from '../../vouchers/index.js';
import { CLOCK_TOLERANCE_SECONDS } from '../claim169/verify-claim169.js';
import { IdQrError } from '../id-qr-error.js';
import { hexToBytes, type TrustedIdIssuer } from '../trusted-issuer.js';
import type { VerifiedId } from '../verified-id.js';
import { readIdCardForm, verifiedIdOfIdCard } from './id-card-credential.js';
import { IDENTITY_CONTEXT_URL, identityContext } from './identity-context.js';

/** The documents an identity card names: the vouchers' bundle (credentials v2, data integrity, did:key) and ours. */
export function createIdentityDocumentLoader(): DocumentLoader {
  return createDocumentLoader({ extraDocuments: new Map([[IDENTITY_CONTEXT_URL, identityContext]]) });
}

/** Whether a text is read as a credential rather than a Claim 169 code: `VC1-…` or JSON. */
export function looksLikeCredential(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.startsWith('VC1-') || trimmed.startsWith('{');
}

const damaged = (message: string, cause: unknown) => new IdQrError('ERR_ID_QR_DAMAGED', message, { cause });

/** The credential a QR text carries; no identity card registry entry of CBOR-LD but the default one (1) is read. */
export async function decodeIdCredential(text: string, documentLoader: DocumentLoader): Promise<UnknownCredential> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      throw damaged('the text is not a credential in JSON', error);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new IdQrError('ERR_ID_QR_NO_IDENTITY', 'the JSON is not a credential');
    }
    return parsed as UnknownCredential;
  }
  try {
    return await decodeScannedText({ text: trimmed, documentLoader, typeTables: new Map() });
  } catch (error) {
    if (!(error instanceof QrDecodeError)) throw error;
    if (error.code === 'ERR_QR_NOT_BASE45') throw new IdQrError('ERR_ID_QR_NOT_BASE45', 'the code is not base45', { cause: error });
    if (error.code === 'ERR_QR_UNKNOWN_REGISTRY_ENTRY') {
      throw new IdQrError('ERR_ID_QR_NO_IDENTITY', 'the code is a credential of another kind', { cause: error });
    }
    throw damaged('the code does not decode to a credential', error);
  }
}

/** A PixelPass credential (base45 → zlib → JSON or CBOR), or undefined when the text is none. */
export async function decodePixelPassCredential(text: string): Promise<UnknownCredential | undefined> {
  try {
    return await decodePixelPass(text.trim());
  } catch (error) {
    if (error instanceof QrDecodeError) return undefined;
    throw error;
  }
}

export interface VerifyIdCredentialOptions {
  trustedIssuers: readonly TrustedIdIssuer[];
  now: Date;
  documentLoader: DocumentLoader;
}

/** The raw Ed25519 key of a `did:key:z6Mk…` (or of its verification method `did:key:z6Mk…#z6Mk…`), or undefined. */
export async function ed25519KeyOfDidKey(url: string): Promise<Uint8Array | undefined> {
  const match = /^did:key:(z6Mk[1-9A-HJ-NP-Za-km-z]+)(#\1)?$/.exec(url);
  if (!match) return undefined;
  const did = `did:key:${match[1]}`;
  try {
    return (await Ed25519Multikey.from({ id: `${did}#${match[1]}`, controller: did, type: 'Multikey', publicKeyMultibase: match[1] }))
      .publicKey;
  } catch {
    return undefined;
  }
}

/** The raw Ed25519 key a proof names by its `did:key` verification method, or undefined. */
async function proofKeyOf(credential: UnknownCredential): Promise<Uint8Array | undefined> {
  const method = (credential.proof as { verificationMethod?: unknown } | undefined)?.verificationMethod;
  return typeof method === 'string' && method.includes('#') ? ed25519KeyOfDidKey(method) : undefined;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, index) => byte === b[index]);

export async function verifyIdCredential(credential: UnknownCredential, options: VerifyIdCredentialOptions): Promise<VerifiedId> {
  const form = readIdCardForm(credential);
  if (!form) throw new IdQrError('ERR_ID_QR_NO_IDENTITY', 'the credential is no identity card');
  const issuer = options.trustedIssuers.find((candidate) => candidate.issuer === form.issuer);
  if (!issuer) throw new IdQrError('ERR_ID_QR_ISSUER_UNTRUSTED', 'the issuer of the credential is not a trusted ID issuer');
  const now = options.now.getTime();
  const tolerance = CLOCK_TOLERANCE_SECONDS * 1000;
  if (form.validUntil !== undefined && now > form.validUntil + tolerance)
    throw new IdQrError('ERR_ID_QR_EXPIRED', 'the credential has expired');
  if (form.validFrom !== undefined && now < form.validFrom - tolerance) {
    throw new IdQrError('ERR_ID_QR_NOT_YET_VALID', 'the credential is not valid yet');
  }
  const key = await proofKeyOf(credential);
  const trustedKey =
    key !== undefined &&
    issuer.keys.some((candidate) => candidate.algorithm === 'EdDSA' && sameBytes(hexToBytes(candidate.publicKeyHex), key));
  if (!trustedKey || !(await verifyCredentialSignature(credential, options.documentLoader))) {
    throw new IdQrError('ERR_ID_QR_SIGNATURE_INVALID', 'the proof matches no key of the issuer');
  }
  if (form.hasStatus) throw new IdQrError('ERR_ID_QR_STATUS_UNCHECKABLE', 'the credential names a status list this service cannot consult');
  const verified = verifiedIdOfIdCard(form);
  if (!verified) throw new IdQrError('ERR_ID_QR_INCOMPLETE', 'the credential holds no ID number');
  return verified;
}
