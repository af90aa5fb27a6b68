import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { PROJECT_ROOT } from '../../../../src/config.js';
import type { CredentialSigner } from '../../../../src/platform/keys/index.js';
import { createDocumentLoader, signCredential, verifyCredentialSignature } from '../../../../src/modules/vouchers/index.js';

const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'vc-di-eddsa');
const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8'));

/** The conformance vectors use the W3C examples context, which the product does not bundle. */
const documentLoader = createDocumentLoader({
  extraDocuments: new Map([['https://www.w3.org/ns/credentials/examples/v2', fixture('examples-v2.jsonld')]]),
});

async function vectorSigner(): Promise<CredentialSigner> {
  const { publicKeyMultibase, privateKeyMultibase } = fixture('keyPair.json') as Record<string, string>;
  const verificationMethod = `did:key:${publicKeyMultibase}#${publicKeyMultibase}`;
  const keyPair = await Ed25519Multikey.from({ type: 'Multikey', publicKeyMultibase, secretKeyMultibase: privateKeyMultibase });
  const librarySigner = keyPair.signer();
  return { id: verificationMethod, algorithm: 'Ed25519', sign: ({ data }) => librarySigner.sign({ data }) };
}

describe('signing a credential (eddsa-rdfc-2022)', () => {
  it('reproduces the W3C vc-di-eddsa vector byte for byte with the same key and creation date', async () => {
    const expected = fixture('signedDataInt.json');
    const proofConfig = fixture('proofConfigDataInt.json');
    const signed = await signCredential({
      credential: fixture('unsigned.json'),
      signer: await vectorSigner(),
      documentLoader,
      now: () => new Date(proofConfig.created as string),
    });
    expect(signed).toEqual(expected);
    expect(signed.proof.proofValue).toBe((expected.proof as Record<string, unknown>).proofValue);
  });

  it('leaves the credential it was given unchanged', async () => {
    const unsigned = fixture('unsigned.json');
    const copy = structuredClone(unsigned);
    await signCredential({ credential: unsigned, signer: await vectorSigner(), documentLoader });
    expect(unsigned).toEqual(copy);
  });

  it("checks that the issuer controls the signing key: the vector's issuer (an https URL) does not", async () => {
    const signed = fixture('signedDataInt.json');
    expect(await verifyCredentialSignature(signed, documentLoader)).toBe(false);
    const { publicKeyMultibase } = fixture('keyPair.json') as Record<string, string>;
    const ours = await signCredential({
      credential: { ...fixture('unsigned.json'), issuer: `did:key:${publicKeyMultibase}` } as Record<string, unknown>,
      signer: await vectorSigner(),
      documentLoader,
    });
    expect(await verifyCredentialSignature(ours, documentLoader)).toBe(true);
    const subject = ours.credentialSubject as Record<string, unknown>;
    expect(
      await verifyCredentialSignature({ ...ours, credentialSubject: { ...subject, alumniOf: 'Another School' } }, documentLoader),
    ).toBe(false);
  });

  it('signs credentials of one second exactly as the library does, each its own, their proof options canonized once', async () => {
    const signer = await vectorSigner();
    const { publicKeyMultibase } = fixture('keyPair.json') as Record<string, string>;
    const created = new Date('2026-12-02T10:00:00Z');
    const names = ['Ada', 'Grace', 'Ada', 'Katherine'];
    const credentialOf = (name: string) =>
      ({ ...fixture('unsigned.json'), issuer: `did:key:${publicKeyMultibase}`, credentialSubject: { name } }) as Record<string, unknown>;
    const ours = await Promise.all(
      names.map((name) => signCredential({ credential: credentialOf(name), signer, documentLoader, now: () => created })),
    );
    for (const [i, name] of names.entries()) {
      const raw = await vc.issue({
        credential: credentialOf(name),
        suite: new DataIntegrityProof({ signer, cryptosuite: eddsaRdfc2022, date: created }),
        documentLoader,
        now: created,
      });
      expect(ours[i]).toEqual(raw);
      expect(await verifyCredentialSignature(ours[i] as Record<string, unknown>, documentLoader)).toBe(true);
    }
    expect(ours[0]?.proof.proofValue).toBe(ours[2]?.proof.proofValue);
    expect(new Set(ours.map((signed) => signed.proof.proofValue)).size).toBe(3);
  });
});
