/**
 * What an ID QR code says, if it is to be believed: a Claim 169 code read (decrypted with the program's keys when
 * it is a COSE_Encrypt0), its issuer trusted, its signature checked and now inside its validity window. Each
 * failure is an IdQrError naming the check. It reads no database, so the routes, the portal and the benchmark
 * call the same function.
 */
import { decodeClaim169 } from './claim169/decode-claim169.js';
import { verifyClaim169 } from './claim169/verify-claim169.js';
import { IdQrError } from './id-qr-error.js';
import type { TrustedIdIssuer } from './trusted-issuer.js';
import { verifiedIdOfClaim169, type VerifiedId } from './verified-id.js';

export interface VerifyIdQrOptions {
  trustedIssuers: readonly TrustedIdIssuer[];
  /** AES-GCM keys the program holds, for encrypted codes. */
  decryptionKeys: readonly Uint8Array[];
  now: Date;
}

export async function verifyIdQr(text: string, options: VerifyIdQrOptions): Promise<VerifiedId> {
  const decoded = await decodeClaim169(text, { decryptionKeys: options.decryptionKeys });
  await verifyClaim169(decoded, options);
  const verified = verifiedIdOfClaim169(decoded.claim169, decoded.meta.issuer as string, decoded.meta.expiresAt);
  if (!verified) throw new IdQrError('ERR_ID_QR_INCOMPLETE', 'the code holds no ID number');
  return verified;
}
