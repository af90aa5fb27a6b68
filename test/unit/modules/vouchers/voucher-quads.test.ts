/**
 * The threads make a voucher's statements without the JSON-LD processor: for every field, odd text included, the
 * canonical form must be the library's byte for byte (or a signature the issuer made would fail, or worse), and
 * anything not exactly a voucher's form must be left to the library.
 */
import { describe, expect, it } from '@jest/globals';
import jsonld from 'jsonld';
import { canonize } from 'rdf-canonize';
import { createNodeVerifyingSuite, verifyCredentialSignature } from '../../../../src/modules/vouchers/index.js';
import { voucherQuads } from '../../../../src/modules/vouchers/voucher-quads.js';
import { AMINA, createVoucherWorld } from './voucher-world.js';

type Json = Record<string, unknown>;

const ODD_TEXT = [
  '',
  ' ',
  'Amina "Mama" O\'Neil',
  'back\\slash and \\n written out',
  'line\nbreak\rreturn\ttab',
  'Ñàmé with accents, 名前, اسم, 🚑',
  '\u0000\u0001\u001f\u007f control',
  '_:b0',
  '<https://example.org/x>',
  '@id',
  '"quoted" . <a> _:c14n0 .',
  '\u202eright-to-left override',
  'x'.repeat(2000),
];

async function libraryCanonical(input: Json, documentLoader: unknown): Promise<string> {
  return jsonld.canonize(input, { algorithm: 'URDNA2015', format: 'application/n-quads', documentLoader, safe: true });
}

async function ourCanonical(input: Json): Promise<string | undefined> {
  const quads = voucherQuads(input);
  return quads && canonize(quads, { algorithm: 'RDFC-1.0', format: 'application/n-quads' });
}

function split(credential: Json): { document: Json; proofOptions: Json } {
  const { proof, ...document } = credential;
  const { proofValue: _value, ...options } = proof as Json;
  return { document, proofOptions: { '@context': document['@context'], ...options } };
}

describe("a voucher's statements without JSON-LD", () => {
  it('canonicalize as the library does, for every field and odd text in each', async () => {
    const world = await createVoucherWorld();
    const { document, proofOptions } = split((await world.issue()) as unknown as Json);
    const subject = document.credentialSubject as Json;
    const statuses = document.credentialStatus as Json[];
    const variants: Json[] = [document, proofOptions];
    for (const text of ODD_TEXT) {
      for (const key of Object.keys(subject)) variants.push({ ...document, credentialSubject: { ...subject, [key]: text } });
      variants.push({ ...document, validFrom: text }, { ...document, validUntil: text }, { ...proofOptions, created: text });
      variants.push({ ...document, credentialStatus: [{ ...statuses[0], statusPurpose: text, statusListIndex: text }, statuses[1]] });
    }
    // Two entries alike, and the subject's values all the same.
    variants.push({ ...document, credentialStatus: [statuses[0], statuses[0]] });
    variants.push({ ...document, credentialSubject: Object.fromEntries(Object.keys(subject).map((key) => [key, 'same'])) });
    variants.push({ ...document, id: 'urn:uuid:00000000-0000-4000-8000-000000000000', issuer: 'did:key:z6Mk' });
    variants.push({
      ...document,
      credentialStatus: [{ ...statuses[0], statusListCredential: 'http://localhost:3000/status-lists/7/revocation' }, statuses[1]],
    });

    for (const variant of variants) {
      const ours = await ourCanonical(variant);
      expect(ours).toBeDefined();
      expect(ours).toBe(await libraryCanonical(variant, world.documentLoader));
    }
  });

  it('are not made for anything but exactly a voucher or its proof options', async () => {
    const world = await createVoucherWorld();
    const credential = (await world.issue()) as unknown as Json;
    const { document, proofOptions } = split(credential);
    const subject = document.credentialSubject as Json;
    const statuses = document.credentialStatus as Json[];
    const others: Json[] = [
      credential,
      { ...document, extra: 'x' },
      { ...document, '@context': [...(document['@context'] as string[]), 'https://w3id.org/security/data-integrity/v2'] },
      { ...document, '@context': (document['@context'] as string[]).slice().reverse() },
      { ...document, type: ['EntitlementVoucher', 'VerifiableCredential'] },
      { ...document, id: 'urn:uuid:not-a-uuid' },
      { ...document, id: 'relative/id' },
      { ...document, issuer: { id: document.issuer } },
      { ...document, issuer: 'schema:issuer' },
      { ...document, validFrom: 20261201 },
      { ...document, credentialSubject: { ...subject, amount: 1500 } },
      { ...document, credentialSubject: { ...subject, id: 'did:example:1' } },
      { ...document, credentialSubject: { ...subject, name: { '@value': 'Amina', '@language': 'sw' } } },
      { ...document, credentialStatus: [statuses[0]] },
      { ...document, credentialStatus: [{ ...statuses[0], id: 'urn:x' }, statuses[1]] },
      { ...document, credentialStatus: [{ ...statuses[0], statusListCredential: 'https://x.example/a b' }, statuses[1]] },
      { ...proofOptions, proofPurpose: 'authentication' },
      { ...proofOptions, cryptosuite: 'ecdsa-rdfc-2019' },
      { ...proofOptions, expires: '2027-01-01T00:00:00Z' },
      { ...proofOptions, verificationMethod: 'https://example.org/keys/1' },
    ];
    for (const other of others) expect(voucherQuads(other)).toBeUndefined();
  });

  it("let the threads' suite verify a voucher of odd text the issuer signed, and refuse it altered", async () => {
    const world = await createVoucherWorld();
    const suite = createNodeVerifyingSuite();
    for (const text of ODD_TEXT.slice(2, 8)) {
      const signed = (await world.issue({ subject: { ...AMINA, name: text } })) as unknown as Json;
      const altered = { ...signed, credentialSubject: { ...(signed.credentialSubject as Json), name: `${text}.` } };
      expect(await verifyCredentialSignature(signed, world.documentLoader, suite)).toBe(true);
      expect(await verifyCredentialSignature(altered, world.documentLoader, suite)).toBe(false);
    }
  });
});
