/**
 * The verifying suite of the service's threads (Node only; the browser's offline verifier keeps the library's):
 * eddsa-rdfc-2022 as the library runs it, but each issuer key is a Node key object made once, where the
 * library imports the key again for every signature it checks. The verification method is still read and
 * checked by the library for every credential; only the key object is kept, by its multibase form. A voucher's
 * statements are made without the JSON-LD processor (`voucher-quads.ts`); anything else is canonicalized by it.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { canonize } from 'rdf-canonize';
import { voucherQuads } from './voucher-quads.js';

/** Keys kept (ours: the current and a few retired ones; anyone else's are verified too, and fail the issuer check). */
const KEYS_KEPT = 16;

export function createNodeVerifyingSuite(): InstanceType<typeof DataIntegrityProof> {
  const keyObjects = new Map<string, KeyObject>();
  const keyObjectOf = (publicKeyMultibase: string, publicKey: Uint8Array): KeyObject => {
    let keyObject = keyObjects.get(publicKeyMultibase);
    if (!keyObject) {
      keyObject = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') }, format: 'jwk' });
      keyObjects.set(publicKeyMultibase, keyObject);
      if (keyObjects.size > KEYS_KEPT) keyObjects.delete(keyObjects.keys().next().value as string);
    }
    return keyObject;
  };
  const libraryCanonize = eddsaRdfc2022.canonize as (input: unknown, options: unknown) => Promise<string>;
  const cryptosuite = {
    ...eddsaRdfc2022,
    canonize(input: unknown, options: unknown): Promise<string> {
      const quads = voucherQuads(input);
      return quads ? canonize(quads, { algorithm: 'RDFC-1.0', format: 'application/n-quads' }) : libraryCanonize(input, options);
    },
    async createVerifier({ verificationMethod }: { verificationMethod: Record<string, unknown> }) {
      const keyPair = await Ed25519Multikey.from(verificationMethod);
      const keyObject = keyObjectOf(keyPair.publicKeyMultibase, keyPair.publicKey);
      return {
        algorithm: 'Ed25519',
        id: keyPair.id,
        verify: async ({ data, signature }: { data: Uint8Array; signature: Uint8Array }) => verify(null, data, keyObject, signature),
      };
    },
  };
  return new DataIntegrityProof({ cryptosuite });
}
