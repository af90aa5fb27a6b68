/**
 * The registry keeps what an officer set: an application that sends other values for officer-verified
 * fields leaves the registry as it is and keeps them as proposals, which the application's first-stage
 * officer accepts or keeps; the applicant's own fields still follow the application, each change audited.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { selectRows } from '../../src/platform/db/sql.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { tokenFor } from '../support/tokens.js';
import { applicationFor, createProgram, forgetOfficerVerification, uniqueCode, type ProgramFixture } from '../support/fixtures.js';

interface AuditRow {
  action: string;
  actor_subject: string;
  details: Record<string, unknown>;
}

describe('officer corrections in the registry', () => {
  let testApp: TestApp;
  let program: ProgramFixture;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    testApp = await startTestApp();
    program = await createProgram(testApp.app);
    for (const user of ['amina', 'pedro', 'samuel', 'sena', 'joy', 'maria', 'otto']) tokens[user] = await tokenFor(user);
  });
  afterAll(async () => {
    await testApp.close();
  });

  const api = () => request(testApp.app);
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const sequelize = () => testApp.runtime.database.sequelize;
  const submit = (body: unknown) =>
    api()
      .post('/api/v1/applications')
      .set(as('amina'))
      .send(body as object);
  const applicant = applicationFor('').applicant;
  const withApplicant = (changes: Record<string, unknown>, programId = program.id) =>
    applicationFor(programId, { applicant: { ...applicant, ...changes } });
  const registrant = async () => (await api().get('/api/v1/me/registrant').set(as('amina'))).body;
  const correct = async (changes: Record<string, unknown>) => {
    const current = await registrant();
    const res = await api()
      .patch(`/api/v1/registrants/${current.id}`)
      .set(as('samuel'))
      .send({ version: current.version, ...changes });
    expect(res.status).toBe(200);
    return res.body;
  };
  const decide = (user: string, applicationId: string, field: string, decision: string) =>
    api().post(`/api/v1/applications/${applicationId}/registry-proposals/${field}/decision`).set(as(user)).send({ decision });
  const proposals = (user: string, applicationId: string) =>
    api().get(`/api/v1/applications/${applicationId}/registry-proposals`).set(as(user));
  const lastEvent = async (type: string, id: string, action: string): Promise<AuditRow | undefined> =>
    (
      await selectRows<AuditRow>(
        sequelize(),
        `SELECT action, actor_subject, details FROM audit_events
         WHERE entity_type = :type AND entity_id = :id AND action = :action ORDER BY id DESC LIMIT 1`,
        { type, id, action },
      )
    )[0];

  // Amina starts each test as the applicant's own record, holding what `applicationFor` sends.
  beforeEach(async () => {
    await forgetOfficerVerification(sequelize(), 'NID-1001');
    expect((await submit(applicationFor(program.id))).status).toBe(201);
  });
  afterEach(async () => {
    await forgetOfficerVerification(sequelize(), 'NID-1001');
  });

  it("keeps an officer's correction when the applicant applies again with old values; the first-stage officer decides", async () => {
    const corrected = await correct({ givenName: 'Aminah', occupation: 'Tailor' });
    expect(corrected.verifiedFields).toEqual(expect.arrayContaining(['given_name', 'occupation']));

    // The applicant applies again with the values the officer corrected, and a new locality of their own.
    const locality = `Kilifi ${uniqueCode()}`;
    const sent = withApplicant({ address: { ...applicant.address, locality } });
    const submitted = await submit(sent);
    expect(submitted.status).toBe(201);
    expect(submitted.body.applicant).toMatchObject({ givenName: 'Amina', occupation: 'Trader' });
    expect(submitted.body.registryProposals).toBeUndefined();

    const after = await registrant();
    expect(after).toMatchObject({ givenName: 'Aminah', occupation: 'Tailor', address: { locality } });

    // The applicant's own field changed with an audit event naming it, never its value.
    const changed = await lastEvent('registrant', after.id, 'registrant.changed');
    expect(changed?.details).toEqual({ fields: ['locality'], source: 'applicant' });
    const submittedEvent = await lastEvent('application', submitted.body.id, 'application.submitted');
    expect(submittedEvent?.details.registryProposals).toEqual(['given_name', 'occupation']);
    expect(JSON.stringify([changed?.details, submittedEvent?.details])).not.toMatch(/Kilifi|Amina|Trader|Tailor/);

    // The first-stage officer sees the proposals with the application; the applicant does not.
    const seen = await api().get(`/api/v1/applications/${submitted.body.id}`).set(as('samuel'));
    expect(seen.status).toBe(200);
    expect(seen.body.registryProposals).toEqual([
      { field: 'given_name', proposedValue: 'Amina', registryValue: 'Aminah' },
      { field: 'occupation', proposedValue: 'Trader', registryValue: 'Tailor' },
    ]);
    const own = await api().get(`/api/v1/applications/${submitted.body.id}`).set(as('amina'));
    expect(own.body.registryProposals).toBeUndefined();

    // Accept the occupation, keep the given name.
    const accepted = await decide('samuel', submitted.body.id, 'occupation', 'accept');
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ field: 'occupation', decision: 'accept', decidedBy: 'samuel' });
    const kept = await decide('samuel', submitted.body.id, 'given_name', 'keep');
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ field: 'given_name', decision: 'keep', decidedBy: 'samuel' });

    const decided = await registrant();
    expect(decided).toMatchObject({ givenName: 'Aminah', occupation: 'Trader' });
    expect(decided.verifiedFields).toEqual(expect.arrayContaining(['given_name', 'occupation']));
    const history = await api().get(`/api/v1/registrants/${decided.id}/changes`).set(as('samuel'));
    expect(history.body.items.at(-1)).toMatchObject({ changedBy: 'samuel', changes: { occupation: { from: 'Tailor', to: 'Trader' } } });

    const registrantEvent = await lastEvent('registrant', decided.id, 'registrant.changed');
    expect(registrantEvent?.details).toEqual({ fields: ['occupation'], source: 'officer' });
    const decisions = await selectRows<AuditRow>(
      sequelize(),
      `SELECT action, actor_subject, details FROM audit_events
       WHERE entity_type = 'application' AND entity_id = :id AND action = 'application.registry-proposal-decided' ORDER BY id`,
      { id: submitted.body.id },
    );
    expect(decisions.map((d) => d.details)).toEqual([
      { field: 'occupation', decision: 'accept' },
      { field: 'given_name', decision: 'keep' },
    ]);
    const outbox = await selectRows<{ payload: unknown }>(
      sequelize(),
      `SELECT payload FROM outbox_events WHERE aggregate_id = :id AND event_type = 'application.registry-proposal-decided'`,
      { id: submitted.body.id },
    );
    expect(outbox).toHaveLength(2);

    const listed = await proposals('samuel', submitted.body.id);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ field: 'given_name', decision: 'keep', decidedBy: 'samuel', decidedAt: expect.any(String) }),
      expect.objectContaining({ field: 'occupation', decision: 'accept', decidedBy: 'samuel', decidedAt: expect.any(String) }),
    ]);

    // A second decision of the same proposal is refused, whichever way it goes.
    for (const [field, decision] of [
      ['occupation', 'accept'],
      ['given_name', 'accept'],
    ]) {
      const again = await decide('samuel', submitted.body.id, field as string, decision as string);
      expect([field, again.status, again.body.code]).toEqual([field, 409, 'ERR_PROPOSAL_DECIDED']);
    }
    expect(await registrant()).toMatchObject({ givenName: 'Aminah', occupation: 'Trader' });
  });

  it('refuses everyone but the first-stage officer, as a missing application where they may not see it', async () => {
    await correct({ occupation: 'Tailor' });
    const submitted = await submit(applicationFor(program.id));
    const id = submitted.body.id as string;
    for (const [user, status, code] of [
      ['amina', 403, 'ERR_FORBIDDEN_ROLE'],
      ['pedro', 403, 'ERR_FORBIDDEN_ROLE'],
      ['maria', 403, 'ERR_FORBIDDEN_ROLE'],
      ['otto', 403, 'ERR_FORBIDDEN_ROLE'],
      ['joy', 404, 'ERR_NOT_FOUND'],
      ['sena', 403, 'ERR_NOT_FIRST_STAGE_OFFICER'],
    ] as const) {
      const res = await decide(user, id, 'occupation', 'accept');
      expect([user, res.status, res.body.code]).toEqual([user, status, code]);
    }
    for (const [user, status] of [
      ['amina', 403],
      ['maria', 403],
      ['joy', 404],
      ['sena', 403],
      ['otto', 200],
      ['samuel', 200],
    ] as const) {
      const res = await proposals(user, id);
      expect([user, res.status]).toEqual([user, status]);
    }
    // A later stage's officer reads the application, without the proposals.
    const later = await api().get(`/api/v1/applications/${id}`).set(as('sena'));
    expect(later.status).toBe(200);
    expect(later.body.registryProposals).toBeUndefined();
    expect(await registrant()).toMatchObject({ occupation: 'Tailor' });
    const listed = await proposals('samuel', id);
    expect(listed.body.items).toEqual([{ field: 'occupation', proposedValue: 'Trader', registryValue: 'Tailor' }]);
  });

  it('proposes nothing when the applicant sends what the officer verified', async () => {
    await correct({ occupation: 'Tailor' });
    const submitted = await submit(withApplicant({ occupation: 'Tailor' }));
    expect(submitted.status).toBe(201);
    const seen = await api().get(`/api/v1/applications/${submitted.body.id}`).set(as('samuel'));
    expect(seen.body.registryProposals).toEqual([]);
    const event = await lastEvent('application', submitted.body.id, 'application.submitted');
    expect(event?.details.registryProposals).toBeUndefined();
    const res = await decide('samuel', submitted.body.id, 'occupation', 'accept');
    expect(res.status).toBe(404);
  });

  it('keeps a verified value the applicant leaves out, proposing nothing (an empty answer is not a wish to clear it)', async () => {
    await correct({ occupation: 'Tailor' });
    const submitted = await submit(withApplicant({ occupation: '' }));
    expect(submitted.status).toBe(201);
    const seen = await api().get(`/api/v1/applications/${submitted.body.id}`).set(as('samuel'));
    expect(seen.body.registryProposals).toEqual([]);
    expect((await registrant()).occupation).toBe('Tailor');
  });

  it('lets only one of two decisions made at once win', async () => {
    await correct({ occupation: 'Tailor' });
    const submitted = await submit(applicationFor(program.id));
    const results = await Promise.all([
      decide('samuel', submitted.body.id, 'occupation', 'accept'),
      decide('samuel', submitted.body.id, 'occupation', 'keep'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)?.body as { decision: string };
    expect((await registrant()).occupation).toBe(winner.decision === 'accept' ? 'Trader' : 'Tailor');
  });

  it('refuses to accept a proposal made against a registry value that has changed since', async () => {
    await correct({ occupation: 'Tailor' });
    const first = await submit(withApplicant({ occupation: 'Farmer' }));
    const second = await submit(withApplicant({ occupation: 'Fisher' }));
    expect((await decide('samuel', first.body.id, 'occupation', 'accept')).status).toBe(200);
    const stale = await decide('samuel', second.body.id, 'occupation', 'accept');
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('ERR_REGISTRY_CHANGED');
    expect((await registrant()).occupation).toBe('Farmer');
    expect((await decide('samuel', second.body.id, 'occupation', 'keep')).status).toBe(200);
  });

  it('treats the family as one field: a verified family is proposed, and taken when accepted', async () => {
    const family = [{ relation: 'child', givenName: 'Zawadi', familyName: 'Yusuf', gender: 'female', birthDate: '2016-06-30' }];
    await correct({
      familyMembers: [...family, { relation: 'spouse', givenName: 'Omar', familyName: 'Yusuf', gender: 'male', birthDate: '1985-01-01' }],
    });
    const submitted = await submit(applicationFor(program.id));
    const listed = await proposals('samuel', submitted.body.id);
    expect(listed.body.items).toEqual([
      {
        field: 'family_members',
        proposedValue: family,
        registryValue: [...family, { relation: 'spouse', givenName: 'Omar', familyName: 'Yusuf', gender: 'male', birthDate: '1985-01-01' }],
      },
    ]);
    expect((await registrant()).familyMembers).toHaveLength(2);
    expect((await decide('samuel', submitted.body.id, 'family_members', 'accept')).status).toBe(200);
    expect((await registrant()).familyMembers.map((m: { givenName: string }) => m.givenName)).toEqual(['Zawadi']);
  });

  it('proposes each part of a verified payment account that differs, and takes the parts accepted', async () => {
    const verified = { kind: 'mobile-money', number: '+254 700 000002', provider: 'M-Pesa' };
    await correct({ paymentAccount: verified });
    const submitted = await submit(withApplicant({ paymentAccount: { ...verified, number: '+254 733 000002', provider: 'Airtel Money' } }));
    expect(submitted.status).toBe(201);
    const listed = await proposals('samuel', submitted.body.id);
    expect(listed.body.items).toEqual([
      { field: 'payment_account_number', proposedValue: '+254 733 000002', registryValue: '+254 700 000002' },
      { field: 'payment_account_provider', proposedValue: 'Airtel Money', registryValue: 'M-Pesa' },
    ]);
    expect((await registrant()).paymentAccount).toEqual(verified);
    const event = await lastEvent('application', submitted.body.id, 'application.submitted');
    expect(event?.details.registryProposals).toEqual(['payment_account_number', 'payment_account_provider']);
    expect(JSON.stringify(event?.details)).not.toMatch(/733|Airtel/);

    expect((await decide('samuel', submitted.body.id, 'payment_account_number', 'accept')).status).toBe(200);
    expect((await decide('samuel', submitted.body.id, 'payment_account_provider', 'accept')).status).toBe(200);
    expect((await registrant()).paymentAccount).toEqual({ kind: 'mobile-money', number: '+254 733 000002', provider: 'Airtel Money' });
  });

  it('lets a member of the group designated for the first stage decide', async () => {
    const code = uniqueCode('grp').toLowerCase();
    const group = await api()
      .put(`/api/v1/officer-groups/${code}`)
      .set(as('maria'))
      .send({ name: 'First look', members: ['joy'] });
    expect(group.status).toBe(200);
    const created = await api()
      .post('/api/v1/programs')
      .set(as('maria'))
      .send({
        code: uniqueCode(),
        name: 'Group first stage (test)',
        description: 'A program made by a test.',
        currency: 'USD',
        maxAmount: '5000.00',
        voucherValidityDays: 30,
        treatmentTypes: [{ code: 'surgery', label: 'Urgent surgery' }],
        reasonCodes: [{ code: 'eligible', label: 'Eligible' }],
        stages: [
          { name: 'First look', kind: 'review', officer: { type: 'group', ref: code } },
          { name: 'Senior officer', kind: 'assessment', officer: { type: 'user', ref: 'sena' } },
        ],
      });
    expect(created.status).toBe(201);
    const opened = await api()
      .patch(`/api/v1/programs/${created.body.id}`)
      .set(as('maria'))
      .send({ version: created.body.version, state: 'open' });
    expect(opened.status).toBe(200);
    await correct({ occupation: 'Tailor' });
    const submitted = await submit(applicationFor(created.body.id));
    expect(submitted.status).toBe(201);
    expect((await decide('samuel', submitted.body.id, 'occupation', 'keep')).status).toBe(404);
    const res = await decide('joy', submitted.body.id, 'occupation', 'keep');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ decision: 'keep', decidedBy: 'joy' });
  });
});
