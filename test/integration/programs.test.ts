import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { tokenFor } from '../support/tokens.js';
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
    expect(added.body.stages.at(-1).officer).toEqual({ type: 'group', ref: code });
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
