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

export async function signCredential<T extends object>(options: SignCredentialOptions<T>): Promise<T & { proof: Proof }> {
  const { signer, documentLoader } = options;
  const created = (options.now ?? (() => new Date()))();
  const suite = new DataIntegrityProof({ signer, cryptosuite: eddsaRdfc2022, date: created });
  const credential = structuredClone(options.credential) as Record<string, unknown>;
  const signed = await vc.issue({ credential, suite, documentLoader, now: created });
  return signed as T & { proof: Proof };
}
