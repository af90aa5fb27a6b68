import { beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { IdQrError, type IdQrErrorCode } from '../../../../src/modules/identity/id-qr-error.js';
import type { TrustedIdIssuer } from '../../../../src/modules/identity/trusted-issuer.js';
import { verifyIdQr } from '../../../../src/modules/identity/verify-id-qr.js';
import {
  generateIdCredentialKey,
  idCredentialPixelPass,
  idCredentialQr,
  signIdCredential,
  type IdCardSubject,
  type IdCredentialKey,
} from '../../../support/id-credentials.js';

const NOW = new Date('2026-12-03T12:00:00Z');
const SUBJECT: IdCardSubject = {
  idNumber: 'NID-7001',
  givenName: 'Nadia',
  familyName: 'Haddad',
  birthDate: '1988-07-04',
  gender: 'female',
  address: '4 Cedar Lane\nPort Town',
};

async function failureOf(run: () => Promise<unknown>): Promise<IdQrErrorCode | 'no failure'> {
  try {
    await run();
    return 'no failure';
  } catch (error) {
    if (error instanceof IdQrError) return error.code;
    throw error;
  }
}

describe('an identity card credential as an ID QR code', () => {
  let key: IdCredentialKey;
  let issuer: TrustedIdIssuer;
  let options: { trustedIssuers: TrustedIdIssuer[]; decryptionKeys: Uint8Array[]; now: Date };
  const card = (overrides: Partial<Parameters<typeof signIdCredential>[0]> = {}) =>
    signIdCredential({ key, subject: SUBJECT, validFrom: '2026-01-01T00:00:00Z', validUntil: '2031-01-01T00:00:00Z', ...overrides });

  beforeAll(async () => {
    key = await generateIdCredentialKey();
    issuer = { issuer: key.did, name: 'National ID office', keys: [{ algorithm: 'EdDSA', publicKeyHex: key.publicKeyHex }] };
    options = { trustedIssuers: [issuer], decryptionKeys: [], now: NOW };
  });

  it('verifies a VC1-R code (CBOR-LD) and maps its subject to the fields a Claim 169 code gives', async () => {
    const text = await idCredentialQr(await card());
    expect(text).toMatch(/^VC1-R[0-9A-Z $%*+\-./:]+$/);
    expect(await verifyIdQr(text, options)).toEqual({
      format: 'vc',
      issuer: key.did,
      idNumber: 'NID-7001',
      givenName: 'Nadia',
      familyName: 'Haddad',
      birthDate: '1988-07-04',
      gender: 'female',
      address: '4 Cedar Lane, Port Town',
      expiresAt: '2031-01-01T00:00:00.000Z',
    });
  });

  it('verifies the same credential as PixelPass and as JSON', async () => {
    const credential = await card();
    expect((await verifyIdQr(idCredentialPixelPass(credential), options)).idNumber).toBe('NID-7001');
    expect((await verifyIdQr(JSON.stringify(credential), options)).idNumber).toBe('NID-7001');
  });

  it('splits a full name when the card has no given and family names', async () => {
    const verified = await verifyIdQr(
      JSON.stringify(await card({ subject: { idNumber: 'NID-2', fullName: 'Amina Bint Yusuf' } })),
      options,
    );
    expect(verified).toMatchObject({ givenName: 'Amina Bint', familyName: 'Yusuf' });
  });

  it('refuses an altered credential: the proof no longer holds', async () => {
    const credential = await card();
    const altered = { ...credential, credentialSubject: { ...SUBJECT, idNumber: 'NID-7002' } };
    expect(await failureOf(() => verifyIdQr(JSON.stringify(altered), options))).toBe('ERR_ID_QR_SIGNATURE_INVALID');
    expect(await failureOf(async () => verifyIdQr(await idCredentialQr(altered), options))).toBe('ERR_ID_QR_SIGNATURE_INVALID');
  });

  it('refuses a forgery: a key that is not the trusted one signed as the trusted issuer', async () => {
    const forger = await generateIdCredentialKey();
    // Its proof names the forger's did:key, which is not the issuer's; the forger's DID as issuer is untrusted.
    const claimingIssuer = await signIdCredential({ key: forger, subject: SUBJECT, issuer: key.did });
    expect(await failureOf(() => verifyIdQr(JSON.stringify(claimingIssuer), options))).toBe('ERR_ID_QR_SIGNATURE_INVALID');
    const ownIssuer = await signIdCredential({ key: forger, subject: SUBJECT });
    expect(await failureOf(() => verifyIdQr(JSON.stringify(ownIssuer), options))).toBe('ERR_ID_QR_ISSUER_UNTRUSTED');
  });

  it('refuses a trusted issuer whose listed keys are not the one that signed', async () => {
    const other = await generateIdCredentialKey();
    const wrongKeys = { ...issuer, keys: [{ algorithm: 'EdDSA' as const, publicKeyHex: other.publicKeyHex }] };
    const text = JSON.stringify(await card());
    expect(await failureOf(() => verifyIdQr(text, { ...options, trustedIssuers: [wrongKeys] }))).toBe('ERR_ID_QR_SIGNATURE_INVALID');
  });

  it('refuses an expired credential and one not valid yet, within five minutes of tolerance', async () => {
    const expired = JSON.stringify(await card({ validUntil: '2026-12-03T11:50:00Z' }));
    expect(await failureOf(() => verifyIdQr(expired, options))).toBe('ERR_ID_QR_EXPIRED');
    const justExpired = JSON.stringify(await card({ validUntil: '2026-12-03T11:58:00Z' }));
    expect(await failureOf(() => verifyIdQr(justExpired, options))).toBe('no failure');
    const early = JSON.stringify(await card({ validFrom: '2026-12-10T00:00:00Z' }));
    expect(await failureOf(() => verifyIdQr(early, options))).toBe('ERR_ID_QR_NOT_YET_VALID');
  });

  it('refuses a credential naming a status list it cannot consult', async () => {
    const credentialStatus = {
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '7',
      statusListCredential: 'https://id.example.gov/status/1',
    };
    const text = JSON.stringify(await card({ extra: { credentialStatus } }));
    expect(await failureOf(() => verifyIdQr(text, options))).toBe('ERR_ID_QR_STATUS_UNCHECKABLE');
  });

  it('refuses a genuine credential without an ID number', async () => {
    const text = JSON.stringify(await card({ subject: { givenName: 'Nadia' } }));
    expect(await failureOf(() => verifyIdQr(text, options))).toBe('ERR_ID_QR_INCOMPLETE');
  });

  it.each([
    ['JSON that does not parse', '{"type": ', 'ERR_ID_QR_DAMAGED'],
    ['JSON that is no credential', '{"hello": "world"}', 'ERR_ID_QR_NO_IDENTITY'],
    ['a VC1 code that is not base45', 'VC1-Rabc', 'ERR_ID_QR_NOT_BASE45'],
    ['a VC1 code whose bytes are no CBOR-LD', 'VC1-R6BFGPD', 'ERR_ID_QR_DAMAGED'],
  ])('refuses %s', async (_what, text, code) => {
    expect(await failureOf(() => verifyIdQr(text, options))).toBe(code);
  });

  it('refuses a VC1 code cut short, and a credential of another kind', async () => {
    const text = await idCredentialQr(await card());
    expect(await failureOf(() => verifyIdQr(text.slice(0, 80), options))).toBe('ERR_ID_QR_DAMAGED');
    const credential = await card();
    const voucherLike = { ...credential, type: ['VerifiableCredential', 'EntitlementVoucher'] };
    expect(await failureOf(() => verifyIdQr(JSON.stringify(voucherLike), options))).toBe('ERR_ID_QR_NO_IDENTITY');
  });

  it('answers any text shaped like a credential with a named refusal, never another error', async () => {
    const genuine = JSON.stringify(await card());
    const base45 = fc.stringMatching(/^[0-9A-Z $%*+\-./:]{0,120}$/);
    const texts = fc.oneof(
      base45.map((text) => `VC1-R${text}`),
      base45,
      fc.json().map((json) => `{${json}`),
      fc.json(),
      fc.integer({ min: 0, max: genuine.length - 1 }).map((cut) => genuine.slice(0, cut) + genuine.slice(cut + 1)),
    );
    await fc.assert(
      fc.asyncProperty(texts, async (text) => {
        const outcome = await failureOf(() => verifyIdQr(text, options));
        expect(outcome).toMatch(/^ERR_ID_QR_|^no failure$/);
      }),
      { numRuns: 300 },
    );
  });
});
