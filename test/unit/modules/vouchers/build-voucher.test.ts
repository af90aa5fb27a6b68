import { describe, expect, it } from '@jest/globals';
import {
  buildVoucher,
  deriveBeneficiaryReference,
  VOUCHER_CONTEXT_URL,
  type BuildVoucherOptions,
} from '../../../../src/modules/vouchers/index.js';
import { AMINA } from './voucher-world.js';

const OPTIONS: BuildVoucherOptions = {
  issuer: 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
  subject: AMINA,
  validFrom: new Date('2026-12-01T08:00:00.789Z'),
  validityDays: 30,
  status: {
    revocation: { statusListCredential: 'https://iaod.example.org/status-lists/1/revocation', statusListIndex: 7 },
    suspension: { statusListCredential: 'https://iaod.example.org/status-lists/1/suspension', statusListIndex: 7 },
  },
};

describe('building a voucher', () => {
  it('makes a VC 2.0 EntitlementVoucher with a urn:uuid id, whole-second dates and both status entries', () => {
    const voucher = buildVoucher(OPTIONS);
    expect(voucher).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2', VOUCHER_CONTEXT_URL],
      type: ['VerifiableCredential', 'EntitlementVoucher'],
      issuer: OPTIONS.issuer,
      validFrom: '2026-12-01T08:00:00Z',
      validUntil: '2026-12-31T08:00:00Z',
      credentialSubject: AMINA,
      credentialStatus: [
        { type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '7' },
        { type: 'BitstringStatusListEntry', statusPurpose: 'suspension', statusListIndex: '7' },
      ],
    });
    expect(voucher.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(buildVoucher(OPTIONS).id).not.toBe(voucher.id);
  });

  it.each<[string, Partial<BuildVoucherOptions>]>([
    ['an amount with three decimals', { subject: { ...AMINA, amount: '10.005' } }],
    ['an amount as a float', { subject: { ...AMINA, amount: '1e3' } }],
    ['a lowercase currency', { subject: { ...AMINA, currency: 'usd' } }],
    ['an empty name', { subject: { ...AMINA, name: ' ' } }],
    ['an issuer that is no DID', { issuer: 'https://iaod.example.org' }],
    ['zero days of validity', { validityDays: 0 }],
    ['an id that is no urn:uuid', { id: 'voucher-1' }],
  ])('refuses %s as a programming error', (_, change) => {
    expect(() => buildVoucher({ ...OPTIONS, ...change })).toThrow(TypeError);
  });
});

describe('the beneficiary reference', () => {
  it('is the same for one registrant, different for another or under another key, and shows no id', () => {
    const reference = deriveBeneficiaryReference('registrant-42', 'a-long-random-reference-key');
    expect(reference).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(deriveBeneficiaryReference('registrant-42', 'a-long-random-reference-key')).toBe(reference);
    expect(deriveBeneficiaryReference('registrant-43', 'a-long-random-reference-key')).not.toBe(reference);
    expect(deriveBeneficiaryReference('registrant-42', 'another-long-random-key')).not.toBe(reference);
    expect(reference).not.toContain('42');
  });
});
