/**
 * The threads' verifying suite keeps a Node key object per issuer key: it must answer as the library's suite for
 * good, altered and foreign-key credentials, and keep keys apart after a rotation (each credential checked
 * against its own key, never a kept one of another).
 */
import { describe, expect, it } from '@jest/globals';
import { createNodeVerifyingSuite, verifyCredentialSignature } from '../../../../src/modules/vouchers/index.js';
import { createVoucherWorld } from './voucher-world.js';

describe('the Node verifying suite', () => {
  it('answers as the library for good, altered and rotated-key credentials', async () => {
    const world = await createVoucherWorld();
    const rotated = await world.rotate();
    const suite = createNodeVerifyingSuite();
    const old = await world.issue();
    const fresh = await rotated.issue();
    const subject = old.credentialSubject as unknown as Record<string, unknown>;
    const altered = { ...old, credentialSubject: { ...subject, amount: '9999.00' } };
    // The new key's proof on the old key's credential: the method names a key that did not sign it.
    const swapped = { ...old, proof: fresh.proof };
    for (const [credential, expected] of [
      [old, true],
      [fresh, true],
      [altered, false],
      [swapped, false],
      [old, true],
    ] as const) {
      const library = await verifyCredentialSignature(credential, world.documentLoader);
      const ours = await verifyCredentialSignature(credential, world.documentLoader, suite);
      expect([ours, library]).toEqual([expected, expected]);
    }
  });
});
