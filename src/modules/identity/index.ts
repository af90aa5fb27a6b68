/** What other modules and the composition root may use of identity. */
export { createIdentityService, type IdentityService, type IdentityServiceOptions } from './service.js';
export { createIdentityHandlers } from './routes.js';
export { createIdentityLinks } from './migrations.js';
export type { VerifiedIdentity } from './link-verified-id.js';
export type { LinkRefusal } from './find-link-refusals.js';
export { LOCKABLE_FIELDS, type LockableField, type VerifiedId } from './verified-id.js';
export type { TrustedIdIssuer } from './trusted-issuer.js';
export { IdQrError, type IdQrErrorCode } from './id-qr-error.js';
export { verifyIdQr, type VerifyIdQrOptions } from './verify-id-qr.js';
export { eraseIdentityOf } from './erase-identity.js';
