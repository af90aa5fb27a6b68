/**
 * Verification of what scanners read, through the API: a good voucher passes every named check and shows
 * what it entitles to (and, to a provider, what remains); a corpus of more than fifty bad ones (altered,
 * expired, not yet valid, revoked, suspended, redeemed, foreign, unreadable) each fails the check that
 * names its fault, as QR text or as JSON, never with a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { deflateSync } from 'node:zlib';
import request from 'supertest';
import { createIssuerKeySet, generateIssuerKeyFile, type IssuerKeySet } from '../../src/platform/keys/index.js';
import {
  buildVoucher,
  createDocumentLoader,
  createVoucherTypeTable,
  encodeBase45,
  encodeVoucherQr,
  signCredential,
  VOUCHER_REGISTRY_ENTRY_ID,
  type TypeTables,
  type VoucherSubject,
} from '../../src/modules/vouchers/index.js';
import { offlineVerifierScript, VERIFIER_GLOBAL } from '../../src/web/scan/offline/build-verifier.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { tokenFor } from '../support/tokens.js';
import { approveApplication, createProgram, facilityWithClinic, type ProgramFixture } from '../support/fixtures.js';

type Body = Record<string, unknown>;

/** PixelPass (MOSIP): base45 of the zlib-compressed JSON. */
const pixelPass = (credential: Body) => encodeBase45(deflateSync(Buffer.from(JSON.stringify(credential)), { level: 9 }));
type Check = { check: string; passed: boolean; code?: string };
type Scan = { verified: boolean; checks: Check[]; voucher?: Body; redemption?: Body };

const DAY = 86_400_000;

