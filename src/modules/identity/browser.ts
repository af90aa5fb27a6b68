/**
 * The identity module's door for code that runs in a browser (the portal's ID step): reading an ID QR code on the
 * phone, so its image never leaves it. The server checks the text again.
 */
export { decodeClaim169, type DecodedClaim169 } from './claim169/decode-claim169.js';
export { verifiedIdOfClaim169, type VerifiedId } from './verified-id.js';
export { IdQrError } from './id-qr-error.js';
