/**
 * What signs a credential. The Data Integrity libraries call `sign` with the bytes to sign; keeping our
 * code to this interface lets the key move into a KMS or HSM without touching issuance.
 */
export interface CredentialSigner {
  /** The verification method the signature is checked with (`did:key:…#…`). */
  readonly id: string;
  readonly algorithm: 'Ed25519';
  sign(options: { data: Uint8Array }): Promise<Uint8Array>;
}

/** The clock, injected so tests freeze time and never sleep. */
export type Clock = () => Date;