describe('verifying what a scanner read', () => {
  let testApp: TestApp;
  let program: ProgramFixture;
  let typeTables: TypeTables;
  const documentLoader = createDocumentLoader();
  const tokens: Record<string, string> = {};
  const users = ['maria', 'ivan', 'clinic', 'claire'] as const;
  type User = (typeof users)[number];

  beforeAll(async () => {
    testApp = await startTestApp();
    for (const user of users) tokens[user] = await tokenFor(user);
    program = await createProgram(testApp.app);
    typeTables = new Map([
      [
        VOUCHER_REGISTRY_ENTRY_ID,
        createVoucherTypeTable({ publicUrl: testApp.config.publicUrl, issuerKeys: testApp.runtime.issuerKeys.keys }),
      ],
    ]);
  });
  afterAll(async () => {
    await testApp?.close();
  });

  const as = (user: User) => `Bearer ${tokens[user]}`;
  const scan = async (input: Body, user?: User): Promise<Scan> => {
    const call = request(testApp.app).post('/api/v1/verifications');
    const res = await (user ? call.set('Authorization', as(user)) : call).send(input);
    if (res.status !== 200) throw new Error(`verification answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as Scan;
  };
  const qrOf = async (credential: Body) =>
    (await encodeVoucherQr({ credential, documentLoader, registryEntryId: VOUCHER_REGISTRY_ENTRY_ID, typeTables })).text;
  const failed = (result: Scan) => result.checks.filter((check) => !check.passed).map((check) => `${check.check}:${check.code}`);

  /** A voucher issued through the API: its id, credential and QR text. */
  async function issued(amount = '900.00'): Promise<{ id: string; credential: Body; qrText: string }> {
    const application = await approveApplication(testApp.app, program.id, { amount });
    const res = await request(testApp.app).post(`/api/v1/applications/${application.id}/voucher`).set('Authorization', as('ivan')).send();
    if (res.status !== 201) throw new Error(`not issued: ${res.status}`);
    return { id: res.body.id as string, credential: res.body.credential as Body, qrText: res.body.qrText as string };
  }

  /** A voucher signed by `keys` (ours by default) with the given window, and the status entries of a real one. */
  async function signedWith(options: { keys?: IssuerKeySet; validFrom: Date; validityDays: number; like: Body }): Promise<Body> {
    const keys = options.keys ?? testApp.runtime.issuerKeys;
    const statuses = options.like.credentialStatus as Array<{
      statusPurpose: 'revocation' | 'suspension';
      statusListCredential: string;
      statusListIndex: string;
    }>;
    const place = (purpose: 'revocation' | 'suspension') => {
      const entry = statuses.find((status) => status.statusPurpose === purpose);
      return { statusListCredential: entry?.statusListCredential as string, statusListIndex: Number(entry?.statusListIndex) };
    };
    const unsigned = buildVoucher({
      issuer: keys.current.did,
      subject: options.like.credentialSubject as VoucherSubject,
      validFrom: options.validFrom,
      validityDays: options.validityDays,
      status: { revocation: place('revocation'), suspension: place('suspension') },
    });
    return (await signCredential({ credential: unsigned, signer: keys.signer, documentLoader, now: () => options.validFrom })) as Body;
  }

  it('passes a voucher in force on every named check, from its QR text, PixelPass or JSON, and shows what it entitles to', async () => {
    const { id, credential, qrText } = await issued('900.00');
    for (const input of [{ text: qrText }, { text: pixelPass(credential) }, { credential }, { text: JSON.stringify(credential) }]) {
      const result = await scan(input);
      expect(result.verified).toBe(true);
      expect(result.checks.map((check) => check.check)).toEqual(['format', 'signature', 'issuer', 'validity', 'status', 'status']);
      expect(result.voucher).toMatchObject({ id, amount: '900.00', currency: 'USD', name: expect.any(String) });
      expect(result.redemption).toBeUndefined();
    }
    const provider = await scan({ text: qrText }, 'clinic');
    expect(provider.redemption).toEqual({ status: 'ACTIVE', amountRedeemed: '0.00', amountRemaining: '900.00', currency: 'USD' });
    expect((await scan({ text: qrText }, 'claire')).redemption).toMatchObject({ amountRemaining: '900.00' });
    expect((await scan({ text: qrText }, 'maria')).redemption).toBeUndefined();
    const badToken = await request(testApp.app).post('/api/v1/verifications').set('Authorization', 'Bearer a.b.c').send({ text: qrText });
    expect(badToken.status).toBe(401);
  });

  it('sees a revocation made on another instance at once, though it had read the voucher’s status list before', async () => {
    const second = await startTestApp({ env: { PUBLIC_URL: testApp.config.publicUrl } });
    try {
      const { id, qrText } = await issued('300.00');
      expect((await scan({ text: qrText })).verified).toBe(true);
      const revoked = await request(second.app)
        .post(`/api/v1/vouchers/${id}/revocation`)
        .set('Authorization', as('maria'))
        .send({ reason: 'Issued twice' });
      expect(revoked.status).toBe(200);
      expect(failed(await scan({ text: qrText }))).toEqual(['status:ERR_VOUCHER_REVOKED']);
    } finally {
      await second.close();
    }
  });

  it('fails each voucher of a corpus of more than fifty bad ones on the check that names its fault', async () => {
    const good = await issued('750.00');
    const corpus: Array<{ what: string; input: Body; fault: string }> = [];

    // Altered after signing: every field a forger would touch, one at a time.
    const subject = good.credential.credentialSubject as Body;
    const alterations: Array<[string, Body]> = [
      ['name', { credentialSubject: { ...subject, name: `${String(subject.name)}x` } }],
      ['amount', { credentialSubject: { ...subject, amount: '7500.00' } }],
      ['amount by a cent', { credentialSubject: { ...subject, amount: '750.01' } }],
      ['currency', { credentialSubject: { ...subject, currency: 'EUR' } }],
      ['program', { credentialSubject: { ...subject, program: 'OTHER-01' } }],
      ['treatment', { credentialSubject: { ...subject, treatmentType: 'dental' } }],
      ['application reference', { credentialSubject: { ...subject, applicationReference: 'AAAA-BBBB' } }],
      ['beneficiary reference', { credentialSubject: { ...subject, beneficiaryReference: 'ZZZZZZZZZZZZ' } }],
      [
        'valid until, a year later',
        { validUntil: new Date(Date.parse(String(good.credential.validUntil)) + 365 * DAY).toISOString().slice(0, 19) + 'Z' },
      ],
      [
        'valid from, a day earlier',
        { validFrom: new Date(Date.parse(String(good.credential.validFrom)) - DAY).toISOString().slice(0, 19) + 'Z' },
      ],
      ['id', { id: 'urn:uuid:00000000-0000-4000-8000-000000000000' }],
      ['status entries dropped to revocation only', { credentialStatus: (good.credential.credentialStatus as Body[]).slice(0, 1) }],
      [
        'status index',
        {
          credentialStatus: (good.credential.credentialStatus as Body[]).map((entry) => ({
            ...entry,
            statusListIndex: String(Number(entry.statusListIndex) + 1),
          })),
        },
      ],
    ];
    for (const [what, change] of alterations)
      corpus.push({ what: `altered ${what}`, input: { credential: { ...good.credential, ...change } }, fault: 'signature' });
    const proof = good.credential.proof as Body;
    const proofValue = String(proof.proofValue);
    for (const position of [1, 5, 20, 40, 60, proofValue.length - 1]) {
      const flipped = proofValue.slice(0, position) + (proofValue[position] === 'A' ? 'B' : 'A') + proofValue.slice(position + 1);
      corpus.push({
        what: `proof value changed at ${position}`,
        input: { credential: { ...good.credential, proof: { ...proof, proofValue: flipped } } },
        fault: 'signature',
      });
    }
    corpus.push({
      what: 'proof created changed',
      input: { credential: { ...good.credential, proof: { ...proof, created: '2020-01-01T00:00:00Z' } } },
      fault: 'signature',
    });
    corpus.push({
      what: 'altered amount, as PixelPass',
      input: { text: pixelPass({ ...good.credential, credentialSubject: { ...subject, amount: '7500.00' } }) },
      fault: 'signature',
    });
    corpus.push({ what: 'proof removed', input: { credential: { ...good.credential, proof: undefined } }, fault: 'signature' });

    // Signed by us, outside their window.
    for (const daysAgo of [31, 45, 90, 365]) {
      const credential = await signedWith({ validFrom: new Date(Date.now() - daysAgo * DAY), validityDays: 30, like: good.credential });
      corpus.push({ what: `expired, issued ${daysAgo} days ago`, input: { credential }, fault: 'validity:ERR_VOUCHER_EXPIRED' });
      corpus.push({
        what: `expired QR, issued ${daysAgo} days ago`,
        input: { text: await qrOf(credential) },
        fault: 'validity:ERR_VOUCHER_EXPIRED',
      });
    }
    for (const daysAhead of [1, 7, 30, 200]) {
      const credential = await signedWith({ validFrom: new Date(Date.now() + daysAhead * DAY), validityDays: 30, like: good.credential });
      corpus.push({ what: `valid in ${daysAhead} days`, input: { credential }, fault: 'validity:ERR_VOUCHER_NOT_YET_VALID' });
      corpus.push({
        what: `QR valid in ${daysAhead} days`,
        input: { text: await qrOf(credential) },
        fault: 'validity:ERR_VOUCHER_NOT_YET_VALID',
      });
    }

    // Signed by another issuer, in the same form.
    for (let i = 0; i < 4; i++) {
      const foreign = await createIssuerKeySet(await generateIssuerKeyFile(new Date()));
      const credential = await signedWith({ keys: foreign, validFrom: new Date(), validityDays: 30, like: good.credential });
      corpus.push({ what: `foreign issuer ${i + 1}`, input: { credential }, fault: 'issuer:ERR_VOUCHER_ISSUER_UNTRUSTED' });
    }

    // Status: revoked, suspended, redeemed in full, each read from the signed lists.
    for (let i = 0; i < 3; i++) {
      const revoked = await issued();
      await request(testApp.app)
        .post(`/api/v1/vouchers/${revoked.id}/revocation`)
        .set('Authorization', as('maria'))
        .send({ reason: 'Duplicate' });
      corpus.push({ what: `revoked ${i + 1}`, input: { text: revoked.qrText }, fault: 'status:ERR_VOUCHER_REVOKED' });
      const suspended = await issued();
      await request(testApp.app)
        .post(`/api/v1/vouchers/${suspended.id}/suspension`)
        .set('Authorization', as('maria'))
        .send({ reason: 'Checking' });
      corpus.push({ what: `suspended ${i + 1}`, input: { text: suspended.qrText }, fault: 'status:ERR_VOUCHER_SUSPENDED' });
    }
    await facilityWithClinic(testApp.app, 'Verification Clinic');
    for (let i = 0; i < 3; i++) {
      const redeemed = await issued('300.00');
      const res = await request(testApp.app)
        .post('/api/v1/redemptions')
        .set('Authorization', as('clinic'))
        .send({ voucherId: redeemed.id, amount: '300.00', service: 'Surgery' });
      expect(res.status).toBe(201);
      corpus.push({ what: `redeemed in full ${i + 1}`, input: { text: redeemed.qrText }, fault: 'status:ERR_VOUCHER_REDEEMED' });
    }

    // Not a voucher at all.
    const unreadable: Array<[string, string]> = [
      ['a web address', 'https://example.org/voucher/123'],
      ['a presentation', 'VP1-R6BF'],
      ['base64url multibase', 'VC1-B' + good.qrText.slice(5)],
      ['not base45', 'VC1-R' + 'abc!@#'],
      ['cut short', good.qrText.slice(0, 40)],
      ['broken JSON', '{"@context": ['],
      ['JSON of no credential', '{"hello": "world"}'],
    ];
    const unreadableFaults: Record<string, string> = {
      'a web address': 'format:ERR_QR_NOT_VC1',
      'a presentation': 'format:ERR_QR_NOT_VC1',
      'base64url multibase': 'format:ERR_QR_UNSUPPORTED_MULTIBASE',
      'not base45': 'format:ERR_QR_NOT_BASE45',
      'cut short': 'format:',
      'broken JSON': 'format:ERR_VOUCHER_MALFORMED',
      'JSON of no credential': 'format:ERR_VOUCHER_MALFORMED',
    };
    for (const [what, text] of unreadable) corpus.push({ what, input: { text }, fault: unreadableFaults[what] as string });

    expect(corpus.length).toBeGreaterThanOrEqual(50);
    const wrong: string[] = [];
    for (const item of corpus) {
      const result = await scan(item.input);
      const faults = failed(result);
      if (result.verified || !faults.some((fault) => fault.startsWith(item.fault))) wrong.push(`${item.what}: ${JSON.stringify(faults)}`);
    }
    expect(wrong).toEqual([]);

    // The scanner page's offline verifier, built for the browser and run here over the trust bundle read now:
    // the same verdict on every check, but that a voucher redeemed in full fails as revoked (only the service
    // knows the difference).
    // `self` and `window` are the browser's global object; here, Node's.
    const script = `${(await offlineVerifierScript()).code}; return ${VERIFIER_GLOBAL};`;
    const verifier = new Function('self', 'window', script)(globalThis, globalThis) as {
      verifyOffline(text: string, bundle: unknown): Promise<Scan>;
    };
    const bundle = (await request(testApp.app).get('/scan/trust.json')).body as unknown;
    const differing: string[] = [];
    for (const item of corpus) {
      const online = failed(await scan(item.input)).map((fault) => fault.replace('ERR_VOUCHER_REDEEMED', 'ERR_VOUCHER_REVOKED'));
      const text = 'text' in item.input ? (item.input.text as string) : JSON.stringify(item.input.credential);
      const offline = failed(await verifier.verifyOffline(text, bundle));
      if (JSON.stringify(offline) !== JSON.stringify(online))
        differing.push(`${item.what}: ${JSON.stringify(offline)} ≠ ${JSON.stringify(online)}`);
    }
    expect(differing).toEqual([]);
  });
});
