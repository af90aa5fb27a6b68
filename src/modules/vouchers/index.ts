export { createContextRoutes, VOUCHER_CONTEXT_PATH } from './context-routes.js';
export { VOUCHER_CONTEXT_URL, CREDENTIALS_V2_CONTEXT_URL, VOUCHER_CONTEXT_FILE, voucherContext } from './voucher-context.js';
export {
  BUNDLED_CONTEXTS,
  createDocumentLoader,
  DocumentNotBundledError,
  type CreateDocumentLoaderOptions,
  type DocumentLoader,
  type RemoteDocument,
} from './document-loader.js';
export type {
  BitstringStatusListEntry,
  DataIntegrityProof,
  SignedVoucherCredential,
  StatusPurpose,
  UnknownCredential,
  VoucherCredential,
  VoucherSubject,
} from './credential.js';
export { buildVoucher, type BuildVoucherOptions, type StatusListPosition } from './build-voucher.js';
export { deriveBeneficiaryReference } from './beneficiary-reference.js';
export { signCredential, type SignCredentialOptions } from './sign-credential.js';
export { createSealer, sealVoucherCredential, type SealTask, type SealTools, type SealVoucher } from './seal-voucher.js';
export { verifyCredentialSignature } from './verify-signature.js';
export {
  verifyVoucher,
  type FetchStatusList,
  type VerifyVoucherOptions,
  type VerifyVoucherResult,
  type VoucherCheck,
  type VoucherCheckResult,
  type VoucherFailureCode,
} from './verify-voucher.js';
export {
  buildStatusListCredential,
  createStatusBits,
  decodeStatusBits,
  encodeStatusBits,
  readStatusBit,
  setStatusBit,
  STATUS_LIST_LENGTH,
  type BuildStatusListCredentialOptions,
  type StatusListCredential,
} from './status-list.js';
export { decodeBase45, encodeBase45 } from './qr/base45.js';
export {
  createVoucherTypeTable,
  issuerKeyTableNumbers,
  issuerKeysFitTable,
  statusListUrl,
  TABLED_STATUS_LISTS,
  VOUCHER_REGISTRY_ENTRY_ID,
  type CreateVoucherTypeTableOptions,
  type TabledIssuerKey,
} from './qr/type-table.js';
export {
  decodeVoucherQr,
  encodeVoucherQr,
  QrDecodeError,
  readVc1Payload,
  VC1_PREFIX,
  type DecodeVoucherQrOptions,
  type EncodeVoucherQrOptions,
  type QrDecodeErrorCode,
  type TypeTables,
} from './qr/voucher-qr.js';
export { drawQrPng, drawQrSvg, qrVersionOf, type DrawQrOptions, type QrErrorCorrection } from './qr/draw-qr.js';
export type { VoucherDraw } from './draw-from-voucher.js';
export type { VoucherRedemptionState } from './redemption-state.js';
export { addVoucherRedemption, allowVoucherDocuments, createVouchers } from './migrations.js';
export { createVouchersService, type VouchersService, type VouchersServiceOptions } from './service.js';
export { AUTO_ISSUER, createIssueOnApprovalConsumer, type IssueOnApprovalOptions } from './issue-on-approval.js';
export { createVoucherHandlers, createStatusListRoutes } from './routes.js';
export type { Voucher, VoucherStatus } from './voucher-rows.js';
export type { VoucherIssuanceItem } from './issue-vouchers.js';
export type { IssuablePage, ListIssuableOptions } from './list-issuable.js';
export { VOUCHER_READERS, type VoucherKey } from './get-voucher.js';
export type { RecentVoucher } from './list-recent-vouchers.js';
export { renderVoucherPdf, UnprintableTextError, type RenderVoucherPdfOptions, type VoucherPdfField } from './voucher-pdf.js';
export type { VoucherDocuments } from './deps.js';
export type { RenderPdf } from './keep-voucher-pdf.js';
export { createDidWebRoutes } from './did-web-routes.js';
export type { TrustBundle } from './trust-bundle.js';
export type { OpenedScan, ScanInput as VoucherScanInput } from './open-scan.js';
export { decodePixelPass, PIXELPASS_MAX_BYTES } from './qr/pixelpass.js';
export { decodeScannedText } from './qr/scanned-text.js';
export type { CheckedScan } from './check-scan.js';
export { createNodeVerifyingSuite } from './node-verifying-suite.js';
export { eraseVouchersOf, type ErasedVouchers } from './erase-vouchers.js';
