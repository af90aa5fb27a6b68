/**
 * No value from a request reaches the log: a marker is put into every field of requests that take each
 * path an error can take (validation, a value PostgreSQL cannot store, conflict, not found, idempotency, a
 * database error PostgreSQL raised, a 500), and into requests that succeed; the log, captured at `trace`
 * (SQL included), never holds it.
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express from 'express';
import request from 'supertest';
import { logRequests } from '../../src/platform/logging/request-log.js';
import { sendProblemForError } from '../../src/platform/http/problem.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { applicationFor, createProgram, type ProgramFixture } from '../support/fixtures.js';
import { tokenFor } from '../support/tokens.js';

const MARKER = 'Zq7MarkerHIVAmina';

/** Every log line the app writes, as text. */
function captureLog(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

describe('the log', () => {
  const log = captureLog();
  let testApp: TestApp;
  let program: ProgramFixture;
  let reviewer: string;
  let amina: string;
  beforeAll(async () => {
    testApp = await startTestApp({ env: { LOG_LEVEL: 'trace' }, logStream: log.stream });
    program = await createProgram(testApp.app);
    reviewer = await tokenFor('samuel');
    amina = await tokenFor('amina');
  });
  afterAll(async () => {
    await testApp.close();
  });

  const api = () => request(testApp.app);
  const marked = (label: string) => `${MARKER}-${label}`;
  const person = (overrides: Record<string, unknown> = {}) => ({
    idType: 'PASSPORT',
    idValue: `P${randomUUID().slice(0, 8)}`,
    givenName: marked('given'),
    familyName: marked('family'),
    gender: 'female',
    birthDate: '1988-04-12',
    occupation: marked('occupation'),
    address: { region: marked('region'), district: marked('district'), locality: marked('locality'), line: marked('line') },
    familyMembers: [
      { relation: 'child', givenName: marked('child'), familyName: marked('family'), gender: 'male', birthDate: '2015-09-01' },
    ],
    ...overrides,
  });
  const markedApplication = (overrides: Record<string, unknown> = {}) => {
    const base = applicationFor(program.id);
    return {
      ...base,
      treatment: { ...base.treatment, description: marked('HIV positive'), facility: marked('facility') },
      applicant: {
        ...base.applicant,
        givenName: marked('given'),
        familyName: marked('family'),
        occupation: marked('occupation'),
        address: { region: marked('region'), district: marked('district'), locality: marked('locality') },
      },
      familyMembers: [
        { relation: 'child', givenName: marked('child'), familyName: marked('family'), gender: 'female', birthDate: '2016-06-30' },
      ],
      ...overrides,
    };
  };

  it('holds none of what the requests carried, whatever their outcome', async () => {
    const asReviewer = (call: request.Test) => call.set('Authorization', `Bearer ${reviewer}`);
    const statuses: number[] = [];
    const record = async (call: request.Test | Promise<request.Response>) => statuses.push((await call).status);

    // Refused by the validator, and by the check for values PostgreSQL cannot store.
    await record(
      api().put('/api/v1/me/preferences').set('Authorization', `Bearer ${amina}`).send({ language: MARKER, contactChannel: MARKER }),
    );
    await record(asReviewer(api().post('/api/v1/registrants')).send(person({ givenName: `${MARKER}\u0000` })));
    await record(asReviewer(api().post('/api/v1/registrants')).send(person({ birthDate: '2023-02-29' })));
    // Stored, then a conflict with it; found by a search.
    const stored = person();
    await record(asReviewer(api().post('/api/v1/registrants')).send(stored));
    await record(asReviewer(api().post('/api/v1/registrants')).send(stored));
    await record(asReviewer(api().get('/api/v1/registrants')).query({ name: MARKER, region: MARKER }));
    // Not found, with a body.
    await record(asReviewer(api().patch(`/api/v1/registrants/${randomUUID()}`)).send({ version: 1, occupation: MARKER }));
    // Applications and drafts; an Idempotency-Key reused for another body.
    const key = randomUUID();
    const submit = (body: unknown) =>
      api()
        .post('/api/v1/applications')
        .set('Authorization', `Bearer ${amina}`)
        .set('Idempotency-Key', key)
        .send(body as object);
    await record(submit(markedApplication()));
    await record(submit(markedApplication({ treatment: { ...markedApplication().treatment, estimatedCost: '99.00' } })));
    await record(api().post('/api/v1/application-drafts').set('Authorization', `Bearer ${amina}`).send(markedApplication()));
    await record(
      api()
        .post('/api/v1/application-drafts')
        .set('Authorization', `Bearer ${amina}`)
        .send({ programId: program.id, treatment: { description: `${MARKER}\ud800` } }),
    );
    await record(
      api()
        .post('/api/v1/applications')
        .set('Authorization', `Bearer ${amina}`)
        .send(markedApplication({ programId: randomUUID() })),
    );

    expect(statuses).toEqual([400, 400, 400, 201, 409, 200, 404, 201, 422, 201, 400, 422]);
    expect(log.text()).toContain('"msg":"request"');
    expect(log.text()).not.toContain(MARKER);
  });

  it('holds none of what a database error quotes, when it is a 400 or a 500', async () => {
    const { sequelize } = testApp.runtime.database;
    const refusedAsData = await sequelize.query('SELECT $1::integer', { bind: [marked('integer')] }).catch((error: unknown) => error);
    const duplicate = await sequelize
      .transaction(async (transaction) => {
        await sequelize.query('CREATE TEMP TABLE marker_names (name text PRIMARY KEY) ON COMMIT DROP', { transaction });
        for (let i = 0; i < 2; i += 1) {
          await sequelize.query('INSERT INTO marker_names (name) VALUES ($1)', { bind: [marked('unique')], transaction });
        }
      })
      .catch((error: unknown) => error);
    // Both quote the marker: in the message, and in pg's `detail` and Sequelize's `parameters` and `fields`.
    expect((refusedAsData as Error).message).toContain(MARKER);
    expect((duplicate as { original?: { detail?: string } }).original?.detail).toContain(MARKER);

    // The app's own error handling, on the app's logger, given the errors a service would pass on.
    const logged = captureLog();
    const { createLogger } = await import('../../src/platform/logging/logger.js');
    const app = express();
    app.use(logRequests(createLogger('trace', logged.stream)));
    app.get('/data-error', (_req, _res, next) => next(refusedAsData));
    app.get('/server-error', (_req, _res, next) => next(duplicate));
    app.use(sendProblemForError);
    const asData = await request(app).get('/data-error');
    const asFault = await request(app).get('/server-error');

    expect([asData.status, asData.body.code, asFault.status, asFault.body.code]).toEqual([
      400,
      'ERR_VALUE_NOT_STORABLE',
      500,
      'ERR_INTERNAL',
    ]);
    expect(logged.text()).toContain('"sqlState":"22P02"');
    expect(logged.text()).toContain('"sqlState":"23505"');
    expect(logged.text()).toContain('"constraint":"marker_names_pkey"');
    expect(logged.text()).not.toContain(MARKER);
    expect(JSON.stringify([asData.body, asFault.body])).not.toContain(MARKER);
  });
});
