/**
 * Multi-stage approval through the API, with real tokens: officers decide the stages of an application in
 * order, each rule of who may decide refuses with its own code, bad decisions change nothing, decisions of
 * one stage at once record exactly one, and each officer's work queue holds only what waits for them.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { PROJECT_ROOT } from '../../src/config.js';
import { createCommandRunner } from '../../src/platform/db/command.js';
import { execute, selectRows } from '../../src/platform/db/sql.js';
import { createProgramsService, seedDemoProgram } from '../../src/modules/programs/index.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { subjectOf, tokenFor } from '../support/tokens.js';
import { applicationFor, createProgram, uniqueCode, type ProgramFixture, type ProgramOptions } from '../support/fixtures.js';

type Body = Record<string, unknown>;

const APPROVE = { decision: 'approve', reasonCode: 'eligible' };
const REJECT = { decision: 'reject', reasonCode: 'not-eligible', reasonText: 'The treatment is not urgent.' };
// The demo program's checklists (src/modules/programs/seed.ts), each answered yes.
const DEMO_CHECKLISTS = {
  1: { 'identity-matches': true, 'not-enrolled': true },
  2: { 'documents-verified': true, 'treatment-urgent': true },
  3: { 'documents-verified': true, 'treatment-urgent': true, 'cost-plausible': true },
};

describe('multi-stage approval', () => {
  let testApp: TestApp;
  let demo: { id: string };
  const tokens: Record<string, string> = {};
  const users = ['amina', 'pedro', 'maria', 'samuel', 'joy', 'sena', 'otto'] as const;
  type User = (typeof users)[number];

  beforeAll(async () => {
    testApp = await startTestApp();
    const { sequelize, pool } = testApp.runtime.database;
    const programs = createProgramsService({
      sequelize,
      commands: createCommandRunner({ sequelize, pool }),
      directory: testApp.runtime.directory,
    });
    await seedDemoProgram(programs);
    for (const user of users) tokens[user] = await tokenFor(user);
    const listed = await request(testApp.app).get('/api/v1/programs?code=EMERG-SURG').set('Authorization', `Bearer ${tokens.maria}`);
    demo = listed.body.items[0] as { id: string };
  });
  afterAll(async () => {
    await testApp.close();
  });

  const api = () => request(testApp.app);
  const sequelize = () => testApp.runtime.database.sequelize;
  const as = (user: User) => `Bearer ${tokens[user]}`;

  async function submit(user: User, programId: string, overrides: Body = {}): Promise<string> {
    const res = await api().post('/api/v1/applications').set('Authorization', as(user)).send(applicationFor(programId, overrides));
    if (res.status !== 201) throw new Error(`not submitted: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  function decide(user: User, applicationId: string, position: number, body: Body, key?: string) {
    const req = api().post(`/api/v1/applications/${applicationId}/stages/${position}/decision`).set('Authorization', as(user));
    if (key) req.set('Idempotency-Key', key);
    return req.send(body);
  }

  const read = async (user: User, applicationId: string) =>
    (await api().get(`/api/v1/applications/${applicationId}`).set('Authorization', as(user))).body as Body & {
      status: string;
      timeline: Array<{ state: string; decidedAt?: string; outcome?: string }>;
    };

  const decisionsOf = (applicationId: string) =>
    selectRows<{
      stage_position: number;
      decision: string;
      officer_subject: string;
      amount: string | null;
      override_reason: string | null;
    }>(sequelize(), 'SELECT * FROM application_decisions WHERE application_id = :applicationId ORDER BY stage_position', { applicationId });

  const programWith = (stages: NonNullable<ProgramOptions['stages']>) =>
    createProgram(testApp.app, {
      stages,
      reasonCodes: [
        { code: 'eligible', label: 'Eligible' },
        { code: 'not-eligible', label: 'Not eligible' },
      ],
    });

  async function groupOf(members: User[]): Promise<string> {
    const code = uniqueCode('g').toLowerCase();
    const saved = await api().put(`/api/v1/officer-groups/${code}`).set('Authorization', as('maria')).send({ name: 'Officers', members });
    if (saved.status !== 200) throw new Error(`group not saved: ${saved.status} ${JSON.stringify(saved.body)}`);
    return code;
  }

  /** Runs `test` while `user` is recorded as the applicant of `applicationId`; no demo user is both officer and applicant. */
  async function asApplicant(user: User, applicationId: string, test: () => Promise<void>): Promise<void> {
    const [row] = await selectRows<{ applicant_subject: string }>(
      sequelize(),
      'SELECT applicant_subject FROM applications WHERE id = :applicationId',
      {
        applicationId,
      },
    );
    await execute(sequelize(), 'UPDATE applications SET applicant_subject = :subject WHERE id = :applicationId', {
      applicationId,
      subject: await subjectOf(user),
    });
    try {
      await test();
    } finally {
      await execute(sequelize(), 'UPDATE applications SET applicant_subject = :subject WHERE id = :applicationId', {
        applicationId,
        subject: row?.applicant_subject,
      });
    }
  }

  describe('the demo program', () => {
    it('is decided end to end by its social worker, junior officer and senior officer, and the applicant sees each outcome', async () => {
      const id = await submit('amina', demo.id);

      const unanswered = await decide('samuel', id, 1, APPROVE);
      expect(unanswered.status).toBe(400);
      expect(unanswered.body).toMatchObject({
        code: 'ERR_APPROVAL_CHECKLIST_UNANSWERED',
        errors: [{ path: '/body/checklist/identity-matches' }],
      });

      const first = await decide('samuel', id, 1, {
        ...APPROVE,
        reasonText: 'Enrolled; no duplicate found.',
        checklist: DEMO_CHECKLISTS[1],
      });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        position: 1,
        decision: 'approve',
        checklist: DEMO_CHECKLISTS[1],
        currentState: { status: 'IN_REVIEW', currentStage: 2 },
      });
      expect(first.body.decidedBy.displayName).toBe('Samuel Mensah');

      const second = await decide('joy', id, 2, { decision: 'approve', reasonCode: 'documents-verified', checklist: DEMO_CHECKLISTS[2] });
      expect(second.status).toBe(201);
      expect(second.body.currentState).toEqual({ status: 'IN_REVIEW', currentStage: 3 });

      const third = await decide('sena', id, 3, { ...APPROVE, amount: '1100', checklist: DEMO_CHECKLISTS[3] });
      expect(third.status).toBe(201);
      expect(third.body).toMatchObject({
        amount: '1100.00',
        currency: 'USD',
        currentState: { status: 'APPROVED', currentStage: null, assessedAmount: '1100.00' },
      });

      const seen = await read('amina', id);
      expect(seen).toMatchObject({ status: 'APPROVED', assessedAmount: '1100.00' });
      expect(seen.timeline.map((t) => t.state)).toEqual(['approved', 'approved', 'approved']);
      expect(seen.timeline.map((t) => t.outcome)).toEqual([
        'Approved: Meets the eligibility criteria',
        'Approved: Documents inspected and verified',
        'Approved, with 1100.00 USD assessed: Meets the eligibility criteria',
      ]);
      expect(seen.timeline.every((t) => !Number.isNaN(Date.parse(t.decidedAt ?? '')))).toBe(true);
      // The applicant sees outcomes, not who decided.
      const text = JSON.stringify(seen);
      for (const name of ['Samuel', 'Joy', 'Sena', await subjectOf('samuel')]) expect(text).not.toContain(name);

      expect((await decisionsOf(id)).map((d) => d.stage_position)).toEqual([1, 2, 3]);
      const events = await selectRows<{ details: Body }>(
        sequelize(),
        "SELECT details FROM audit_events WHERE action = 'application.stage-decided' AND entity_id = :id ORDER BY id",
        { id },
      );
      expect(events).toHaveLength(3);
      expect(JSON.stringify(events)).not.toMatch(/Samuel|Sena|Joy|no duplicate/);
    });

    it('ends at a rejection in stage 2: stage 3 cannot be decided, and the applicant reads why in plain words', async () => {
      const id = await submit('amina', demo.id);
      expect((await decide('samuel', id, 1, { ...APPROVE, checklist: DEMO_CHECKLISTS[1] })).status).toBe(201);
      const rejected = await decide('joy', id, 2, { ...REJECT, checklist: { 'documents-verified': true, 'treatment-urgent': false } });
      expect(rejected.status).toBe(201);
      expect(rejected.body.currentState).toEqual({ status: 'REJECTED', currentStage: null });

      const late = await decide('sena', id, 3, { ...APPROVE, amount: '100.00', checklist: DEMO_CHECKLISTS[3] });
      expect(late.status).toBe(409);
      expect(late.body).toMatchObject({ code: 'ERR_APPROVAL_FINISHED', currentState: { status: 'REJECTED', currentStage: null } });
      expect(await decisionsOf(id)).toHaveLength(2);

      const seen = await read('amina', id);
      expect(seen.status).toBe('REJECTED');
      expect(seen.timeline.map((t) => t.state)).toEqual(['approved', 'rejected', 'waiting']);
      expect(seen.timeline[1]?.outcome).toBe('Not approved: Does not meet the eligibility criteria');
    });
  });

  describe('who may decide', () => {
    let program: ProgramFixture;
    beforeAll(async () => {
      program = await programWith([
        { name: 'Social worker', kind: 'review', officer: { type: 'user', ref: 'samuel' } },
        { name: 'Junior officer', kind: 'review', officer: { type: 'user', ref: 'joy' } },
        { name: 'Senior officer', kind: 'assessment', officer: { type: 'user', ref: 'sena' } },
      ]);
    });

    it('refuses the officer of another stage of the application with 403, and an officer of none of its stages with 404', async () => {
      const id = await submit('amina', program.id);
      const other = await decide('joy', id, 1, APPROVE);
      expect(other.status).toBe(403);
      expect(other.body.code).toBe('ERR_APPROVAL_NOT_DESIGNATED');
      const stranger = await createProgram(testApp.app);
      const elsewhere = await submit('amina', stranger.id);
      const unseen = await decide('joy', elsewhere, 1, APPROVE);
      expect(unseen.status).toBe(404);
      expect(await decisionsOf(id)).toEqual([]);
      expect(await decisionsOf(elsewhere)).toEqual([]);
    });

    it('refuses a program manager, and an applicant, by role', async () => {
      const id = await submit('amina', program.id);
      for (const user of ['maria', 'amina'] as const) {
        const res = await decide(user, id, 1, APPROVE);
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('ERR_FORBIDDEN_ROLE');
      }
      expect(await decisionsOf(id)).toEqual([]);
    });

    it('refuses a stage that is not the current one with 409 and where the application stands', async () => {
      const id = await submit('amina', program.id);
      const early = await decide('joy', id, 2, APPROVE);
      expect(early.status).toBe(409);
      expect(early.body).toMatchObject({ code: 'ERR_APPROVAL_NOT_CURRENT_STAGE', currentState: { status: 'SUBMITTED', currentStage: 1 } });
      expect((await decide('samuel', id, 1, APPROVE)).status).toBe(201);
      const again = await decide('samuel', id, 1, APPROVE);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'ERR_APPROVAL_NOT_CURRENT_STAGE', currentState: { status: 'IN_REVIEW', currentStage: 2 } });
      const missing = await decide('samuel', id, 9, APPROVE);
      expect(missing.status).toBe(409);
      expect(await decisionsOf(id)).toHaveLength(1);
    });

    it('refuses an officer deciding an application they submitted', async () => {
      const id = await submit('amina', program.id);
      await asApplicant('samuel', id, async () => {
        const res = await decide('samuel', id, 1, APPROVE);
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('ERR_APPROVAL_OWN_APPLICATION');
      });
      expect(await decisionsOf(id)).toEqual([]);
    });

    it("refuses an officer deciding an application that lists them as the applicant's family", async () => {
      // Samuel is known to the registry as Amina Yusuf (born 1990-02-14) through an application he submitted ...
      const own = await submit('amina', program.id);
      // ... and Pedro lists her as his spouse.
      const spouse = { relation: 'spouse', givenName: 'amina ', familyName: 'YUSUF', gender: 'female', birthDate: '1990-02-14' };
      const id = await submit('pedro', program.id, {
        applicant: { givenName: 'Pedro', familyName: 'Alves', gender: 'male', birthDate: '1985-07-01', address: { region: 'Coast' } },
        familyMembers: [spouse],
      });
      // And the other way round: Zawadi Yusuf, whom Amina lists as her child, applies through Pedro's account.
      const child = await submit('pedro', program.id, {
        applicant: { givenName: 'Zawadi', familyName: 'Yusuf', gender: 'female', birthDate: '2016-06-30', address: { region: 'Coast' } },
        familyMembers: [],
      });
      await asApplicant('samuel', own, async () => {
        for (const application of [id, child]) {
          const res = await decide('samuel', application, 1, APPROVE);
          expect(res.status).toBe(403);
          expect(res.body.code).toBe('ERR_APPROVAL_FAMILY_MEMBER');
        }
      });
      expect(await decisionsOf(id)).toEqual([]);
      expect(await decisionsOf(child)).toEqual([]);
      // Once he is not, the same decision goes through.
      expect((await decide('samuel', id, 1, APPROVE)).status).toBe(201);
    });

    it('lets one person decide at most one stage of an application, and a member of a designated group decide its stage', async () => {
      const group = await groupOf(['samuel', 'joy']);
      const grouped = await programWith([
        { name: 'Social worker', kind: 'review', officer: { type: 'user', ref: 'samuel' } },
        { name: 'Junior officers', kind: 'review', officer: { type: 'group', ref: group } },
        { name: 'Senior officer', kind: 'assessment', officer: { type: 'user', ref: 'sena' } },
      ]);
      const id = await submit('amina', grouped.id);
      expect((await decide('samuel', id, 1, APPROVE)).status).toBe(201);
      const twice = await decide('samuel', id, 2, APPROVE);
      expect(twice.status).toBe(403);
      expect(twice.body.code).toBe('ERR_APPROVAL_SECOND_STAGE');
      const member = await decide('joy', id, 2, APPROVE);
      expect(member.status).toBe(201);
      expect(member.body.currentState).toEqual({ status: 'IN_REVIEW', currentStage: 3 });
    });
  });

  describe('what a decision must say', () => {
    let program: ProgramFixture;
    let atAssessment: string;
    beforeAll(async () => {
      program = await programWith([
        { name: 'Social worker', kind: 'review', officer: { type: 'user', ref: 'samuel' } },
        { name: 'Senior officer', kind: 'assessment', officer: { type: 'user', ref: 'sena' } },
      ]);
      // Estimated cost 1200.50 USD; the program's maximum is 5000.00 USD.
      atAssessment = await submit('amina', program.id);
      expect((await decide('samuel', atAssessment, 1, APPROVE)).status).toBe(201);
    });

    it.each([
      ['no reason code', { decision: 'approve', amount: '100.00' }, 400, 'ERR_VALIDATION'],
      [
        'a reason code the program does not list',
        { decision: 'approve', reasonCode: 'friend', amount: '100.00' },
        400,
        'ERR_APPROVAL_REASON_UNKNOWN',
      ],
      [
        'a rejection without a reason in words',
        { decision: 'reject', reasonCode: 'not-eligible', reasonText: '  ' },
        400,
        'ERR_APPROVAL_REASON_TEXT_REQUIRED',
      ],
      ['an approved assessment without an amount', APPROVE, 400, 'ERR_APPROVAL_AMOUNT_REQUIRED'],
      ['a negative amount', { ...APPROVE, amount: '-5.00' }, 400, 'ERR_VALIDATION'],
      ['an amount with three decimals', { ...APPROVE, amount: '10.005' }, 400, 'ERR_VALIDATION'],
      ['an amount that is not a number', { ...APPROVE, amount: 'a lot' }, 400, 'ERR_VALIDATION'],
      ['an amount given as a JSON number', { ...APPROVE, amount: 100 }, 400, 'ERR_VALIDATION'],
      ['a zero amount', { ...APPROVE, amount: '0.00' }, 400, 'ERR_AMOUNT_NOT_POSITIVE'],
      [
        "an amount above the program's maximum, even with an override",
        { ...APPROVE, amount: '5000.01', overrideReason: 'Complications.' },
        422,
        'ERR_APPROVAL_AMOUNT_OVER_MAXIMUM',
      ],
      [
        'an amount above the estimated cost without an override reason',
        { ...APPROVE, amount: '1200.51' },
        422,
        'ERR_APPROVAL_AMOUNT_OVER_ESTIMATE',
      ],
      ['a field the contract does not know', { ...APPROVE, amount: '100.00', officer: 'someone' }, 400, 'ERR_VALIDATION'],
    ])('refuses %s and changes nothing', async (_label, body, status, code) => {
      const res = await decide('sena', atAssessment, 2, body as Body);
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe(code);
      expect(await decisionsOf(atAssessment)).toHaveLength(1);
      expect((await read('amina', atAssessment)).status).toBe('IN_REVIEW');
    });

    it('refuses an amount on a review stage', async () => {
      const id = await submit('amina', program.id);
      const res = await decide('samuel', id, 1, { ...APPROVE, amount: '100.00' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('ERR_APPROVAL_AMOUNT_NOT_ASSESSED_HERE');
      expect(await decisionsOf(id)).toEqual([]);
    });

    it('takes an amount above the estimated cost with an override reason, and records both', async () => {
      const id = await submit('amina', program.id);
      expect((await decide('samuel', id, 1, APPROVE)).status).toBe(201);
      const res = await decide('sena', id, 2, {
        ...APPROVE,
        amount: '1500.00',
        overrideReason: 'The hospital added a night in intensive care.',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ amount: '1500.00', overrideReason: 'The hospital added a night in intensive care.' });
      expect((await decisionsOf(id))[1]).toMatchObject({
        amount: '1500.00',
        override_reason: 'The hospital added a night in intensive care.',
      });
    });
  });

  describe('decisions at the same moment', () => {
    let program: ProgramFixture;
    beforeAll(async () => {
      program = await createProgram(testApp.app);
    });

    it('records exactly one of five decisions of one stage sent at once; the others get 409 with the current state', async () => {
      const id = await submit('amina', program.id);
      const responses = await Promise.all(Array.from({ length: 5 }, () => decide('samuel', id, 1, APPROVE, randomUUID())));
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409]);
      for (const loser of responses.filter((r) => r.status === 409)) {
        expect(loser.body).toMatchObject({
          code: 'ERR_APPROVAL_NOT_CURRENT_STAGE',
          currentState: { status: 'IN_REVIEW', currentStage: 2 },
        });
      }
      expect(await decisionsOf(id)).toHaveLength(1);
    });

    it('records one of two officers of a group deciding its stage at once; the other gets 409', async () => {
      const grouped = await programWith([
        { name: 'Social workers', kind: 'review', officer: { type: 'group', ref: await groupOf(['samuel', 'joy']) } },
        { name: 'Senior officer', kind: 'assessment', officer: { type: 'user', ref: 'sena' } },
      ]);
      const id = await submit('amina', grouped.id);
      const responses = await Promise.all([decide('samuel', id, 1, APPROVE), decide('joy', id, 1, REJECT)]);
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
      const [recorded] = await decisionsOf(id);
      expect(await decisionsOf(id)).toHaveLength(1);
      expect((await read('amina', id)).status).toBe(recorded?.decision === 'approve' ? 'IN_REVIEW' : 'REJECTED');
    });

    it('answers a double click with one Idempotency-Key twice with the one decision', async () => {
      const id = await submit('amina', program.id);
      const key = randomUUID();
      const [a, b] = await Promise.all([decide('samuel', id, 1, APPROVE, key), decide('samuel', id, 1, APPROVE, key)]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body).toEqual(b.body);
      expect([a.headers['idempotent-replayed'], b.headers['idempotent-replayed']]).toContain('true');
      expect(await decisionsOf(id)).toHaveLength(1);
    });
  });

  describe('the work queue', () => {
    type Queue = { total: number; items: Array<{ applicationId: string; stage: { position: number } }>; stageCounts: Array<Body> };
    const queueOf = async (user: User, query: string) =>
      (await api().get(`/api/v1/work-queue?${query}`).set('Authorization', as(user)).expect(200)).body as Queue;

    it("lists only the applications waiting at the caller's stage, oldest wait first, with counts per stage", async () => {
      const program = await createProgram(testApp.app);
      const other = await createProgram(testApp.app);
      const [first, second, third] = [
        await submit('amina', program.id),
        await submit('pedro', program.id),
        await submit('amina', program.id),
      ];
      await submit('amina', other.id);

      const samuels = await queueOf('samuel', `programId=${program.id}`);
      expect(samuels.items.map((i) => i.applicationId)).toEqual([first, second, third]);
      expect(samuels.stageCounts).toEqual([{ programId: program.id, position: 1, name: 'Social worker', waiting: 3 }]);
      expect((await queueOf('sena', `programId=${program.id}`)).total).toBe(0);
      expect((await queueOf('joy', `programId=${program.id}`)).total).toBe(0);

      expect((await decide('samuel', second, 1, APPROVE)).status).toBe(201);
      expect((await queueOf('samuel', `programId=${program.id}`)).items.map((i) => i.applicationId)).toEqual([first, third]);
      const senas = await queueOf('sena', `programId=${program.id}`);
      expect(senas.items.map((i) => [i.applicationId, i.stage.position])).toEqual([[second, 2]]);

      const paged = await queueOf('samuel', `programId=${program.id}&pageSize=1&page=2`);
      expect(paged).toMatchObject({ total: 2, items: [{ applicationId: third }] });
    });

    it('filters by how long an application has waited at its stage', async () => {
      const program = await createProgram(testApp.app);
      const [recent, old] = [await submit('amina', program.id), await submit('amina', program.id)];
      await execute(sequelize(), "UPDATE applications SET waiting_since = now() - interval '3 hours' WHERE id = :old", { old });
      const waited = await queueOf('samuel', `programId=${program.id}&minWaitHours=2`);
      expect(waited.items.map((i) => i.applicationId)).toEqual([old]);
      const all = await queueOf('samuel', `programId=${program.id}`);
      expect(all.items.map((i) => i.applicationId)).toEqual([old, recent]);
    });

    it('refuses a program manager and a malformed filter', async () => {
      expect((await api().get('/api/v1/work-queue').set('Authorization', as('maria'))).status).toBe(403);
      const bad = await api().get('/api/v1/work-queue?minWaitHours=-1').set('Authorization', as('samuel'));
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('ERR_VALIDATION');
    });
  });

  describe('the eligibility checklist of a stage', () => {
    const CHECKLIST = [
      { code: 'resident', label: 'Lives in the program area' },
      { code: 'urgent', label: 'The treatment is urgent' },
    ];
    let program: ProgramFixture;
    beforeAll(async () => {
      program = await programWith([
        { name: 'Social worker', kind: 'review', officer: { type: 'user', ref: 'samuel' }, checklist: CHECKLIST },
        { name: 'Senior officer', kind: 'assessment', officer: { type: 'user', ref: 'sena' } },
      ]);
    });

    it('is kept with the stage and copied into the stage list an application is submitted with', async () => {
      const shown = await api().get(`/api/v1/programs/${program.id}`).set('Authorization', as('maria'));
      expect(shown.body.stages.map((s: Body) => s.checklist)).toEqual([CHECKLIST, []]);
      const id = await submit('amina', program.id);
      const program2 = shown.body as { version: number; stages: Array<{ id: string }> };
      // A later edit of the program's checklist does not reach the running application.
      const edited = await api()
        .patch(`/api/v1/programs/${program.id}/stages/${program2.stages[0]?.id}`)
        .set('Authorization', as('maria'))
        .send({ version: program2.version, checklist: [{ code: 'other', label: 'Another criterion' }] });
      expect(edited.status).toBe(200);
      expect(edited.body.stages[0].checklist).toEqual([{ code: 'other', label: 'Another criterion' }]);
      const [row] = await selectRows<{ stages: Array<{ checklist: unknown }> }>(
        sequelize(),
        'SELECT stages FROM applications WHERE id = :id',
        { id },
      );
      expect(row?.stages.map((s) => s.checklist)).toEqual([CHECKLIST, []]);
      const decided = await decide('samuel', id, 1, { ...APPROVE, checklist: { resident: true, urgent: true } });
      expect(decided.status).toBe(201);
      // Restore the program's checklist for the other tests.
      await api()
        .patch(`/api/v1/programs/${program.id}/stages/${program2.stages[0]?.id}`)
        .set('Authorization', as('maria'))
        .send({ version: edited.body.version, checklist: CHECKLIST })
        .expect(200);
    });

    it('refuses a checklist that repeats a code, in the stage editor and at program creation', async () => {
      const shown = await api().get(`/api/v1/programs/${program.id}`).set('Authorization', as('maria'));
      const twice = [
        { code: 'resident', label: 'Lives in the program area' },
        { code: 'resident', label: 'The treatment is urgent' },
      ];
      const added = await api()
        .post(`/api/v1/programs/${program.id}/stages`)
        .set('Authorization', as('maria'))
        .send({ version: shown.body.version, name: 'Extra', kind: 'review', officer: { type: 'user', ref: 'joy' }, checklist: twice });
      expect(added.status).toBe(400);
      expect(added.body).toMatchObject({ code: 'ERR_STAGE_CHECKLIST_CODE_REPEATED', errors: [{ path: '/body/checklist/1/code' }] });
      const created = programWith([{ name: 'Assess', kind: 'assessment', officer: { type: 'user', ref: 'sena' }, checklist: twice }]);
      await expect(created).rejects.toThrow(/ERR_STAGE_CHECKLIST_CODE_REPEATED/);
      const after = await api().get(`/api/v1/programs/${program.id}`).set('Authorization', as('maria'));
      expect(after.body.version).toBe(shown.body.version);
    });

    it('must be answered whole, and only with its own items, before a decision is recorded', async () => {
      const id = await submit('amina', program.id);
      const none = await decide('samuel', id, 1, APPROVE);
      expect(none.status).toBe(400);
      expect(none.body).toMatchObject({ code: 'ERR_APPROVAL_CHECKLIST_UNANSWERED', errors: [{ path: '/body/checklist/resident' }] });
      const half = await decide('samuel', id, 1, { ...APPROVE, checklist: { resident: true } });
      expect(half.body).toMatchObject({ code: 'ERR_APPROVAL_CHECKLIST_UNANSWERED', errors: [{ path: '/body/checklist/urgent' }] });
      const unknown = await decide('samuel', id, 1, { ...APPROVE, checklist: { resident: true, urgent: true, insured: false } });
      expect(unknown.status).toBe(400);
      expect(unknown.body).toMatchObject({ code: 'ERR_APPROVAL_CHECKLIST_ITEM_UNKNOWN', errors: [{ path: '/body/checklist/insured' }] });
      const notBoolean = await decide('samuel', id, 1, { ...APPROVE, checklist: { resident: 'yes', urgent: true } });
      expect(notBoolean.status).toBe(400);
      expect(notBoolean.body.code).toBe('ERR_VALIDATION');
      // A rejection answers it too.
      const rejected = await decide('samuel', id, 1, { ...REJECT, checklist: { urgent: false } });
      expect(rejected.body.code).toBe('ERR_APPROVAL_CHECKLIST_UNANSWERED');
      expect(await decisionsOf(id)).toEqual([]);
    });

    it('approves over a "no" only with a reason in words, and stores the answers with the decision', async () => {
      const id = await submit('amina', program.id);
      const answers = { resident: true, urgent: false };
      const bare = await decide('samuel', id, 1, { ...APPROVE, checklist: answers });
      expect(bare.status).toBe(400);
      expect(bare.body).toMatchObject({ code: 'ERR_APPROVAL_CHECKLIST_NO_REASON', errors: [{ path: '/body/reasonText' }] });
      expect(await decisionsOf(id)).toEqual([]);

      const reasoned = await decide('samuel', id, 1, {
        ...APPROVE,
        checklist: answers,
        reasonText: 'Scheduled surgery, but the wait risks harm.',
      });
      expect(reasoned.status).toBe(201);
      expect(reasoned.body.checklist).toEqual(answers);
      const [row] = await selectRows<{ checklist: unknown }>(
        sequelize(),
        'SELECT checklist FROM application_decisions WHERE application_id = :id',
        { id },
      );
      expect(row?.checklist).toEqual(answers);
      // A stage without a checklist is decided with none, and refuses answers to items it does not have.
      const stray = await decide('sena', id, 2, { ...APPROVE, amount: '100.00', checklist: { resident: true } });
      expect(stray.body.code).toBe('ERR_APPROVAL_CHECKLIST_ITEM_UNKNOWN');
      const assessed = await decide('sena', id, 2, { ...APPROVE, amount: '100.00' });
      expect(assessed.status).toBe(201);
      expect(assessed.body.checklist).toEqual({});
    });
  });

  describe('document verification', () => {
    let program: ProgramFixture;
    beforeAll(async () => {
      program = await programWith([
        { name: 'Social worker', kind: 'review', officer: { type: 'user', ref: 'samuel' } },
        { name: 'Senior officer', kind: 'assessment', officer: { type: 'user', ref: 'sena' } },
      ]);
    });

    async function submitWithDocument(): Promise<{ id: string; documentId: string }> {
      const uploaded = await api()
        .post('/api/v1/documents')
        .set('Authorization', as('amina'))
        .field('kind', 'medical-report')
        .attach('file', await readFile(path.join(PROJECT_ROOT, 'test', 'fixtures', 'documents', 'tiny.pdf')), 'report.pdf');
      if (uploaded.status !== 201) throw new Error(`not uploaded: ${uploaded.status}`);
      const documentId = uploaded.body.id as string;
      const id = await submit('amina', program.id, { documents: [{ documentId, kind: 'medical-report' }] });
      return { id, documentId };
    }

    const mark = (user: User, id: string, documentId: string, body: Body) =>
      api().put(`/api/v1/applications/${id}/documents/${documentId}/verification`).set('Authorization', as(user)).send(body);
    const verdictsOf = async (user: User, id: string) =>
      api().get(`/api/v1/applications/${id}/document-verifications`).set('Authorization', as(user));

    it("records the current stage's officer's verdicts, the latest shown to the officers, with no reason in the audit", async () => {
      const { id, documentId } = await submitWithDocument();
      const verified = await mark('samuel', id, documentId, { verdict: 'verified' });
      expect(verified.status).toBe(200);
      expect(verified.body).toMatchObject({ documentId, verdict: 'verified', position: 1, recordedBy: { displayName: 'Samuel Mensah' } });
      const rejected = await mark('samuel', id, documentId, { verdict: 'rejected', reason: 'Amina Yusuf’s invoice is not legible.' });
      expect(rejected.status).toBe(200);

      const seen = await verdictsOf('sena', id);
      expect(seen.status).toBe(200);
      expect(seen.body.items).toEqual([
        expect.objectContaining({ documentId, verdict: 'rejected', reason: 'Amina Yusuf’s invoice is not legible.', position: 1 }),
      ]);
      expect((await verdictsOf('otto', id)).body.items).toHaveLength(1);
      expect((await verdictsOf('joy', id)).status).toBe(404);

      const events = await selectRows<{ details: Body }>(
        sequelize(),
        "SELECT details FROM audit_events WHERE action = 'application.document-verified' AND entity_id = :id ORDER BY id",
        { id },
      );
      expect(events).toHaveLength(2);
      expect(JSON.stringify(events)).not.toMatch(/Amina|legible/);
    });

    it('refuses a rejection without a reason, a document not attached, an officer of another stage, a finished application', async () => {
      const { id, documentId } = await submitWithDocument();
      const bare = await mark('samuel', id, documentId, { verdict: 'rejected', reason: '  ' });
      expect(bare.status).toBe(400);
      expect(bare.body).toMatchObject({ code: 'ERR_DOCUMENT_REJECTION_NO_REASON', errors: [{ path: '/body/reason' }] });
      expect((await mark('samuel', id, randomUUID(), { verdict: 'verified' })).status).toBe(404);
      expect((await mark('samuel', id, documentId, { verdict: 'maybe' })).body.code).toBe('ERR_VALIDATION');
      const notYet = await mark('sena', id, documentId, { verdict: 'verified' });
      expect(notYet.status).toBe(403);
      expect(notYet.body.code).toBe('ERR_APPROVAL_NOT_DESIGNATED');
      expect((await mark('joy', id, documentId, { verdict: 'verified' })).status).toBe(404);
      expect((await mark('maria', id, documentId, { verdict: 'verified' })).status).toBe(403);

      expect((await decide('samuel', id, 1, REJECT)).status).toBe(201);
      const finished = await mark('samuel', id, documentId, { verdict: 'verified' });
      expect(finished.status).toBe(409);
      expect(finished.body).toMatchObject({ code: 'ERR_APPROVAL_FINISHED', currentState: { status: 'REJECTED' } });
      expect((await verdictsOf('samuel', id)).body.items).toEqual([]);
    });
  });

  describe('reassignment of a stage', () => {
    type Queue = { items: Array<{ applicationId: string }> };
    const queueOf = async (user: User, programId: string) =>
      ((await api().get(`/api/v1/work-queue?programId=${programId}`).set('Authorization', as(user)).expect(200)).body as Queue).items.map(
        (i) => i.applicationId,
      );
    const reassign = (user: User, programId: string, position: number, body: Body) =>
      api().post(`/api/v1/programs/${programId}/stages/${position}/reassignment`).set('Authorization', as(user)).send(body);

    it('moves one waiting application to the new officer: the old one loses it from the queue and cannot decide it', async () => {
      const program = await createProgram(testApp.app);
      const [moved, kept] = [await submit('amina', program.id), await submit('pedro', program.id)];
      const res = await reassign('maria', program.id, 1, { officer: { type: 'user', ref: 'joy' }, applicationId: moved });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        programId: program.id,
        position: 1,
        officer: { type: 'user', ref: await subjectOf('joy') },
        applicationIds: [moved],
      });

      expect(await queueOf('samuel', program.id)).toEqual([kept]);
      expect(await queueOf('joy', program.id)).toEqual([moved]);
      const old = await decide('samuel', moved, 1, APPROVE);
      expect([403, 404]).toContain(old.status);
      expect(await decisionsOf(moved)).toEqual([]);
      expect((await decide('joy', moved, 1, APPROVE)).status).toBe(201);
      expect((await decide('samuel', kept, 1, APPROVE)).status).toBe(201);

      const events = await selectRows<{ actor_subject: string; details: Body }>(
        sequelize(),
        "SELECT * FROM audit_events WHERE action = 'application.stage-reassigned' AND entity_id = :moved",
        { moved },
      );
      expect(events).toHaveLength(1);
      expect(JSON.stringify(events[0])).toContain(await subjectOf('maria'));
      expect(JSON.stringify(events[0])).toContain(await subjectOf('samuel'));
    });

    it("moves all of a program's applications waiting at the stage to a group, leaving decided stages and the program alone", async () => {
      const program = await createProgram(testApp.app);
      const [a, b, ahead] = [await submit('amina', program.id), await submit('pedro', program.id), await submit('amina', program.id)];
      expect((await decide('samuel', ahead, 1, APPROVE)).status).toBe(201);
      const group = await groupOf(['joy']);
      const res = await reassign('maria', program.id, 1, { officer: { type: 'group', ref: group } });
      expect(res.status).toBe(200);
      expect([...res.body.applicationIds].sort()).toEqual([a, b].sort());
      expect(await queueOf('samuel', program.id)).toEqual([]);
      expect(await queueOf('joy', program.id)).toEqual([a, b]);
      expect(await queueOf('sena', program.id)).toEqual([ahead]);
      const events = await selectRows<{ entity_id: string }>(
        sequelize(),
        "SELECT entity_id FROM audit_events WHERE action = 'application.stage-reassigned' AND entity_id = ANY (CAST(:ids AS varchar[]))",
        { ids: [a, b, ahead] },
      );
      expect(events.map((e) => e.entity_id).sort()).toEqual([a, b].sort());
      // The program's own stage list is the stage editor's, unchanged.
      const shown = await api().get(`/api/v1/programs/${program.id}`).set('Authorization', as('maria'));
      expect(shown.body.stages[0].officer.username).toBe('samuel');
    });

    it('refuses an unknown user, a non-officer, an unknown group, an application not waiting, and anyone but a manager', async () => {
      const program = await createProgram(testApp.app);
      const id = await submit('amina', program.id);
      const unknown = await reassign('maria', program.id, 1, { officer: { type: 'user', ref: 'nobody-by-that-name' } });
      expect(unknown.status).toBe(400);
      expect(unknown.body).toMatchObject({ code: 'ERR_OFFICER_UNKNOWN', errors: [{ path: '/body/officer/ref' }] });
      expect((await reassign('maria', program.id, 1, { officer: { type: 'user', ref: 'amina' } })).body.code).toBe(
        'ERR_OFFICER_LACKS_ROLE',
      );
      expect((await reassign('maria', program.id, 1, { officer: { type: 'group', ref: 'no-such-group' } })).body.code).toBe(
        'ERR_OFFICER_GROUP_UNKNOWN',
      );
      const notThere = await reassign('maria', program.id, 2, { officer: { type: 'user', ref: 'joy' }, applicationId: id });
      expect(notThere.status).toBe(409);
      expect(notThere.body.code).toBe('ERR_REASSIGNMENT_NOT_WAITING');
      expect((await reassign('maria', program.id, 1, { officer: { type: 'user', ref: 'joy' }, applicationId: randomUUID() })).status).toBe(
        404,
      );
      expect((await reassign('maria', randomUUID(), 1, { officer: { type: 'user', ref: 'joy' } })).status).toBe(404);
      expect((await reassign('samuel', program.id, 1, { officer: { type: 'user', ref: 'samuel' } })).status).toBe(403);
      expect((await reassign('maria', program.id, 0, { officer: { type: 'user', ref: 'joy' } })).status).toBe(400);
      expect(await queueOf('samuel', program.id)).toEqual([id]);
    });
  });

  describe('the pipeline of a program', () => {
    type Pipeline = {
      waiting: number;
      stages: Array<{ position: number; name: string; inStageList: boolean; officer?: { username?: string }; waiting: number } & Body>;
      finished: { approved: number; rejected: number };
    };
    const pipelineOf = (user: User, programId: string) =>
      api().get(`/api/v1/programs/${programId}/pipeline`).set('Authorization', as(user));
    const threeStages = () =>
      programWith([
        { name: 'Social worker', kind: 'review', officer: { type: 'user', ref: 'samuel' } },
        { name: 'Junior officer', kind: 'review', officer: { type: 'user', ref: 'joy' } },
        { name: 'Senior officer', kind: 'assessment', officer: { type: 'user', ref: 'sena' } },
      ]);
    /** The earliest arrival at its stage, and the earliest submission, of these applications, as stored. */
    const oldestOf = async (ids: string[]) => {
      const [row] = await selectRows<{ waited: Date; submitted: Date }>(
        sequelize(),
        'SELECT min(waiting_since) AS waited, min(submitted_at) AS submitted FROM applications WHERE id = ANY (CAST(:ids AS uuid[]))',
        { ids },
      );
      return { oldestWaitingSince: row?.waited.toISOString(), oldestSubmittedAt: row?.submitted.toISOString() };
    };

    it('counts the applications waiting at each stage with the oldest wait, and those approved and rejected', async () => {
      const program = await threeStages();
      const [first, second, moved, rejected, approved] = [
        await submit('amina', program.id),
        await submit('pedro', program.id),
        await submit('amina', program.id),
        await submit('pedro', program.id),
        await submit('amina', program.id),
      ];
      // The first two waited longer than they really did: the oldest wait is the earlier one's, whatever the order of rows.
      await execute(sequelize(), "UPDATE applications SET waiting_since = waiting_since - interval '3 days' WHERE id = :second", {
        second,
      });
      await execute(sequelize(), "UPDATE applications SET waiting_since = waiting_since - interval '1 day' WHERE id = :first", { first });
      expect((await decide('samuel', moved, 1, APPROVE)).status).toBe(201);
      expect((await decide('samuel', rejected, 1, REJECT)).status).toBe(201);
      for (const [user, position, body] of [
        ['samuel', 1, APPROVE],
        ['joy', 2, APPROVE],
        ['sena', 3, { ...APPROVE, amount: '900' }],
      ] as const) {
        expect((await decide(user, approved, position, body)).status).toBe(201);
      }

      const res = await pipelineOf('maria', program.id);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        programId: program.id,
        waiting: 3,
        stages: [
          {
            position: 1,
            name: 'Social worker',
            kind: 'review',
            inStageList: true,
            officer: expect.objectContaining({ type: 'user', ref: await subjectOf('samuel'), username: 'samuel' }),
            waiting: 2,
            ...(await oldestOf([first, second])),
          },
          {
            position: 2,
            name: 'Junior officer',
            kind: 'review',
            inStageList: true,
            officer: expect.objectContaining({ username: 'joy' }),
            waiting: 1,
            ...(await oldestOf([moved])),
          },
          {
            position: 3,
            name: 'Senior officer',
            kind: 'assessment',
            inStageList: true,
            officer: expect.objectContaining({ username: 'sena' }),
            waiting: 0,
          },
        ],
        finished: { approved: 1, rejected: 1 },
      });
      // The second waited longest (three days back), the first was submitted first.
      const [stageOne] = (res.body as Pipeline).stages;
      const [stored] = await selectRows<{ waiting_since: Date }>(sequelize(), 'SELECT waiting_since FROM applications WHERE id = :second', {
        second,
      });
      expect(stageOne?.oldestWaitingSince).toBe(stored?.waiting_since.toISOString());
    });

    it('lists a position only older stage lists have, named as those applications name it', async () => {
      const program = await programWith([
        { name: 'Social worker', kind: 'review', officer: { type: 'user', ref: 'samuel' } },
        { name: 'Senior officer', kind: 'assessment', officer: { type: 'user', ref: 'sena' } },
      ]);
      const id = await submit('amina', program.id);
      expect((await decide('samuel', id, 1, APPROVE)).status).toBe(201);
      const shown = (await api().get(`/api/v1/programs/${program.id}`).set('Authorization', as('maria'))).body as {
        version: number;
        stages: Array<{ id: string }>;
      };
      const removed = await api()
        .delete(`/api/v1/programs/${program.id}/stages/${shown.stages[0]?.id}?version=${shown.version}`)
        .set('Authorization', as('maria'));
      expect(removed.status).toBe(200);

      const res = await pipelineOf('maria', program.id);
      expect(res.status).toBe(200);
      const body = res.body as Pipeline;
      expect(body.stages.map(({ position, name, inStageList, waiting }) => ({ position, name, inStageList, waiting }))).toEqual([
        { position: 1, name: 'Senior officer', inStageList: true, waiting: 0 },
        { position: 2, name: 'Senior officer', inStageList: false, waiting: 1 },
      ]);
      expect(body.stages[1]?.officer).toBeUndefined();
    });

    it('answers a program with nothing submitted with zeros, an unknown program with 404, and anyone but a manager with 403', async () => {
      const program = await threeStages();
      const empty = await pipelineOf('maria', program.id);
      expect(empty.status).toBe(200);
      expect(empty.body).toMatchObject({ waiting: 0, finished: { approved: 0, rejected: 0 } });
      expect((empty.body as Pipeline).stages.map((stage) => stage.waiting)).toEqual([0, 0, 0]);

      const unknown = await pipelineOf('maria', randomUUID());
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('ERR_NOT_FOUND');
      expect((await api().get('/api/v1/programs/not-a-uuid/pipeline').set('Authorization', as('maria'))).status).toBe(400);
      for (const user of ['samuel', 'amina', 'otto'] as const) {
        const refused = await pipelineOf(user, program.id);
        expect(refused.status).toBe(403);
        expect(refused.body.code).toBe('ERR_FORBIDDEN_ROLE');
      }
      expect((await api().get(`/api/v1/programs/${program.id}/pipeline`)).status).toBe(401);
    });

    it('counts from the partial index, not by reading the table', async () => {
      const program = await threeStages();
      const plan = await selectRows<{ 'QUERY PLAN': string }>(
        sequelize(),
        `EXPLAIN (FORMAT TEXT) SELECT current_stage, count(*), min(waiting_since), min(submitted_at) FROM applications
         WHERE program_id = :programId AND status IN ('SUBMITTED', 'IN_REVIEW', 'ASSESSED') GROUP BY current_stage`,
        { programId: program.id },
      );
      expect(plan.map((line) => line['QUERY PLAN']).join('\n')).toMatch(/Index Only Scan using applications_pipeline_idx/);
    });
  });
});
