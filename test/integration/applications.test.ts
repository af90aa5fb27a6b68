import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';
import request from 'supertest';
import fc from 'fast-check';
import { startTestApp, type TestApp } from '../support/harness.js';
import { tokenFor } from '../support/tokens.js';
import { applicationFor, createProgram, forgetOfficerVerification, type ProgramFixture } from '../support/fixtures.js';

describe('applications', () => {
  let testApp: TestApp;
  let program: ProgramFixture;
  let amina: string;
  let pedro: string;
  beforeAll(async () => {
    testApp = await startTestApp();
    program = await createProgram(testApp.app);
    amina = await tokenFor('amina');
    pedro = await tokenFor('pedro');
  });
  afterAll(async () => {
    await testApp.close();
  });

  const api = () => request(testApp.app);
  const submit = (token: string, body: unknown, key?: string) => {
    const req = api().post('/api/v1/applications').set('Authorization', `Bearer ${token}`);
    if (key) req.set('Idempotency-Key', key);
    return req.send(body as object);
  };
  const countMine = async (token: string) =>
    (await api().get('/api/v1/applications?pageSize=1').set('Authorization', `Bearer ${token}`)).body.total as number;

  it('submits an application with a short reference, a status and a timeline of its stages', async () => {
    const res = await submit(amina, applicationFor(program.id));
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/api/v1/applications/${res.body.id}`);
    expect(res.body.reference).toMatch(/^IA-[0-9A-Z]{3}-[0-9A-Z]{4}$/);
    expect(res.body.status).toBe('SUBMITTED');
    expect(res.body.applicant).toMatchObject({ idType: 'NATIONAL_ID', idValue: 'NID-1001', givenName: 'Amina' });
    expect(res.body.timeline.map((t: { name: string; state: string }) => `${t.name}:${t.state}`)).toEqual([
      'Social worker:current',
      'Senior officer:waiting',
    ]);
  });

  it('gives every application its own reference', async () => {
    const responses = await Promise.all(Array.from({ length: 8 }, () => submit(amina, applicationFor(program.id))));
    const references = responses.map((r) => r.body.reference as string);
    expect(responses.every((r) => r.status === 201)).toBe(true);
    expect(new Set(references).size).toBe(references.length);
  });

  it('takes more submissions at once than the connection pool has connections', async () => {
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => submit(i % 2 === 0 ? amina : pedro, applicationFor(program.id))),
    );
    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 30 }, () => 201));
  });

  it('refuses an unknown or closed program with 422 and stores nothing', async () => {
    const before = await countMine(amina);
    const closed = await createProgram(testApp.app, { open: false });
    for (const programId of [randomUUID(), closed.id]) {
      const res = await submit(amina, applicationFor(programId));
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('ERR_PROGRAM_CLOSED');
    }
    expect(await countMine(amina)).toBe(before);
  });

  it.each([
    ['negative', '-100.00', 'ERR_VALIDATION'],
    ['non-numeric', 'a lot', 'ERR_VALIDATION'],
    ['zero', '0.00', 'ERR_AMOUNT_NOT_POSITIVE'],
    ['too many decimals', '10.005', 'ERR_VALIDATION'],
  ])('refuses a %s estimated cost', async (_label, estimatedCost, code) => {
    const body = applicationFor(program.id);
    const res = await submit(amina, { ...body, treatment: { ...body.treatment, estimatedCost } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('/body/treatment/estimatedCost');
  });

  it("refuses a treatment type that is not in the program's list", async () => {
    const body = applicationFor(program.id);
    const res = await submit(amina, { ...body, treatment: { ...body.treatment, type: 'cosmetic' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ERR_UNKNOWN_TREATMENT_TYPE');
  });

  it("refuses an amount in another currency than the program's", async () => {
    const body = applicationFor(program.id);
    const res = await submit(amina, { ...body, treatment: { ...body.treatment, currency: 'EUR' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ERR_CURRENCY_MISMATCH');
  });

  it('refuses missing required fields, naming each one', async () => {
    const res = await submit(amina, { programId: program.id, treatment: { type: 'surgery' }, applicant: { givenName: 'Amina' } });
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/body/treatment/description',
        '/body/treatment/estimatedCost',
        '/body/applicant/familyName',
        '/body/applicant/birthDate',
        '/body/applicant/address',
      ]),
    );
  });

  it('refuses a birth date in the future', async () => {
    const body = applicationFor(program.id);
    const res = await submit(amina, { ...body, applicant: { ...body.applicant, birthDate: '2999-01-01' } });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('/body/applicant/birthDate');
  });

  it("refuses an ID that is not the applicant's own", async () => {
    const body = applicationFor(program.id);
    const res = await submit(amina, { ...body, applicant: { ...body.applicant, idType: 'NATIONAL_ID', idValue: 'NID-1002' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ERR_IDENTITY_MISMATCH');
  });

  it('carries the payment account the applicant gives into what officers see and into the registry', async () => {
    const body = applicationFor(program.id);
    const paymentAccount = { kind: 'bank', number: 'KE89 0001 2345 6789', provider: 'Coast Savings Bank' };
    const res = await submit(pedro, { ...body, applicant: { ...body.applicant, givenName: 'Pedro', familyName: 'Alves', paymentAccount } });
    expect(res.status).toBe(201);
    const seen = await api()
      .get(`/api/v1/applications/${res.body.id}`)
      .set('Authorization', `Bearer ${await tokenFor('samuel')}`);
    expect(seen.body.applicant.paymentAccount).toEqual(paymentAccount);
    const found = await api()
      .get('/api/v1/registrants?idType=NATIONAL_ID&idValue=NID-1002')
      .set('Authorization', `Bearer ${await tokenFor('samuel')}`);
    expect(found.body.items[0].paymentAccount).toEqual(paymentAccount);
  });

  it('refuses a payment account number that does not fit its kind, naming the field, and stores nothing', async () => {
    const before = await countMine(amina);
    const body = applicationFor(program.id);
    const paymentAccount = { kind: 'mobile-money', number: 'ACC 7000 0002', provider: 'M-Pesa' };
    const res = await submit(amina, { ...body, applicant: { ...body.applicant, paymentAccount } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'ERR_PAYMENT_ACCOUNT_INVALID',
      errors: [{ path: '/body/applicant/paymentAccount/number' }],
    });
    expect(await countMine(amina)).toBe(before);
  });

  it('refuses attaching a document that does not exist, and writes nothing', async () => {
    const before = await countMine(amina);
    const res = await submit(amina, applicationFor(program.id, { documents: [{ documentId: randomUUID(), kind: 'medical-report' }] }));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ERR_DOCUMENT_NOT_ATTACHABLE');
    expect(await countMine(amina)).toBe(before);
  });

  const uploadPdf = async (token: string): Promise<string> => {
    const res = await api()
      .post('/api/v1/documents')
      .set('Authorization', `Bearer ${token}`)
      .field('kind', 'medical-report')
      .attach('file', await readFile(path.join(PROJECT_ROOT, 'test', 'fixtures', 'documents', 'tiny.pdf')), 'report.pdf');
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  it("refuses attaching another applicant's document, and writes nothing", async () => {
    const pedrosDocument = await uploadPdf(pedro);
    const before = await countMine(amina);
    const res = await submit(amina, applicationFor(program.id, { documents: [{ documentId: pedrosDocument, kind: 'medical-report' }] }));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ERR_DOCUMENT_NOT_ATTACHABLE');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['/body/documents/0/documentId']);
    expect(await countMine(amina)).toBe(before);
  });

  it("lets the application's stage officers read its documents, and no other officer", async () => {
    const documentId = await uploadPdf(amina);
    const created = await submit(amina, applicationFor(program.id, { documents: [{ documentId, kind: 'medical-report' }] }));
    expect(created.status).toBe(201);
    expect(created.body.documents).toEqual([expect.objectContaining({ documentId, kind: 'medical-report', mediaType: 'application/pdf' })]);
    for (const [user, status] of [
      ['samuel', 200],
      ['sena', 200],
      ['otto', 200],
      ['joy', 404],
      ['pedro', 404],
    ] as const) {
      const res = await api()
        .get(`/api/v1/documents/${documentId}/content`)
        .set('Authorization', `Bearer ${await tokenFor(user)}`);
      expect([user, res.status]).toEqual([user, status]);
    }
  });

  it('returns the first result for a repeated Idempotency-Key and creates nothing new', async () => {
    const key = randomUUID();
    const body = applicationFor(program.id);
    const first = await submit(amina, body, key);
    const before = await countMine(amina);
    const again = await submit(amina, body, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect(await countMine(amina)).toBe(before);
  });

  it('replays a repeated Idempotency-Key for the same application sent with its keys in another order', async () => {
    const key = randomUUID();
    const body = applicationFor(program.id);
    const first = await submit(amina, body, key);
    const before = await countMine(amina);
    /** The same JSON, every object's keys reversed: other bytes, the same request (RFC 8785). */
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reversed(v)]),
            )
          : value;
    const reordered = reversed(body);
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(body));
    const again = await submit(amina, reordered, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect(await countMine(amina)).toBe(before);
  });

  it('refuses an Idempotency-Key reused for a different application with 422', async () => {
    const key = randomUUID();
    await submit(amina, applicationFor(program.id), key);
    const before = await countMine(amina);
    const body = applicationFor(program.id);
    const res = await submit(amina, { ...body, treatment: { ...body.treatment, estimatedCost: '99.00' } }, key);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('ERR_IDEMPOTENCY_KEY_REUSED');
    expect(await countMine(amina)).toBe(before);
  });

  it('keeps two submissions racing with the same Idempotency-Key to one application', async () => {
    const key = randomUUID();
    const body = applicationFor(program.id);
    const [a, b] = await Promise.all([submit(amina, body, key), submit(amina, body, key)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
  });

  it('reports how many applications there are even on a page past the end', async () => {
    const total = await countMine(amina);
    expect(total).toBeGreaterThan(0);
    const past = await api()
      .get(`/api/v1/applications?pageSize=1&page=${total + 1}`)
      .set('Authorization', `Bearer ${amina}`);
    expect(past.status).toBe(200);
    expect(past.body).toMatchObject({ items: [], total, page: total + 1 });
  });

  it("never shows one applicant another applicant's application", async () => {
    const mine = await submit(amina, applicationFor(program.id));
    const read = await api().get(`/api/v1/applications/${mine.body.id}`).set('Authorization', `Bearer ${pedro}`);
    expect(read.status).toBe(404);
    const list = await api().get('/api/v1/applications?pageSize=100').set('Authorization', `Bearer ${pedro}`);
    expect(list.body.items.map((a: { id: string }) => a.id)).not.toContain(mine.body.id);
    expect(list.body.items.every((a: { applicant: { idValue: string } }) => a.applicant.idValue === 'NID-1002')).toBe(true);
  });

  it('shows an application to its stage officers and auditors, but not to other officers or roles', async () => {
    const mine = await submit(amina, applicationFor(program.id));
    for (const [user, status] of [
      ['samuel', 200],
      ['sena', 200],
      ['otto', 200],
      ['joy', 404],
      ['clinic', 403],
      ['maria', 403],
    ] as const) {
      const res = await api()
        .get(`/api/v1/applications/${mine.body.id}`)
        .set('Authorization', `Bearer ${await tokenFor(user)}`);
      expect([user, res.status]).toEqual([user, status]);
    }
  });

  it('keeps what was submitted when the registry is corrected later', async () => {
    const mine = await submit(amina, applicationFor(program.id));
    const reviewer = await tokenFor('samuel');
    const registrant = await api()
      .get(`/api/v1/registrants?idType=NATIONAL_ID&idValue=NID-1001`)
      .set('Authorization', `Bearer ${reviewer}`);
    const record = registrant.body.items[0];
    const patched = await api()
      .patch(`/api/v1/registrants/${record.id}`)
      .set('Authorization', `Bearer ${reviewer}`)
      .send({ version: record.version, occupation: 'Nurse' });
    expect(patched.status).toBe(200);
    const read = await api().get(`/api/v1/applications/${mine.body.id}`).set('Authorization', `Bearer ${amina}`);
    expect(read.body.applicant.occupation).toBe('Trader');
    await forgetOfficerVerification(testApp.runtime.database.sequelize, 'NID-1001');
  });

  it('reuses the registrant when the person applies again, recording what changed, by whom and when', async () => {
    const body = applicationFor(program.id);
    await submit(pedro, { ...body, applicant: { ...body.applicant, givenName: 'Pedro', familyName: 'Alves', occupation: 'Driver' } });
    const family = [
      { relation: 'spouse', givenName: 'Rita', familyName: 'Alves', gender: 'female', birthDate: '1985-03-01' },
      { relation: 'child', givenName: 'Tiago', familyName: 'Alves', gender: 'male', birthDate: '2012-11-20', occupation: 'Student' },
    ];
    await submit(pedro, {
      ...body,
      applicant: { ...body.applicant, givenName: 'Pedro', familyName: 'Alves', occupation: 'Mechanic' },
      familyMembers: family,
    });
    const reviewer = await tokenFor('samuel');
    const found = await api().get('/api/v1/registrants?idType=NATIONAL_ID&idValue=NID-1002').set('Authorization', `Bearer ${reviewer}`);
    expect(found.body.total).toBe(1);
    expect(found.body.items[0].occupation).toBe('Mechanic');
    expect(found.body.items[0].familyMembers.map(({ id: _id, age: _age, ...m }: { id: string; age: number }) => m)).toEqual(family);
    const changes = await api().get(`/api/v1/registrants/${found.body.items[0].id}/changes`).set('Authorization', `Bearer ${reviewer}`);
    expect(changes.body.items.at(-1)).toMatchObject({ changedBy: 'pedro', changes: { occupation: { from: 'Driver', to: 'Mechanic' } } });
  });

  it('reads back any submitted application exactly as it was sent', async () => {
    const text = (max: number) => fc.string({ minLength: 1, maxLength: max, unit: 'grapheme' }).filter((s) => /\S/.test(s));
    const date = fc
      .date({ min: new Date('1930-01-01'), max: new Date('2024-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const gender = fc.constantFrom('female', 'male', 'other', 'undisclosed');
    const member = fc.record(
      {
        relation: fc.constantFrom('spouse', 'child', 'parent', 'sibling', 'other'),
        givenName: text(40),
        familyName: text(40),
        gender,
        birthDate: date,
      },
      { requiredKeys: ['relation', 'givenName', 'familyName', 'gender', 'birthDate'] },
    );
    const input = fc.record({
      treatment: fc.record({
        type: fc.constantFrom('surgery', 'treatment'),
        description: text(300),
        estimatedCost: fc
          .tuple(fc.integer({ min: 1, max: 99_999_999 }), fc.integer({ min: 0, max: 99 }))
          .map(([a, c]) => `${a}.${String(c).padStart(2, '0')}`),
        currency: fc.constant('USD'),
        facility: fc.option(text(100), { nil: undefined }),
      }),
      applicant: fc.record({
        givenName: text(60),
        familyName: text(60),
        gender,
        birthDate: date,
        occupation: fc.option(text(60), { nil: undefined }),
        address: fc.record({ region: text(60), district: fc.option(text(60), { nil: undefined }) }),
      }),
      familyMembers: fc.array(member, { maxLength: 4 }),
    });
    const withoutUndefined = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
    await fc.assert(
      fc.asyncProperty(input, async (generated) => {
        const sent = withoutUndefined({ programId: program.id, ...generated });
        const created = await submit(amina, sent);
        expect(created.status).toBe(201);
        const read = await api().get(`/api/v1/applications/${created.body.id}`).set('Authorization', `Bearer ${amina}`);
        const { typeLabel: _label, ...treatment } = read.body.treatment;
        const { idType: _t, idValue: _v, age: _a, ...applicant } = read.body.applicant;
        expect(treatment).toEqual(sent.treatment);
        expect(applicant).toEqual(sent.applicant);
        expect(read.body.familyMembers.map(({ age: _age, ...m }: { age: number }) => m)).toEqual(sent.familyMembers);
      }),
      { numRuns: 25 },
    );
  });

  describe('drafts', () => {
    it('saves an unfinished application and resumes it later', async () => {
      const started = await api()
        .post('/api/v1/application-drafts')
        .set('Authorization', `Bearer ${amina}`)
        .send({ programId: program.id, treatment: { type: 'surgery' } });
      expect(started.status).toBe(201);
      const saved = await api()
        .put(`/api/v1/application-drafts/${started.body.id}`)
        .set('Authorization', `Bearer ${amina}`)
        .send({ programId: program.id, treatment: { type: 'surgery', description: 'Knee' }, applicant: { givenName: 'Amina' } });
      expect(saved.status).toBe(200);
      const resumed = await api().get(`/api/v1/application-drafts/${started.body.id}`).set('Authorization', `Bearer ${amina}`);
      expect(resumed.body.data).toEqual({
        programId: program.id,
        treatment: { type: 'surgery', description: 'Knee' },
        applicant: { givenName: 'Amina' },
      });
      expect(resumed.body.reference).toBe(started.body.reference);
    });

    it('will not submit an unfinished draft, names what is missing, and keeps the draft', async () => {
      const started = await api()
        .post('/api/v1/application-drafts')
        .set('Authorization', `Bearer ${amina}`)
        .send({ programId: program.id, treatment: { type: 'surgery' } });
      const res = await api().post(`/api/v1/application-drafts/${started.body.id}/submit`).set('Authorization', `Bearer ${amina}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('ERR_APPLICATION_INCOMPLETE');
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(
        expect.arrayContaining(['/data/applicant', '/data/treatment/description']),
      );
      const still = await api().get(`/api/v1/application-drafts/${started.body.id}`).set('Authorization', `Bearer ${amina}`);
      expect(still.status).toBe(200);
    });

    it('submits a finished draft under the same reference, once', async () => {
      const started = await api()
        .post('/api/v1/application-drafts')
        .set('Authorization', `Bearer ${amina}`)
        .send(applicationFor(program.id));
      const submitted = await api().post(`/api/v1/application-drafts/${started.body.id}/submit`).set('Authorization', `Bearer ${amina}`);
      expect(submitted.status).toBe(201);
      expect(submitted.body).toMatchObject({ id: started.body.id, reference: started.body.reference, status: 'SUBMITTED' });
      const again = await api().post(`/api/v1/application-drafts/${started.body.id}/submit`).set('Authorization', `Bearer ${amina}`);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('ERR_APPLICATION_NOT_DRAFT');
    });

    it("never lets one applicant read, change, submit or discard another's draft", async () => {
      const started = await api()
        .post('/api/v1/application-drafts')
        .set('Authorization', `Bearer ${amina}`)
        .send({ programId: program.id });
      const id = started.body.id as string;
      expect((await api().get(`/api/v1/application-drafts/${id}`).set('Authorization', `Bearer ${pedro}`)).status).toBe(404);
      expect(
        (
          await api()
            .put(`/api/v1/application-drafts/${id}`)
            .set('Authorization', `Bearer ${pedro}`)
            .send({ programId: program.id, treatment: { type: 'x' } })
        ).status,
      ).toBe(404);
      expect((await api().post(`/api/v1/application-drafts/${id}/submit`).set('Authorization', `Bearer ${pedro}`)).status).toBe(404);
      expect((await api().delete(`/api/v1/application-drafts/${id}`).set('Authorization', `Bearer ${pedro}`)).status).toBe(404);
      const mine = await api().get(`/api/v1/application-drafts/${id}`).set('Authorization', `Bearer ${amina}`);
      expect(mine.body.data).toEqual({ programId: program.id });
    });
  });
});
