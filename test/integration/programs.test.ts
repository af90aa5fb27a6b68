import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { selectRows } from '../../src/platform/db/sql.js';
import { subjectOf, tokenFor } from '../support/tokens.js';
import { createProgram, uniqueCode } from '../support/fixtures.js';

describe('programs', () => {
  let testApp: TestApp;
  let manager: string;
  beforeAll(async () => {
    testApp = await startTestApp();
    manager = await tokenFor('maria');
  });
  afterAll(async () => {
    await testApp.close();
  });

  const api = () => request(testApp.app);

  const addStage = (program: { id: string; version: number }, officer: { type: string; ref: string }) =>
    api()
      .post(`/api/v1/programs/${program.id}/stages`)
      .set('Authorization', `Bearer ${manager}`)
      .send({ version: program.version, name: 'Another officer', kind: 'review', officer });

  /** What the database holds as the stages' officers, in order. */
  async function storedOfficerRefs(programId: string): Promise<string[]> {
    const rows = await selectRows<{ officer_ref: string }>(
      testApp.runtime.database.sequelize,
      'SELECT officer_ref FROM program_stages WHERE program_id = :programId ORDER BY position',
      { programId },
    );
    return rows.map((row) => row.officer_ref);
  }

  it('lets the program manager create a program, which starts closed with its stages in order', async () => {
    const program = await createProgram(testApp.app, { open: false });
    const res = await api().get(`/api/v1/programs/${program.id}`).set('Authorization', `Bearer ${manager}`);
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('closed');
    expect(res.body.stages.map((s: { position: number; name: string }) => [s.position, s.name])).toEqual([
      [1, 'Social worker'],
      [2, 'Senior officer'],
    ]);
  });

  it('refuses a second program with the same code', async () => {
    const program = await createProgram(testApp.app, { open: false });
    const res = await api()
      .post('/api/v1/programs')
      .set('Authorization', `Bearer ${manager}`)
      .send({
        code: program.code,
        name: 'Copy',
        currency: 'USD',
        maxAmount: '10',
        voucherValidityDays: 1,
        treatmentTypes: [{ code: 'x', label: 'X' }],
        reasonCodes: [{ code: 'y', label: 'Y' }],
      });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ERR_PROGRAM_CODE_TAKEN');
  });

  it('adds, moves and removes stages, keeping positions contiguous', async () => {
    const program = await createProgram(testApp.app, { open: false });
    const added = await api()
      .post(`/api/v1/programs/${program.id}/stages`)
      .set('Authorization', `Bearer ${manager}`)
      .send({ version: program.version, name: 'Junior officer', kind: 'review', officer: { type: 'user', ref: 'joy' }, position: 2 });
    expect(added.status).toBe(201);
    expect(added.body.stages.map((s: { name: string }) => s.name)).toEqual(['Social worker', 'Junior officer', 'Senior officer']);
    const junior = added.body.stages[1];

    const moved = await api()
      .patch(`/api/v1/programs/${program.id}/stages/${junior.id}`)
      .set('Authorization', `Bearer ${manager}`)
      .send({ version: added.body.version, position: 1 });
    expect(moved.status).toBe(200);
    expect(moved.body.stages.map((s: { name: string; position: number }) => `${s.position}:${s.name}`)).toEqual([
      '1:Junior officer',
      '2:Social worker',
      '3:Senior officer',
    ]);

    const removed = await api()
      .delete(`/api/v1/programs/${program.id}/stages/${junior.id}?version=${moved.body.version}`)
      .set('Authorization', `Bearer ${manager}`);
    expect(removed.status).toBe(200);
    expect(removed.body.stages.map((s: { name: string; position: number }) => `${s.position}:${s.name}`)).toEqual([
      '1:Social worker',
      '2:Senior officer',
    ]);
  });

  it('refuses a change made on a stale version with 409 and changes nothing', async () => {
    const program = await createProgram(testApp.app, { open: false });
    const first = await api()
      .patch(`/api/v1/programs/${program.id}`)
      .set('Authorization', `Bearer ${manager}`)
      .send({ version: program.version, name: 'First edit' });
    expect(first.status).toBe(200);
    const second = await api()
      .patch(`/api/v1/programs/${program.id}`)
      .set('Authorization', `Bearer ${manager}`)
      .send({ version: program.version, name: 'Second edit' });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('ERR_VERSION_CONFLICT');
    const read = await api().get(`/api/v1/programs/${program.id}`).set('Authorization', `Bearer ${manager}`);
    expect(read.body.name).toBe('First edit');
  });

  it('will not open a program without an assessment stage, nor remove the last one from an open program', async () => {
    const program = await createProgram(testApp.app);
    const read = await api().get(`/api/v1/programs/${program.id}`).set('Authorization', `Bearer ${manager}`);
    const assessment = read.body.stages.find((s: { kind: string }) => s.kind === 'assessment');
    const res = await api()
      .delete(`/api/v1/programs/${program.id}/stages/${assessment.id}?version=${read.body.version}`)
      .set('Authorization', `Bearer ${manager}`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ERR_PROGRAM_NEEDS_ASSESSMENT_STAGE');
    const after = await api().get(`/api/v1/programs/${program.id}`).set('Authorization', `Bearer ${manager}`);
    expect(after.body.stages).toHaveLength(2);
    expect(after.body.version).toBe(read.body.version);
  });

  it('designates a group of officers only once the group exists', async () => {
    const program = await createProgram(testApp.app, { open: false });
    const code = uniqueCode('g').toLowerCase();
    const missing = await api()
      .post(`/api/v1/programs/${program.id}/stages`)
      .set('Authorization', `Bearer ${manager}`)
      .send({ version: program.version, name: 'Junior officers', kind: 'review', officer: { type: 'group', ref: code } });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('ERR_OFFICER_GROUP_UNKNOWN');
    const group = await api()
      .put(`/api/v1/officer-groups/${code}`)
      .set('Authorization', `Bearer ${manager}`)
      .send({ name: 'Junior officers', members: ['joy', 'samuel'] });
    expect(group.status).toBe(200);
    const added = await api()
      .post(`/api/v1/programs/${program.id}/stages`)
      .set('Authorization', `Bearer ${manager}`)
      .send({ version: program.version, name: 'Junior officers', kind: 'review', officer: { type: 'group', ref: code } });
    expect(added.status).toBe(201);
    expect(added.body.stages.at(-1).officer).toEqual({ type: 'group', ref: code, displayName: 'Junior officers' });
  });

  describe('time zone', () => {
    const newProgram = (timeZone?: unknown) =>
      api()
        .post('/api/v1/programs')
        .set('Authorization', `Bearer ${manager}`)
        .send({
          code: uniqueCode(),
          name: 'Zoned',
          currency: 'PEN',
          maxAmount: '10',
          voucherValidityDays: 1,
          ...(timeZone !== undefined && { timeZone }),
          treatmentTypes: [{ code: 'x', label: 'X' }],
          reasonCodes: [{ code: 'y', label: 'Y' }],
        });

    it('runs a program in the time zone it is given, and in UTC when none is given', async () => {
      const lima = await newProgram('America/Lima');
      expect(lima.status).toBe(201);
      expect(lima.body.timeZone).toBe('America/Lima');
      const unset = await newProgram();
      expect(unset.status).toBe(201);
      expect(unset.body.timeZone).toBe('UTC');
      // Both spellings of Kolkata work on every Node release we support, although Node 20 lists only one.
      const changed = await api()
        .patch(`/api/v1/programs/${unset.body.id}`)
        .set('Authorization', `Bearer ${manager}`)
        .send({ version: unset.body.version, timeZone: 'Asia/Kolkata' });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ timeZone: 'Asia/Kolkata', version: unset.body.version + 1 });
    });

    it.each([
      ['a name no time zone database has', 'Africa/Atlantis', 'ERR_TIME_ZONE_UNKNOWN'],
      ['a city without its region', 'Nairobi', 'ERR_TIME_ZONE_UNKNOWN'],
      ['an offset, which is not a zone', '+03:00', 'ERR_VALIDATION'],
      ['an empty name', '', 'ERR_VALIDATION'],
    ])('refuses %s with a 400 naming the field', async (_case, timeZone, code) => {
      const created = await newProgram(timeZone);
      expect(created.status).toBe(400);
      expect(created.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(created.body.code).toBe(code);
      expect(created.body.errors.map((error: { path: string }) => error.path)).toEqual([
        '/body/timeZone',
        ...(timeZone === '' ? ['/body/timeZone'] : []),
      ]);
    });

    it('refuses an unknown zone in a change and keeps the zone it had', async () => {
      const program = await createProgram(testApp.app, { open: false, timeZone: 'Africa/Nairobi' });
      const changed = await api()
        .patch(`/api/v1/programs/${program.id}`)
        .set('Authorization', `Bearer ${manager}`)
        .send({ version: program.version, timeZone: 'Africa/Atlantis' });
      expect(changed.status).toBe(400);
      expect(changed.body.code).toBe('ERR_TIME_ZONE_UNKNOWN');
      expect(changed.body.errors).toEqual([{ path: '/body/timeZone', message: expect.stringContaining('IANA') }]);
      const after = await api().get(`/api/v1/programs/${program.id}`).set('Authorization', `Bearer ${manager}`);
      expect(after.body).toMatchObject({ timeZone: 'Africa/Nairobi', version: program.version });
    });
  });

  describe('stage officers', () => {
    it('stores a designated officer by subject and shows them by name', async () => {
      const program = await createProgram(testApp.app, { open: false });
      const added = await addStage(program, { type: 'user', ref: 'joy' });
      expect(added.status).toBe(201);
      const joy = await subjectOf('joy');
      expect(added.body.stages.at(-1).officer).toEqual({ type: 'user', ref: joy, displayName: 'Joy Banda', username: 'joy' });
      await expect(storedOfficerRefs(program.id)).resolves.toEqual([await subjectOf('samuel'), await subjectOf('sena'), joy]);
    });

    it('takes an officer named by subject as well as by user name', async () => {
      const program = await createProgram(testApp.app, { open: false });
      const sena = await subjectOf('sena');
      const added = await addStage(program, { type: 'user', ref: sena });
      expect(added.status).toBe(201);
      expect(added.body.stages.at(-1).officer).toEqual({ type: 'user', ref: sena, displayName: 'Sena Kofi', username: 'sena' });
    });

    it('refuses an officer the identity provider does not know, and changes nothing', async () => {
      const program = await createProgram(testApp.app, { open: false });
      const res = await addStage(program, { type: 'user', ref: 'no-such-officer' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('ERR_OFFICER_UNKNOWN');
      expect(res.body.errors).toEqual([{ path: '/body/officer/ref', message: expect.stringContaining('no-such-officer') }]);
      const after = await api().get(`/api/v1/programs/${program.id}`).set('Authorization', `Bearer ${manager}`);
      expect(after.body.version).toBe(program.version);
      expect(after.body.stages).toHaveLength(2);
    });

    it('refuses an officer who is neither reviewer nor assessor', async () => {
      const program = await createProgram(testApp.app, { open: false });
      const res = await addStage(program, { type: 'user', ref: 'pedro' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('ERR_OFFICER_LACKS_ROLE');
      expect(res.body.errors).toEqual([{ path: '/body/officer/ref', message: expect.stringContaining('Pedro Alves') }]);
    });

    it('checks a new officer when a stage is changed, and the officers of a new program', async () => {
      const program = await createProgram(testApp.app, { open: false });
      const read = await api().get(`/api/v1/programs/${program.id}`).set('Authorization', `Bearer ${manager}`);
      const changed = await api()
        .patch(`/api/v1/programs/${program.id}/stages/${read.body.stages[0].id}`)
        .set('Authorization', `Bearer ${manager}`)
        .send({ version: read.body.version, officer: { type: 'user', ref: 'maria' } });
      expect(changed.status).toBe(400);
      expect(changed.body.code).toBe('ERR_OFFICER_LACKS_ROLE');

      const created = await api()
        .post('/api/v1/programs')
        .set('Authorization', `Bearer ${manager}`)
        .send({
          code: uniqueCode(),
          name: 'Unknown officer',
          currency: 'USD',
          maxAmount: '10',
          voucherValidityDays: 1,
          treatmentTypes: [{ code: 'x', label: 'X' }],
          reasonCodes: [{ code: 'y', label: 'Y' }],
          stages: [
            { name: 'Review', kind: 'review', officer: { type: 'user', ref: 'joy' } },
            { name: 'Assessment', kind: 'assessment', officer: { type: 'user', ref: 'nobody-at-all' } },
          ],
        });
      expect(created.status).toBe(400);
      expect(created.body.code).toBe('ERR_OFFICER_UNKNOWN');
      expect(created.body.errors.map((e: { path: string }) => e.path)).toEqual(['/body/stages/1/officer/ref']);
    });
  });

  describe('officer groups', () => {
    const saveGroup = (code: string, body: object) =>
      api().put(`/api/v1/officer-groups/${code}`).set('Authorization', `Bearer ${manager}`).send(body);

    it('stores members by subject and shows them by name', async () => {
      const code = uniqueCode('g').toLowerCase();
      const res = await saveGroup(code, { name: 'Reviewers', members: ['joy', 'samuel'] });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        code,
        name: 'Reviewers',
        version: 1,
        members: [
          { subject: await subjectOf('joy'), username: 'joy', displayName: 'Joy Banda' },
          { subject: await subjectOf('samuel'), username: 'samuel', displayName: 'Samuel Mensah' },
        ],
      });
    });

    it('refuses a group with a member who is not an officer, naming each refused member', async () => {
      const code = uniqueCode('g').toLowerCase();
      const lacking = await saveGroup(code, { name: 'Mixed', members: ['joy', 'pedro'] });
      expect(lacking.status).toBe(400);
      expect(lacking.body.code).toBe('ERR_OFFICER_LACKS_ROLE');
      expect(lacking.body.errors).toEqual([{ path: '/body/members/1', message: expect.stringContaining('Pedro Alves') }]);

      const both = await saveGroup(code, { name: 'Mixed', members: ['amina', 'joy', 'not-a-user'] });
      expect(both.status).toBe(400);
      expect(both.body.code).toBe('ERR_OFFICER_UNKNOWN');
      expect(both.body.errors.map((e: { path: string }) => e.path)).toEqual(['/body/members/0', '/body/members/2']);

      const groups = await api().get('/api/v1/officer-groups').set('Authorization', `Bearer ${manager}`);
      expect(groups.body.items.map((g: { code: string }) => g.code)).not.toContain(code);
    });

    it('creates a group without a version and changes it only with the version read', async () => {
      const code = uniqueCode('g').toLowerCase();
      const created = await saveGroup(code, { name: 'Juniors', members: ['joy'] });
      expect(created.body.version).toBe(1);

      const again = await saveGroup(code, { version: 0, name: 'Juniors again', members: ['samuel'] });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('ERR_VERSION_CONFLICT');

      const changed = await saveGroup(code, { version: 1, name: 'Junior officers', members: ['joy', 'samuel'] });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ name: 'Junior officers', version: 2 });

      const stale = await saveGroup(code, { version: 1, name: 'Stale', members: ['sena'] });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('ERR_VERSION_CONFLICT');
      const groups = await api().get('/api/v1/officer-groups').set('Authorization', `Bearer ${manager}`);
      expect(groups.body.items.find((g: { code: string }) => g.code === code)).toMatchObject({ name: 'Junior officers', version: 2 });

      const missing = await saveGroup(uniqueCode('g').toLowerCase(), { version: 3, name: 'Never created', members: [] });
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('ERR_NOT_FOUND');
    });
  });

  it('shows applicants open programs only, and a closed one as not found', async () => {
    const closed = await createProgram(testApp.app, { open: false });
    const open = await createProgram(testApp.app);
    const applicant = await tokenFor('amina');
    const list = await api().get('/api/v1/programs?pageSize=100').set('Authorization', `Bearer ${applicant}`);
    const ids = list.body.items.map((p: { id: string }) => p.id);
    expect(ids).toContain(open.id);
    expect(ids).not.toContain(closed.id);
    expect(list.body.items.every((p: { state: string }) => p.state === 'open')).toBe(true);
    const hidden = await api().get(`/api/v1/programs/${closed.id}`).set('Authorization', `Bearer ${applicant}`);
    expect(hidden.status).toBe(404);
  });

  it('lets only the program manager change programs', async () => {
    const program = await createProgram(testApp.app, { open: false });
    for (const user of ['amina', 'samuel', 'otto']) {
      const res = await api()
        .patch(`/api/v1/programs/${program.id}`)
        .set('Authorization', `Bearer ${await tokenFor(user)}`)
        .send({ version: program.version, name: 'Taken over' });
      expect(res.status).toBe(403);
    }
  });

  it('refuses bad program input, naming the fields', async () => {
    const res = await api().post('/api/v1/programs').set('Authorization', `Bearer ${manager}`).send({
      code: 'lower case',
      name: '',
      currency: 'dollars',
      maxAmount: '-5',
      voucherValidityDays: 0,
      treatmentTypes: [],
      reasonCodes: [],
    });
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/body/code',
        '/body/name',
        '/body/currency',
        '/body/maxAmount',
        '/body/voucherValidityDays',
        '/body/treatmentTypes',
      ]),
    );
  });
});
