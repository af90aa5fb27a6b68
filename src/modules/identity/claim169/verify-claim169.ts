/**
 * Whether to believe a decoded Claim 169 code: its issuer is a trusted one, now lies between its not-before and its
 * expiry, and its signature holds under one of that issuer's keys (Ed25519 or ECDSA P-256, by WebCrypto). Each
 * failure names its check, in that order: an expired ID is told as expired, whoever signed it (the answer is a
 * refusal either way, and the holder learns what to do). No Node API, so a browser can run it too.
 */
import { IdQrError } from '../id-qr-error.js';
import { COSE_ALGORITHMS, hexToBytes, type TrustedIdIssuer, type TrustedIdKey } from '../trusted-issuer.js';
import type { DecodedClaim169 } from './decode-claim169.js';

/** Clocks disagree: a code is taken as valid this many seconds either side of its window. */
export const CLOCK_TOLERANCE_SECONDS = 300;

export interface VerifyClaim169Options {
  trustedIssuers: readonly TrustedIdIssuer[];
  now: Date;
}

async function verifiesWith(key: TrustedIdKey, toBeSigned: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const raw = hexToBytes(key.publicKeyHex);
  try {
    if (key.algorithm === 'EdDSA') {
      const publicKey = await crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
      return await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, signature, toBeSigned);
    }
    const publicKey = await crypto.subtle.importKey('raw', raw, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, publicKey, signature, toBeSigned);
  } catch {
    // A key WebCrypto will not import verifies nothing.
    return false;
  }
}

export async function verifyClaim169(decoded: DecodedClaim169, options: VerifyClaim169Options): Promise<void> {
  const issuer = options.trustedIssuers.find((candidate) => candidate.issuer === decoded.meta.issuer);
  if (!issuer) throw new IdQrError('ERR_ID_QR_ISSUER_UNTRUSTED', 'the issuer of the code is not a trusted ID issuer');
  const now = options.now.getTime() / 1000;
  const { expiresAt, notBefore } = decoded.meta;
  if (expiresAt !== undefined && now > expiresAt + CLOCK_TOLERANCE_SECONDS)
    throw new IdQrError('ERR_ID_QR_EXPIRED', 'the code has expired');
  if (notBefore !== undefined && now < notBefore - CLOCK_TOLERANCE_SECONDS) {
    throw new IdQrError('ERR_ID_QR_NOT_YET_VALID', 'the code is not valid yet');
  }
  const { algorithm, toBeSigned, value } = decoded.signature;
  const keys = issuer.keys.filter((key) => COSE_ALGORITHMS[key.algorithm] === algorithm);
  let verified = false;
  if (value.length > 0) {
    for (const key of keys) if (!verified) verified = await verifiesWith(key, toBeSigned, value);
  }
  if (!verified) throw new IdQrError('ERR_ID_QR_SIGNATURE_INVALID', 'the signature matches no key of the issuer');
}
