/**
 * Signs a credential with a DataIntegrityProof, cryptosuite eddsa-rdfc-2022, through @digitalbazaar/vc.
 * The signer is our interface (a KMS can stand behind it); the caller's object is never changed.
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import type { Clock, CredentialSigner } from '../../platform/keys/index.js';
import type { DataIntegrityProof as Proof } from './credential.js';
import type { DocumentLoader } from './document-loader.js';

export interface SignCredentialOptions<T extends object> {
  credential: T;
  signer: CredentialSigner;
  documentLoader: DocumentLoader;
  /** The proof's `created` (to the second). Default: the system clock. */
  now?: Clock;
}

/**
 * Proof options canonized lately, per document loader (which decides what the contexts say), by what they are
 * made of; a few, since `created` moves on every second.
 */
const canonicalProofOptions = new WeakMap<object, Map<string, Promise<string>>>();
const REMEMBERED_PROOF_OPTIONS = 8;

/**
 * The library's suite, remembering the canonical form of the proof options (type, cryptosuite, created,
 * verification method, purpose, in the document's context). It is a function of those alone, and every
 * voucher signed within one second has the same: a bulk issuance canonizes it once a second instead of once
 * a voucher, about a third of a signature's time.
 */
class RememberingDataIntegrityProof extends DataIntegrityProof {
  override canonizeProof(
    proof: Record<string, unknown>,
    options: { document: Record<string, unknown>; documentLoader: (url: string) => Promise<unknown> },
  ): Promise<string> {
    const { proofValue: _ignored, ...proofOptions } = proof;
    const key = JSON.stringify([options.document['@context'], proofOptions]);
    let remembered = canonicalProofOptions.get(options.documentLoader);
    if (!remembered) canonicalProofOptions.set(options.documentLoader, (remembered = new Map()));
    let canonical = remembered.get(key);
    if (!canonical) {
      canonical = super.canonizeProof(proof, options);
      const forLoader = remembered;
      forLoader.set(key, canonical);
      canonical.catch(() => forLoader.delete(key));
      if (forLoader.size > REMEMBERED_PROOF_OPTIONS) forLoader.delete(forLoader.keys().next().value as string);
    }
    return canonical;
  }
}

export async function signCredential<T extends object>(options: SignCredentialOptions<T>): Promise<T & { proof: Proof }> {
  const { signer, documentLoader } = options;
  const created = (options.now ?? (() => new Date()))();
  const suite = new RememberingDataIntegrityProof({ signer, cryptosuite: eddsaRdfc2022, date: created });
  const credential = structuredClone(options.credential) as Record<string, unknown>;
  const signed = await vc.issue({ credential, suite, documentLoader, now: created });
  return signed as T & { proof: Proof };
}
