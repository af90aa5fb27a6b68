/**
 * Checks a credential's Data Integrity proof (eddsa-rdfc-2022) and that its verification method belongs
 * to its issuer, and nothing else: dates and status are separate checks, so a result can name which failed.
 * (`vc.verifyCredential` stops at the first failure with a message, and reports verified for a revoked one.)
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { CredentialIssuancePurpose } from '@digitalbazaar/vc';
import jsigs from 'jsonld-signatures';
import type { DocumentLoader } from './document-loader.js';

const verifyingSuite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });

/** `suite`: the service's threads pass theirs (node-verifying-suite.ts); default the library's, as browsers run it. */
export async function verifyCredentialSignature(
  credential: Record<string, unknown>,
  documentLoader: DocumentLoader,
  suite: InstanceType<typeof DataIntegrityProof> = verifyingSuite,
): Promise<boolean> {
  const proof = credential.proof as Record<string, unknown> | undefined;
  // One proof, of our suite: a proof set or another suite is not what we issue, and is not accepted.
  if (typeof proof !== 'object' || proof === null || Array.isArray(proof)) return false;
  if (proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== 'eddsa-rdfc-2022') return false;
  const result = await jsigs.verify(structuredClone(credential), {
    suite,
    purpose: new CredentialIssuancePurpose(),
    documentLoader,
  });
  return result.verified;
}
