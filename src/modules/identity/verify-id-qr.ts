/**
 * What an ID QR code says, if it is to be believed. Two kinds are read: a MOSIP Claim 169 code (decrypted with the
 * program's keys when it is a COSE_Encrypt0), and a W3C Verifiable Credential identity card (`VC1-R…` CBOR-LD,
 * PixelPass, or JSON), checked by the vouchers' verification code (vc/verify-id-credential.ts). Either way its
 * issuer is trusted, its signature checked and now inside its validity window, and each failure is an IdQrError
 * naming the check. It reads no database, so the routes, the portal and the benchmark call the same function.
 */
import { decodeClaim169 } from './claim169/decode-claim169.js';
import { verifyClaim169 } from './claim169/verify-claim169.js';
import { IdQrError } from './id-qr-error.js';
import type { TrustedIdIssuer } from './trusted-issuer.js';
import { verifiedIdOfClaim169, type VerifiedId } from './verified-id.js';
import {
  createIdentityDocumentLoader,
  decodeIdCredential,
  decodePixelPassCredential,
  looksLikeCredential,
  verifyIdCredential,
} from './vc/verify-id-credential.js';
import type { DocumentLoader } from '../vouchers/index.js';

export interface VerifyIdQrOptions {
  trustedIssuers: readonly TrustedIdIssuer[];
  /** AES-GCM keys the program holds, for encrypted codes. */
  decryptionKeys: readonly Uint8Array[];
  now: Date;
  /** The JSON-LD documents an identity credential may name. Default: the bundled ones (never the network). */
  documentLoader?: DocumentLoader;
}

let defaultLoader: DocumentLoader | undefined;

export async function verifyIdQr(text: string, options: VerifyIdQrOptions): Promise<VerifiedId> {
  const documentLoader = options.documentLoader ?? (defaultLoader ??= createIdentityDocumentLoader());
  if (looksLikeCredential(text)) return verifyIdCredential(await decodeIdCredential(text, documentLoader), { ...options, documentLoader });
  let decoded;
  try {
    decoded = await decodeClaim169(text, { decryptionKeys: options.decryptionKeys });
  } catch (error) {
    // Claim 169 and PixelPass are both base45 of zlib: a stream that is no COSE may be a credential.
    const credential =
      error instanceof IdQrError && error.code === 'ERR_ID_QR_NOT_COSE' ? await decodePixelPassCredential(text) : undefined;
    if (!credential) throw error;
    return verifyIdCredential(credential, { ...options, documentLoader });
  }
  await verifyClaim169(decoded, options);
  const verified = verifiedIdOfClaim169(decoded.claim169, decoded.meta.issuer as string, decoded.meta.expiresAt);
  if (!verified) throw new IdQrError('ERR_ID_QR_INCOMPLETE', 'the code holds no ID number');
  return verified;
}
