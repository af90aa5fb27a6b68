/**
 * The @digitalbazaar credential libraries ship no TypeScript types (ARCHITECTURE.md, known traps): these
 * declare only what our code calls, with the shapes their documentation and sources give.
 */
declare module '@digitalbazaar/ed25519-multikey' {
  export interface Ed25519MultikeySigner {
    id: string | undefined;
    algorithm: 'Ed25519';
    sign(options: { data: Uint8Array }): Promise<Uint8Array>;
  }
  export interface Ed25519MultikeyVerifier {
    id: string | undefined;
    algorithm: 'Ed25519';
    verify(options: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
  }
  export interface Ed25519MultikeyKeyPair {
    id: string | undefined;
    controller: string | undefined;
    publicKeyMultibase: string;
    /** The 32-byte Ed25519 public key. */
    publicKey: Uint8Array;
    secretKeyMultibase: string | undefined;
    /** The seed followed by the public key (64 bytes), when the key pair has its secret. */
    secretKey?: Uint8Array;
    signer(): Ed25519MultikeySigner;
    verifier(): Ed25519MultikeyVerifier;
    export(options: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<Record<string, unknown>>;
  }
  export function generate(options?: { id?: string; controller?: string; seed?: Uint8Array }): Promise<Ed25519MultikeyKeyPair>;
  export function from(key: Record<string, unknown>): Promise<Ed25519MultikeyKeyPair>;
}

declare module '@digitalbazaar/did-method-key' {
  export interface DidKeyDriver {
    use(options: { multibaseMultikeyHeader: string; fromMultibase: (key: { publicKeyMultibase: string }) => Promise<unknown> }): void;
    get(options: { did?: string; url?: string }): Promise<Record<string, unknown>>;
  }
  export function driver(): DidKeyDriver;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; cryptosuite: unknown; date?: string | Date });
    /** The canonical N-Quads of the proof's options (the proof without `proofValue`, in the document's context). */
    canonizeProof(
      proof: Record<string, unknown>,
      options: { document: Record<string, unknown>; documentLoader: (url: string) => Promise<unknown> },
    ): Promise<string>;
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  /** What DataIntegrityProof takes: `canonize`, `createVerifier`, `name`, `requiredAlgorithm`. */
  export const cryptosuite: Record<string, unknown>;
}

declare module '@digitalbazaar/vc' {
  type DocumentLoader = (url: string) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown }>;
  // eslint-disable-next-line @typescript-eslint/no-extraneous-class -- as above
  export class CredentialIssuancePurpose {
    constructor(options?: { controller?: unknown; date?: string | Date; maxTimestampDelta?: number });
  }
  export function issue(options: {
    credential: Record<string, unknown>;
    suite: unknown;
    documentLoader: DocumentLoader;
    now?: string | Date;
  }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: {
    credential: Record<string, unknown>;
    suite: unknown;
    documentLoader: DocumentLoader;
    now?: string | Date;
    checkStatus?: unknown;
  }): Promise<{ verified: boolean; error?: unknown; results?: unknown[] }>;
  export function _checkCredential(options: { credential: Record<string, unknown>; now?: Date; mode?: 'issue' | 'verify' }): void;
}

declare module 'jsonld-signatures' {
  /** CommonJS: Node hands an ES module its `module.exports` as the default export, and no named ones. */
  const jsigs: {
    verify(
      document: Record<string, unknown>,
      options: { suite: unknown; purpose: unknown; documentLoader: unknown },
    ): Promise<{ verified: boolean; error?: unknown; results?: Array<{ verified: boolean; error?: unknown }> }>;
  };
  // eslint-disable-next-line no-restricted-syntax -- declares the CommonJS package's module.exports, not our own export
  export default jsigs;
}

declare module '@digitalbazaar/cborld' {
  type DocumentLoader = (url: string) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown }>;
  export type TypeTable = Map<string, Map<string, number>>;
  export function encode(options: {
    jsonldDocument: Record<string, unknown>;
    documentLoader: DocumentLoader;
    registryEntryId: number;
    typeTableLoader: (options: { registryEntryId: number }) => Promise<TypeTable | undefined>;
  }): Promise<Uint8Array>;
  export function decode(options: {
    cborldBytes: Uint8Array;
    documentLoader: DocumentLoader;
    typeTableLoader: (options: { registryEntryId: number }) => Promise<TypeTable | undefined>;
  }): Promise<Record<string, unknown>>;
}

declare module '@digitalbazaar/bitstring' {
  export class Bitstring {
    constructor(options: { length?: number; buffer?: Uint8Array; leftToRightIndexing?: boolean });
    length: number;
    set(position: number, on: boolean): void;
    get(position: number): boolean;
    encodeBits(): Promise<string>;
    compressBits(): Promise<Uint8Array>;
    static decodeBits(options: { encoded: string }): Promise<Uint8Array>;
    static uncompressBits(options: { compressed: Uint8Array }): Promise<Uint8Array>;
  }
}

declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalbazaar/vc-bitstring-status-list-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalbazaar/data-integrity-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalbazaar/multikey-context' {
  export const contexts: Map<string, unknown>;
}
declare module 'did-context' {
  export const contexts: Map<string, unknown>;
}

declare module 'rdf-canonize' {
  /** RDF Dataset Canonicalization (RDFC-1.0) of a dataset of quads (as `jsonld.toRDF` gives them), as N-Quads. */
  export function canonize(dataset: readonly object[], options: { algorithm: 'RDFC-1.0'; format: 'application/n-quads' }): Promise<string>;
}

declare module 'jsonld' {
  /** The JSON-LD processor; the tests compare the threads' voucher statements with its canonical form. */
  const jsonld: { canonize(input: unknown, options: Record<string, unknown>): Promise<string> };
  // eslint-disable-next-line no-restricted-syntax -- the package is CommonJS with one exported object
  export default jsonld;
}
