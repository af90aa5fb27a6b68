import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { selectRows } from '../../src/platform/db/sql.js';
import { tokenFor } from '../support/tokens.js';
import { createProgram } from '../support/fixtures.js';
import { createCommandRunner } from '../../src/platform/db/command.js';
import { createProgramsService } from '../../src/modules/programs/index.js';

/** A 1×1 transparent PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

describe('voucher templates', () => {
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
  const templateOf = (programId: string) => `/api/v1/programs/${programId}/voucher-template`;
  const template = {
    title: 'Surgery voucher',
    instructions: { beneficiary: 'Bring your ID.', provider: 'Scan the QR code first.' },
    printedFields: ['amount', 'name'],
    language: 'fr',
  };

  it('reads the defaults of a program never given a template', async () => {
    const program = await createProgram(testApp.app, { open: false });
    const res = await api().get(templateOf(program.id)).set('Authorization', `Bearer ${manager}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      title: 'Emergency surgery (test)',
      instructions: { beneficiary: '', provider: '' },
      printedFields: ['name', 'program', 'amount', 'validity'],
      language: 'en',
      logo: null,
    });
  });

  it('lets the program manager save a template and read it back, fields in print order', async () => {
    const program = await createProgram(testApp.app, { open: false });
    const saved = await api().put(templateOf(program.id)).set('Authorization', `Bearer ${manager}`).send(template);
    expect(saved.status).toBe(200);
    const read = await api().get(templateOf(program.id)).set('Authorization', `Bearer ${manager}`);
    expect(read.body).toEqual({ ...template, printedFields: ['name', 'amount'], logo: null });
    expect(saved.body).toEqual(read.body);
  });

  it('records each change as a program.voucher-template-changed event holding ids only', async () => {
    const program = await createProgram(testApp.app, { open: false });
    await api().put(templateOf(program.id)).set('Authorization', `Bearer ${manager}`).send(template).expect(200);
    await api()
      .put(`${templateOf(program.id)}/logo`)
      .set('Authorization', `Bearer ${manager}`)
      .attach('file', PNG, 'logo.png')
      .expect(200);
    const rows = await selectRows<{ details: Record<string, unknown> }>(
      testApp.runtime.database.sequelize,
      "SELECT details FROM audit_events WHERE action = 'program.voucher-template-changed' AND entity_id = :id ORDER BY id",
      { id: program.id },
    );
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain('Bring your ID');
  });

  it('refuses anyone but the program manager', async () => {
    const program = await createProgram(testApp.app, { open: false });
    for (const user of ['amina', 'samuel']) {
      const token = await tokenFor(user);
      const put = await api().put(templateOf(program.id)).set('Authorization', `Bearer ${token}`).send(template);
      expect(put.status).toBe(403);
      expect(put.body.code).toBe('ERR_FORBIDDEN_ROLE');
      const get = await api().get(templateOf(program.id)).set('Authorization', `Bearer ${token}`);
      expect(get.status).toBe(403);
    }
  });

  it('answers 404 for a program that does not exist', async () => {
    const res = await api().put(templateOf(randomUUID())).set('Authorization', `Bearer ${manager}`).send(template);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('ERR_NOT_FOUND');
    const get = await api().get(templateOf(randomUUID())).set('Authorization', `Bearer ${manager}`);
    expect(get.status).toBe(404);
  });

  it.each([
    ['a title over 80 characters', { ...template, title: 'x'.repeat(81) }, '/body/title'],
    ['instructions over 600 characters', { ...template, instructions: { provider: 'x'.repeat(601) } }, '/body/instructions/provider'],
    ['an unknown printed field', { ...template, printedFields: ['name', 'diagnosis'] }, '/body/printedFields/1'],
    ['a language the app is not written in', { ...template, language: 'de' }, '/body/language'],
    ['an unknown member', { ...template, colour: 'red' }, '/body/colour'],
  ])('refuses %s with ERR_VALIDATION naming the field', async (_case, body, path) => {
    const program = await createProgram(testApp.app, { open: false });
    const res = await api().put(templateOf(program.id)).set('Authorization', `Bearer ${manager}`).send(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ERR_VALIDATION');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('sets a PNG logo, keeps it through a template change, and removes it', async () => {
    const program = await createProgram(testApp.app, { open: false });
    const set = await api()
      .put(`${templateOf(program.id)}/logo`)
      .set('Authorization', `Bearer ${manager}`)
      .attach('file', PNG, 'logo.png');
    expect(set.status).toBe(200);
    expect(set.body.logo).toEqual({ mediaType: 'image/png', sizeBytes: PNG.length });
    const changed = await api().put(templateOf(program.id)).set('Authorization', `Bearer ${manager}`).send(template);
    expect(changed.body.logo).toEqual({ mediaType: 'image/png', sizeBytes: PNG.length });
    const { database, directory } = testApp.runtime;
    const programs = createProgramsService({
      sequelize: database.sequelize,
      commands: createCommandRunner({ sequelize: database.sequelize, pool: database.pool }),
      directory,
    });
    const printable = await programs.readPrintableVoucherTemplate(program.id);
    expect(printable.template.title).toBe('Surgery voucher');
    expect(printable.logo?.bytes.equals(PNG)).toBe(true);
    const removed = await api()
      .delete(`${templateOf(program.id)}/logo`)
      .set('Authorization', `Bearer ${manager}`);
    expect(removed.status).toBe(200);
    expect(removed.body.logo).toBeNull();
  });

  it('refuses a logo that is not a PNG or JPEG by its bytes, whatever its name', async () => {
    const program = await createProgram(testApp.app, { open: false });
    const res = await api()
      .put(`${templateOf(program.id)}/logo`)
      .set('Authorization', `Bearer ${manager}`)
      .attach('file', Buffer.from('%PDF-1.7 not an image'), { filename: 'logo.png', contentType: 'image/png' });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('ERR_VOUCHER_LOGO_NOT_IMAGE');
  });

  it('refuses a logo over 200 KB', async () => {
    const program = await createProgram(testApp.app, { open: false });
    const big = Buffer.concat([PNG, Buffer.alloc(204_800)]);
    const res = await api()
      .put(`${templateOf(program.id)}/logo`)
      .set('Authorization', `Bearer ${manager}`)
      .attach('file', big, 'logo.png');
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('ERR_VOUCHER_LOGO_TOO_LARGE');
  });
});
