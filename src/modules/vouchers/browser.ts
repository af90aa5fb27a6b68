/**
 * The vouchers module's second door, for code that runs in a browser (the scanner page's offline verifier,
 * src/web/scan/offline): reading a QR text and verifying a voucher, with no Node API behind them. Everything
 * else goes through index.ts.
 */
export type { UnknownCredential } from './credential.js';
export { createDocumentLoader } from './document-loader.js';
export { decodeBase45, encodeBase45 } from './qr/base45.js';
export { inflateBounded } from './qr/inflate-bounded.js';
export { decodeScannedText } from './qr/scanned-text.js';
export { QrDecodeError } from './qr/voucher-qr.js';
export type { TrustBundle } from './trust-bundle.js';
export { verifyVoucher, type VoucherCheck } from './verify-voucher.js';
