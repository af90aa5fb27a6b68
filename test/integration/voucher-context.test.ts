/** Our JSON-LD context is served where its documentation says, as the very file the document loader uses. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { createDocumentLoader, VOUCHER_CONTEXT_FILE, VOUCHER_CONTEXT_URL } from '../../src/modules/vouchers/index.js';
import { startTestApp, type TestApp } from '../support/harness.js';

describe('the voucher context at /contexts/voucher/v1', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('is the bundled file, as JSON-LD, cacheable for good and readable from other sites', async () => {
    const response = await request(testApp.app)
      .get('/contexts/voucher/v1')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/ld\+json/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect((response.body as Buffer).equals(readFileSync(VOUCHER_CONTEXT_FILE))).toBe(true);
    const { document } = await createDocumentLoader()(VOUCHER_CONTEXT_URL);
    expect(JSON.parse((response.body as Buffer).toString('utf8'))).toEqual(document);
  });

  it('is the only version there is: v2 is not found', async () => {
    expect((await request(testApp.app).get('/contexts/voucher/v2')).status).toBe(404);
  });
});
