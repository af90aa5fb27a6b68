/** A trusted ID issuer: whose ID QR codes and identity credentials the program believes, and with which keys. */

export const ID_KEY_ALGORITHMS = ['EdDSA', 'ES256'] as const;
export type IdKeyAlgorithm = (typeof ID_KEY_ALGORITHMS)[number];

export interface TrustedIdKey {
  algorithm: IdKeyAlgorithm;
  /** Ed25519: the 32-byte public key; ES256: the uncompressed P-256 point (65 bytes, `04…`); in hex. */
  publicKeyHex: string;
}

export interface TrustedIdIssuer {
  /** The CWT `iss` of its Claim 169 codes, or the `did:` of its identity credentials. */
  issuer: string;
  name: string;
  keys: TrustedIdKey[];
  /** Set in the environment (ID_TRUSTED_ISSUERS): shown, but not changed, on the program manager's page. */
  fromSettings?: boolean;
}

/** COSE's algorithm numbers. */
export const COSE_ALGORITHMS: Record<IdKeyAlgorithm, number> = { EdDSA: -8, ES256: -7 };

export function hexToBytes(hex: string): Uint8Array {
  const pairs = hex.match(/[0-9a-f]{2}/gi) ?? [];
  return Uint8Array.from(pairs.map((pair) => parseInt(pair, 16)));
}

/** Whether a key is well formed for its algorithm: a key that cannot verify anything is refused when it is added. */
export function isWellFormedKey(key: TrustedIdKey): boolean {
  if (!/^([0-9a-f]{2})+$/i.test(key.publicKeyHex)) return false;
  const length = key.publicKeyHex.length / 2;
  return key.algorithm === 'EdDSA' ? length === 32 : length === 65 && key.publicKeyHex.toLowerCase().startsWith('04');
}
