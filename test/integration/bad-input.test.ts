import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import fc from 'fast-check';
import { startTestApp, type TestApp } from '../support/harness.js';
import { tokenFor } from '../support/tokens.js';

describe('bad input to the API', () => {
  let testApp: TestApp;
  let token: string;
  beforeAll(async () => {
    testApp = await startTestApp({ env: { JSON_BODY_LIMIT: '2048' } });
    token = await tokenFor('pedro');
  });
  afterAll(async () => {
    await testApp.close();
  });

  const put = (body: string, contentType = 'application/json') =>
    request(testApp.app).put('/api/v1/me/preferences').set('Authorization', `Bearer ${token}`).set('Content-Type', contentType).send(body);

  it('saves valid preferences and reads them back', async () => {
    // Swahili: a language the pages are not written in yet, so the browser tests' pages stay in English.
    const saved = await put(JSON.stringify({ language: 'sw', contactChannel: 'sms' }));
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ language: 'sw', contactChannel: 'sms' });
    const read = await request(testApp.app).get('/api/v1/me/preferences').set('Authorization', `Bearer ${token}`);
    expect(read.body).toMatchObject({ language: 'sw', contactChannel: 'sms' });
  });

  it('refuses malformed JSON with 400 problem+json and keeps what was saved', async () => {
    const res = await put('{"language": "es", ');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'ERR_MALFORMED_JSON', status: 400 });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js:\d+/);
    const read = await request(testApp.app).get('/api/v1/me/preferences').set('Authorization', `Bearer ${token}`);
    expect(read.body.language).toBe('sw');
  });

  it('refuses a body that is not JSON with 415', async () => {
    const res = await put('language=es&contactChannel=sms', 'application/x-www-form-urlencoded');
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('ERR_UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses unknown fields and names them', async () => {
    const res = await put(JSON.stringify({ language: 'en', contactChannel: 'sms', isAdmin: true }));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ERR_VALIDATION');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: expect.stringContaining('isAdmin') })]));
  });

  it('refuses missing and out-of-range values, naming each field', async () => {
    const res = await put(JSON.stringify({ language: 'klingon' }));
    expect(res.status).toBe(400);
    const paths = (res.body.errors as Array<{ path: string }>).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/body/language', '/body/contactChannel']));
  });

  it('refuses an oversize body with 413', async () => {
    const res = await put(JSON.stringify({ language: 'en', contactChannel: 'sms', padding: 'x'.repeat(5000) }));
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('ERR_PAYLOAD_TOO_LARGE');
  });

  it('refuses unknown query parameters', async () => {
    const res = await request(testApp.app).get('/api/v1/me?debug=1').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ERR_VALIDATION');
  });

  it('never answers arbitrary bodies with a server error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.json(), fc.string()),
        fc.constantFrom('application/json', 'text/plain', 'application/xml'),
        async (body, type) => {
          const res = await put(body, type);
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        },
      ),
      { numRuns: 60 },
    );
  });
});
