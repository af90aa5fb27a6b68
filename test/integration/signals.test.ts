/**
 * Fraud signals through the API, on a database of this file's own (the run's shared one holds every other
 * file's applications of the same two demo applicants, so "no signal" could not be seen there): a clean
 * seeded set has none; the same person again, the same document bytes, the same phone number, the same
 * payment account, a household listed on both sides and a cost far from the usual each show as a signal with its evidence; an officer
 * records a review with a note; an officer not designated on the application sees nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { PROJECT_ROOT } from '../../src/config.js';
import { createDatabaseIfMissing, dropDatabase } from '../../src/platform/db/embedded-postgres.js';
import { selectRows } from '../../src/platform/db/sql.js';
import { readTestEnvironment } from '../support/environment.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { tokenFor } from '../support/tokens.js';
import { applicationFor, createProgram } from '../support/fixtures.js';

type Body = Record<string, unknown>;
interface SignalBody {
  key: string;
  kind: string;
  evidence: Body;
  related?: { applicationId: string; reference: string; link: string };
  review?: { note: string; reviewedBy: { displayName: string } };
}

const PEDRO = {
  givenName: 'Pedro',
  familyName: 'Alves',
  gender: 'male',
  birthDate: '1985-09-03',
  occupation: 'Driver',
  phone: '+254 711 000003',
  paymentAccount: { kind: 'bank', number: 'KE12 3456 7890 1234', provider: 'Equity Bank' },
  address: { region: 'Nairobi', district: 'Westlands', locality: 'Parklands' },
};
const AMINAS_WALLET = { kind: 'mobile-money', number: '+254 700 000002', provider: 'M-Pesa' };
const aminaPaidBy = (paymentAccount: Body) => ({ applicant: { ...applicationFor('').applicant, paymentAccount } });
const PEDROS_FAMILY = [{ relation: 'child', givenName: 'Tiago', familyName: 'Alves', gender: 'male', birthDate: '2014-01-20' }];

describe('fraud signals', () => {
  const database = `iaod_signals_${Date.now()}_${process.pid}`;
  const adminUrl = Object.assign(new URL(readTestEnvironment().databaseUrl), { pathname: '/postgres' }).href;
  let testApp: TestApp;
  const tokens: Record<string, string> = {};
  type User = 'amina' | 'pedro' | 'samuel' | 'joy' | 'sena';

  beforeAll(async () => {
    await createDatabaseIfMissing(adminUrl, database);
    testApp = await startTestApp({ env: { DATABASE_URL: Object.assign(new URL(adminUrl), { pathname: `/${database}` }).href } });
    for (const user of ['amina', 'pedro', 'samuel', 'joy', 'sena'] as const) tokens[user] = await tokenFor(user);
  });
  afterAll(async () => {
    await testApp.close();
    await dropDatabase(adminUrl, database);
  });

  const api = () => request(testApp.app);
  const as = (user: User) => `Bearer ${tokens[user]}`;

  async function upload(user: User, fixture: 'tiny.pdf' | 'tiny.png'): Promise<string> {
    const res = await api()
      .post('/api/v1/documents')
      .set('Authorization', as(user))
      .field('kind', 'medical-report')
      .attach('file', await readFile(path.join(PROJECT_ROOT, 'test', 'fixtures', 'documents', fixture)), fixture);
    if (res.status !== 201) throw new Error(`not uploaded: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  async function submit(user: User, programId: string, overrides: Body = {}): Promise<string> {
    const res = await api().post('/api/v1/applications').set('Authorization', as(user)).send(applicationFor(programId, overrides));
    if (res.status !== 201) throw new Error(`not submitted: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  const asPedro = (overrides: Body = {}) => ({ applicant: PEDRO, familyMembers: PEDROS_FAMILY, ...overrides });
  const withCost = (estimatedCost: string) => ({
    treatment: { type: 'surgery', description: 'Hip replacement.', estimatedCost, currency: 'USD', facility: 'County Referral Hospital' },
  });

  async function signalsOf(applicationId: string, user: User = 'samuel'): Promise<SignalBody[]> {
    const res = await api().get(`/api/v1/applications/${applicationId}/signals`).set('Authorization', as(user));
    expect(res.status).toBe(200);
    return res.body.signals as SignalBody[];
  }

  it('finds none on a clean set: two people with their own documents, phones, accounts, households; too few costs to judge', async () => {
    const program = await createProgram(testApp.app);
    const aminas = await submit('amina', program.id, {
      ...aminaPaidBy(AMINAS_WALLET),
      documents: [{ documentId: await upload('amina', 'tiny.pdf'), kind: 'medical-report' }],
    });
    const pedros = await submit(
      'pedro',
      program.id,
      asPedro({ documents: [{ documentId: await upload('pedro', 'tiny.png'), kind: 'medical-report' }] }),
    );

    expect(await signalsOf(aminas)).toEqual([]);
    expect(await signalsOf(pedros, 'sena')).toEqual([]);
  });

  describe('on seeded data', () => {
    let program: { id: string };
    let first: string;
    let second: string;
    let pedros: string;
    beforeAll(async () => {
      program = await createProgram(testApp.app);
      const document = await upload('amina', 'tiny.pdf');
      first = await submit('amina', program.id, {
        ...aminaPaidBy(AMINAS_WALLET),
        documents: [{ documentId: document, kind: 'medical-report' }],
      });
      second = await submit('amina', program.id);
      // Pedro attaches the same bytes (his own upload), gives Amina's phone and her wallet (written his own
      // way), and lists Amina as his spouse.
      pedros = await submit(
        'pedro',
        program.id,
        asPedro({
          applicant: {
            ...PEDRO,
            phone: '+254700000002',
            paymentAccount: { kind: 'mobile-money', number: '254-700-000002', provider: 'MPESA' },
          },
          familyMembers: [
            ...PEDROS_FAMILY,
            { relation: 'spouse', givenName: 'amina', familyName: 'YUSUF', gender: 'female', birthDate: '1990-02-14' },
          ],
          documents: [{ documentId: await upload('pedro', 'tiny.pdf'), kind: 'prescription' }],
        }),
      );
    });

    it('shows the same person with another open application, matched by registrant and by name, birth date and region', async () => {
      const signals = await signalsOf(second);
      const samePerson = signals.find((s) => s.key === `same-person.${first}`);
      expect(samePerson).toMatchObject({
        kind: 'same-person',
        evidence: { matchedOn: ['registrant', 'name-birth-date-region'] },
        related: { applicationId: first, link: `/api/v1/applications/${first}` },
      });
      expect(samePerson?.related?.reference).toMatch(/^IA-/);
    });

    it("shows a document whose bytes are attached to another person's application, naming this application's document", async () => {
      const signals = await signalsOf(pedros);
      const shared = signals.find((s) => s.key === `shared-document.${first}`);
      expect(shared).toMatchObject({ kind: 'shared-document', evidence: { documents: [{ kind: 'prescription' }] } });
      // Amina's second application has no document: no signal there.
      expect(signals.some((s) => s.key === `shared-document.${second}`)).toBe(false);
      expect((await signalsOf(first)).filter((s) => s.kind === 'shared-document').map((s) => s.related?.applicationId)).toEqual([pedros]);
    });

    it("shows a phone number held by another registrant, however it is written, without the other person's data", async () => {
      const signals = await signalsOf(pedros);
      const phone = signals.filter((s) => s.kind === 'shared-phone');
      expect(phone).toHaveLength(1);
      expect(phone[0]?.related?.applicationId).toBe(second);
      expect(phone[0]?.evidence.registrantCount).toBe(1);
      expect(JSON.stringify(signals)).not.toMatch(/Amina|Yusuf|1990-02-14|254700000002/i);
    });

    it('shows a payment account held by another registrant, however spaced or its provider spelled, without the account', async () => {
      const [amina] = await selectRows<{ id: string }>(
        testApp.runtime.database.sequelize,
        "SELECT id FROM registrants WHERE id_type = 'NATIONAL_ID' AND id_value = 'NID-1001'",
      );
      const signals = await signalsOf(pedros);
      const shared = signals.filter((s) => s.kind === 'shared-payment-account');
      expect(shared).toEqual([
        {
          key: `shared-payment-account.${amina?.id}`,
          kind: 'shared-payment-account',
          evidence: { registrantId: amina?.id, registrantCount: 1 },
          related: expect.objectContaining({ applicationId: second, reference: expect.stringMatching(/^IA-/) }),
        },
      ]);
      expect(JSON.stringify(signals)).not.toMatch(/700.?000.?002|M-?PESA|mobile-money/i);
      // Seen from Amina's side too: Pedro's registry record now holds her wallet.
      expect((await signalsOf(first)).filter((s) => s.kind === 'shared-payment-account').map((s) => s.related?.applicationId)).toEqual([
        pedros,
      ]);
    });

    it('shows the household on both sides: a family member here is the applicant there, and the other way round', async () => {
      const pedrosSignals = await signalsOf(pedros);
      expect(pedrosSignals.find((s) => s.key === `same-household.${second}`)?.evidence).toEqual({
        matchedOn: ['family-member-is-applicant'],
      });
      expect((await signalsOf(first)).find((s) => s.key === `same-household.${pedros}`)?.evidence).toEqual({
        matchedOn: ['applicant-is-family-member'],
      });
    });

    it('shows a cost far outside the usual range only once ten past costs exist, and not a usual one', async () => {
      const costs = await createProgram(testApp.app);
      for (const [i, cost] of ['1000', '1100', '1150', '1200', '1250', '1300', '1350', '1400', '1500'].entries()) {
        await submit(i % 2 === 0 ? 'amina' : 'pedro', costs.id, { ...(i % 2 === 0 ? {} : asPedro()), ...withCost(cost) });
      }
      const tooFewToJudge = await submit('amina', costs.id, withCost('25000'));
      expect((await signalsOf(tooFewToJudge)).some((s) => s.kind === 'cost-outlier')).toBe(false);

      const usual = await submit('pedro', costs.id, { ...asPedro(), ...withCost('1600') });
      expect((await signalsOf(usual, 'sena')).some((s) => s.kind === 'cost-outlier')).toBe(false);
      const outlier = await submit('pedro', costs.id, { ...asPedro(), ...withCost('30000') });
      const cost = (await signalsOf(outlier)).find((s) => s.kind === 'cost-outlier');
      expect(cost).toEqual({
        key: 'cost-outlier',
        kind: 'cost-outlier',
        evidence: { cost: { estimatedCost: '30000.00', median: '1300.00', mad: '150.00', score: expect.any(Number), sampleSize: 11 } },
      });
      expect((cost?.evidence.cost as { score: number }).score).toBeGreaterThan(3.5);
    });

    it('records a review with its note, shown with the signal, and audited without the note', async () => {
      const key = `same-person.${first}`;
      const note = 'Spoke to Amina: the first application was for her mother.';
      const res = await api()
        .post(`/api/v1/applications/${second}/signals/${key}/review`)
        .set('Authorization', as('samuel'))
        .send({ note });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ signalKey: key, note, reviewedBy: { displayName: 'Samuel Mensah' } });

      expect((await signalsOf(second, 'sena')).find((s) => s.key === key)?.review).toMatchObject({
        note,
        reviewedBy: { displayName: 'Samuel Mensah' },
      });
      const events = await selectRows<{ details: Body }>(
        testApp.runtime.database.sequelize,
        "SELECT details FROM audit_events WHERE action = 'application.signal-reviewed' AND entity_id = :id",
        { id: second },
      );
      expect(events).toHaveLength(1);
      expect(JSON.stringify(events)).toContain(key);
      expect(JSON.stringify(events)).not.toMatch(/mother|Amina/);
    });

    it('refuses a review of a signal the application does not have, or without a note, and records nothing', async () => {
      const missing = await api()
        .post(`/api/v1/applications/${second}/signals/shared-document.${pedros}/review`)
        .set('Authorization', as('samuel'))
        .send({ note: 'Checked.' });
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('ERR_NOT_FOUND');
      const blank = await api()
        .post(`/api/v1/applications/${second}/signals/cost-outlier/review`)
        .set('Authorization', as('samuel'))
        .send({ note: ' ' });
      expect(blank.status).toBe(400);
      const rows = await selectRows(testApp.runtime.database.sequelize, 'SELECT 1 FROM signal_reviews WHERE application_id = :id', {
        id: second,
      });
      expect(rows).toHaveLength(1);
    });

    it('shows nothing to an officer not designated on the application, nor to its applicant', async () => {
      const read = await api().get(`/api/v1/applications/${second}/signals`).set('Authorization', as('joy'));
      expect(read.status).toBe(404);
      const review = await api()
        .post(`/api/v1/applications/${second}/signals/same-person.${first}/review`)
        .set('Authorization', as('joy'))
        .send({ note: 'Not mine to review.' });
      expect(review.status).toBe(404);
      const applicant = await api().get(`/api/v1/applications/${second}/signals`).set('Authorization', as('amina'));
      expect(applicant.status).toBe(403);
      expect(applicant.body.code).toBe('ERR_FORBIDDEN_ROLE');
    });
  });
});
