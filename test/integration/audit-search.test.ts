/**
 * The auditor's search of the audit trail (src/modules/audit/search-audit-events.ts) on the run's database: by
 * entity, by actor (user name or subject) and by period, newest first and a page at a time, the same selection as
 * CSV with formula characters neutralised, and refused filters naming their field.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exportAuditEventsCsv, parseAuditSearch, searchAuditEvents } from '../../src/modules/audit/index.js';
import { approveApplication, createProgram } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';

describe('searching the audit trail', () => {
  let testApp: TestApp;
  let applicationId: string;
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    testApp = await startTestApp();
    applicationId = (await approveApplication(testApp.app, (await createProgram(testApp.app)).id)).id;
  });
  afterAll(async () => {
    await testApp?.close();
  });

  const sequelize = () => testApp.runtime.database.sequelize;

  it('finds an application’s events, newest first, with who did what', async () => {
    const page = await searchAuditEvents(sequelize(), { entityType: 'application', entityId: applicationId });
    expect(page.events.map((event) => [event.action, event.actorUsername])).toEqual([
      ['application.stage-decided', 'sena'],
      ['application.stage-decided', 'samuel'],
      ['application.submitted', 'amina'],
    ]);
    expect(page.nextBefore).toBeUndefined();
  });

  it('finds an actor’s events in a period, a page at a time', async () => {
    const samuel = await searchAuditEvents(sequelize(), { actor: 'samuel', from: today, to: today });
    expect(samuel.events.length).toBeGreaterThan(0);
    expect(samuel.events.every((event) => event.actorUsername === 'samuel')).toBe(true);
    expect((await searchAuditEvents(sequelize(), { actor: 'samuel', from: '2020-01-01', to: '2020-01-02' })).events).toEqual([]);
    const entity = { entityType: 'application', entityId: applicationId };
    const first = await searchAuditEvents(sequelize(), entity, { pageSize: 2 });
    expect(first.events.map((event) => event.action)).toEqual(['application.stage-decided', 'application.stage-decided']);
    const older = await searchAuditEvents(sequelize(), entity, { pageSize: 2, before: first.nextBefore });
    expect(older).toEqual({ events: [expect.objectContaining({ action: 'application.submitted' })] });
  });

  it('exports the selection as CSV', async () => {
    const csv = await exportAuditEventsCsv(sequelize(), { entityType: 'application', entityId: applicationId });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,occurred at,actor user name,actor subject,action,entity type,entity id,details,hash');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toContain(',application.submitted,application,');
  });

  it('refuses a reversed period, a date that is not one and an over-long value, naming the field', () => {
    expect(parseAuditSearch({ from: '2026-03-10', to: '2026-03-01' })).toMatchObject({
      ok: false,
      errors: [{ field: 'to', problem: 'period-reversed' }],
    });
    expect(parseAuditSearch({ from: '2026-02-30' })).toMatchObject({ ok: false, errors: [{ field: 'from', problem: 'not-a-date' }] });
    expect(parseAuditSearch({ entityId: 'x'.repeat(65) })).toMatchObject({
      ok: false,
      errors: [{ field: 'entityId', problem: 'too-long' }],
    });
    expect(parseAuditSearch({ actor: ' ana ', entityType: '' })).toEqual({ ok: true, search: { actor: 'ana' } });
  });
});
