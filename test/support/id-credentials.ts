/**
 * Identity card credentials (W3C VC 2.0, Data Integrity eddsa-rdfc-2022) for tests: signed here with an Ed25519
 * key the test chooses and packed as the QR text an ID would carry (`VC1-R…` CBOR-LD with CBOR-LD's default
 * table, PixelPass, or JSON), so a test can make an ID that verifies, one signed by an untrusted key, an expired one…
 */
import { deflateSync } from 'node:zlib';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { IDENTITY_CONTEXT_URL } from '../../src/modules/identity/vc/identity-context.js';
import { createIdentityDocumentLoader } from '../../src/modules/identity/vc/verify-id-credential.js';
import { encodeBase45, encodeVoucherQr, signCredential } from '../../src/modules/vouchers/index.js';
import { didKeyOf, verificationMethodOf } from '../../src/platform/keys/did-key.js';
import type { CredentialSigner } from '../../src/platform/keys/index.js';

export interface IdCredentialKey {
  /** The issuer's DID (`did:key:z6Mk…`). */
  did: string;
  /** As a trusted issuer's key is configured: the Ed25519 key's 32 bytes in hex. */
  publicKeyHex: string;
  signer: CredentialSigner;
}

export async function generateIdCredentialKey(): Promise<IdCredentialKey> {
  const keyPair = await Ed25519Multikey.generate();
  const did = didKeyOf(keyPair.publicKeyMultibase);
  Object.assign(keyPair, { id: verificationMethodOf(keyPair.publicKeyMultibase), controller: did });
  return { did, publicKeyHex: Buffer.from(keyPair.publicKey).toString('hex'), signer: keyPair.signer() as CredentialSigner };
}

export interface IdCardSubject {
  idNumber?: string;
  givenName?: string;
  familyName?: string;
  fullName?: string;
  birthDate?: string;
  gender?: string;
  address?: string;
}

export interface SignIdCredentialOptions {
  key: IdCredentialKey;
  subject: IdCardSubject;
  /** Default: the key's DID (a credential claiming another issuer fails the proof's purpose). */
  issuer?: string;
  validFrom?: string;
  validUntil?: string;
  /** Extra top-level properties (a credentialStatus…). */
  extra?: Record<string, unknown>;
}

const iso = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
const DAY_MS = 86_400_000;
const documentLoader = createIdentityDocumentLoader();

export async function signIdCredential(options: SignIdCredentialOptions): Promise<Record<string, unknown>> {
  const credential = {
    '@context': ['https://www.w3.org/ns/credentials/v2', IDENTITY_CONTEXT_URL],
    type: ['VerifiableCredential', 'IdentityCardCredential'],
    issuer: options.issuer ?? options.key.did,
    validFrom: options.validFrom ?? iso(new Date(Date.now() - DAY_MS)),
    validUntil: options.validUntil ?? iso(new Date(Date.now() + 365 * DAY_MS)),
    credentialSubject: options.subject,
    ...options.extra,
  };
  return signCredential({ credential, signer: options.key.signer, documentLoader });
}

/** The `VC1-R…` QR text of a credential: CBOR-LD with the library's default table (registry entry 1). */
export async function idCredentialQr(credential: Record<string, unknown>): Promise<string> {
  return (await encodeVoucherQr({ credential, documentLoader, registryEntryId: 1, typeTables: new Map() })).text;
}

/** The PixelPass QR text of a credential: base45 of its zlib-compressed JSON. */
export function idCredentialPixelPass(credential: Record<string, unknown>): string {
  return encodeBase45(deflateSync(Buffer.from(JSON.stringify(credential)), { level: 9 }));
}
