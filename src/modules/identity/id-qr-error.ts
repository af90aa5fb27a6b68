/**
 * Why an ID QR code was refused: one code per failed check, each in the problem table
 * (src/platform/http/error-codes.ts) with its status and plain-language explanation.
 */
export type IdQrErrorCode =
  /** The text holds characters base45 does not use, or has a length base45 cannot have. */
  | 'ERR_ID_QR_NOT_BASE45'
  /** The base45 decodes, but not to a zlib stream: the code was cut short or altered. */
  | 'ERR_ID_QR_DAMAGED'
  /** The bytes are CBOR but no COSE_Sign1 / COSE_Encrypt0 carrying a CWT, nor a credential. */
  | 'ERR_ID_QR_NOT_COSE'
  /** A CWT without claim 169 (identity data), or a credential that is no identity card. */
  | 'ERR_ID_QR_NO_IDENTITY'
  /** A COSE_Encrypt0 none of the program's keys opens. */
  | 'ERR_ID_QR_NOT_DECRYPTABLE'
  /** The signature is missing, of an unsupported algorithm, or does not match any key of the issuer. */
  | 'ERR_ID_QR_SIGNATURE_INVALID'
  /** The issuer is none of the trusted ID issuers. */
  | 'ERR_ID_QR_ISSUER_UNTRUSTED'
  | 'ERR_ID_QR_EXPIRED'
  | 'ERR_ID_QR_NOT_YET_VALID'
  /** An identity credential that names a status list: another issuer's list is not consulted, so it is not believed. */
  | 'ERR_ID_QR_STATUS_UNCHECKABLE'
  /** A verified credential without the fields an application needs (an ID number at least). */
  | 'ERR_ID_QR_INCOMPLETE'
  /** The ID in the code is not the one the account's token carries. */
  | 'ERR_ID_QR_ID_MISMATCH'
  /** The ID is already linked to another account. */
  | 'ERR_ID_QR_ID_LINKED_ELSEWHERE';

export class IdQrError extends Error {
  override readonly name = 'IdQrError';
  constructor(
    readonly code: IdQrErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
