export type { CredentialSigner, Clock } from './signer.js';
export { didKeyOf, verificationMethodOf, resolveDidKey } from './did-key.js';
export { IssuerKeyFileError, parseIssuerKeyFile, serializeIssuerKeyFile, type IssuerKeyFile, type StoredIssuerKey } from './key-file.js';
export {
  createIssuerKeySet,
  generateIssuerKeyFile,
  rotateIssuerKey,
  type IssuerKey,
  type RotateIssuerKeyOptions,
  type IssuerKeySet,
} from './issuer-key-set.js';
export { loadIssuerKeys, type IssuerKeysConfig, type LoadIssuerKeysOptions, type LoadIssuerKeysResult } from './load-issuer-keys.js';
export { didWebDocumentOf, didWebOf, type DidWebDocument } from './did-web.js';
