/**
 * The table of error codes as people and clients meet it: the problem document's title, the page its
 * `type` leads to, and the 403 that names every role an operation is open to.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ERROR_CODES, type ErrorCode } from '../../src/platform/http/error-codes.js';
import { problemTypeFor } from '../../src/platform/http/problem.js';
import { loadApiSpec } from '../../src/platform/http/spec.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { createProgram } from '../support/fixtures.js';
import { DEMO_USER_FOR_ROLE, tokenFor } from '../support/tokens.js';

const CODES = Object.keys(ERROR_CODES) as ErrorCode[];
const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

/** As nunjucks' autoescaping writes it into the page. */
function asHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

interface SecuredOperation {
  operationId: string;
  method: (typeof METHODS)[number];
  path: string;
  roles: string[];
}

/** Operations whose security requirements name more than one role, from the contract itself. */
async function operationsOpenToSeveralRoles(specPath: string): Promise<SecuredOperation[]> {
  const spec = await loadApiSpec(specPath);
  const found: SecuredOperation[] = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const operation = (item as Record<string, { operationId?: string; security?: Array<Record<string, string[]>> } | undefined>)[method];
      const requirements = operation?.security ?? [];
      // An empty requirement opens the operation to anyone (a token only adds to the answer): no role is refused.
      if (requirements.some((requirement) => Object.keys(requirement).length === 0)) continue;
      const roles = [...new Set(requirements.flatMap((requirement) => Object.values(requirement).flat()))];
      if (operation?.operationId && roles.length > 1) found.push({ operationId: operation.operationId, method, path, roles });
    }
  }
  return found;
}

describe('error codes', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it.each(CODES)('explains %s at the address its problem type names', async (code) => {
    const res = await request(testApp.app).get(problemTypeFor(code)).set('Accept', 'text/html');
    expect(res.status).toBe(200);
    expect(res.text).toContain(`<h1>${asHtml(ERROR_CODES[code].title)}</h1>`);
    expect(res.text).toContain(asHtml(ERROR_CODES[code].explanation));
    expect(res.text).toContain(code);
  });

  it('lists every code on the page of error types', async () => {
    const res = await request(testApp.app).get('/problems');
    expect(res.status).toBe(200);
    for (const code of CODES) expect(res.text).toContain(`href="${problemTypeFor(code)}"`);
  });

  it.each([
    ['no token', 'ERR_AUTH_REQUIRED', () => request(testApp.app).get('/api/v1/programs')],
    [
      'a malformed body',
      'ERR_MALFORMED_JSON',
      async () =>
        request(testApp.app)
          .post('/api/v1/programs')
          .set('Authorization', `Bearer ${await tokenFor('maria')}`)
          .set('Content-Type', 'application/json')
          .send('{"code": '),
    ],
    [
      'an applicant searching the registry',
      'ERR_FORBIDDEN_ROLE',
      async () =>
        request(testApp.app)
          .get('/api/v1/registrants')
          .set('Authorization', `Bearer ${await tokenFor('amina')}`),
    ],
    [
      'a program code already in use',
      'ERR_PROGRAM_CODE_TAKEN',
      async () => {
        const taken = await createProgram(testApp.app, { open: false });
        return request(testApp.app)
          .post('/api/v1/programs')
          .set('Authorization', `Bearer ${await tokenFor('maria')}`)
          .send({
            code: taken.code,
            name: 'The same code again',
            currency: 'USD',
            maxAmount: '100.00',
            voucherValidityDays: 30,
            treatmentTypes: [{ code: 'surgery', label: 'Urgent surgery' }],
            reasonCodes: [{ code: 'eligible', label: 'Eligible' }],
          });
      },
    ],
  ] as const)('answers %s with the title, status and type of %s', async (_what, code, send) => {
    const res = await send();
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code, status: ERROR_CODES[code].status, title: ERROR_CODES[code].title, type: problemTypeFor(code) });
  });

  it('names every role an operation is open to when a caller holds none of them', async () => {
    const operations = await operationsOpenToSeveralRoles(testApp.config.paths.spec);
    expect(operations.length).toBeGreaterThan(0);
    for (const operation of operations) {
      const outsider = Object.entries(DEMO_USER_FOR_ROLE).find(([role]) => !operation.roles.includes(role));
      if (!outsider) throw new Error(`${operation.operationId}: every demo role may call it`);
      const path = operation.path.replace(/\{[^}]+\}/g, randomUUID());
      const api = request(testApp.app);
      const res = await api[operation.method](`/api/v1${path}`).set('Authorization', `Bearer ${await tokenFor(outsider[1])}`);
      // The operation id in the compared value names the one that failed.
      expect({ operation: operation.operationId, status: res.status, code: res.body.code, detail: res.body.detail }).toEqual({
        operation: operation.operationId,
        status: 403,
        code: 'ERR_FORBIDDEN_ROLE',
        detail: `This needs one of the roles: ${operation.roles.join(', ')}.`,
      });
    }
  });

  it('names the one role an operation is open to', async () => {
    const res = await request(testApp.app)
      .get('/api/v1/me/registrant')
      .set('Authorization', `Bearer ${await tokenFor('samuel')}`);
    expect(res.status).toBe(403);
    expect(res.body.detail).toBe('This needs the role applicant.');
  });
});
