import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ERROR_CODES } from '../../src/platform/http/error-codes.js';
import { startTestApp, type TestApp } from '../support/harness.js';

describe('operations and documentation', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('answers the liveness probe', async () => {
    const res = await request(testApp.app).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('reports ready once the database answers and every migration is applied', async () => {
    const res = await request(testApp.app).get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ready',
      checks: { database: 'up', migrations: 'done' },
      outbox: { unpublished: expect.any(Number), oldestAgeSeconds: expect.any(Number) },
    });
  });

  it('serves the API reference page with every operation and schema of the spec, and the spec itself', async () => {
    const spec = await request(testApp.app).get('/openapi.json');
    expect(spec.status).toBe(200);
    expect(spec.body.openapi).toBe('3.1.0');
    expect(Object.keys(spec.body.paths)).toEqual(expect.arrayContaining(['/me', '/me/preferences', '/portals/{portal}']));
    const page = await request(testApp.app).get('/docs');
    expect(page.status).toBe(200);
    // Rendered on the server: no script of its own, nothing fetched from elsewhere (the layout's two scripts serve htmx pages).
    expect(page.text).not.toMatch(/<script(?![^>]*src="\/assets\/(htmx\.min|in-page-updates)\.js")/);
    const operationIds = Object.values(spec.body.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((item) =>
      Object.values(item).flatMap((operation) => (operation?.operationId ? [operation.operationId] : [])),
    );
    expect(operationIds.length).toBeGreaterThan(10);
    for (const operationId of operationIds) expect(page.text).toContain(`id="op-${operationId}"`);
    for (const name of Object.keys(spec.body.components.schemas)) expect(page.text).toContain(`id="schema-${name}"`);
  });

  it('exposes request metrics by route pattern', async () => {
    await request(testApp.app).get('/healthz');
    const res = await request(testApp.app).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/);
  });

  it('answers unknown API routes with a 404 problem document', async () => {
    const res = await request(testApp.app).get('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, code: 'ERR_NOT_FOUND', type: '/problems/not-found' });
  });

  it('answers unknown routes outside the API with problem+json for clients and a page for browsers', async () => {
    const api = await request(testApp.app).get('/nowhere').set('Accept', 'application/json');
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(api.body.code).toBe('ERR_NOT_FOUND');
    const page = await request(testApp.app).get('/nowhere').set('Accept', 'text/html');
    expect(page.status).toBe(404);
    expect(page.text).toContain(`<h1>${ERROR_CODES.ERR_NOT_FOUND.title}</h1>`);
  });

  it('documents each problem type at the address its documents name', async () => {
    const res = await request(testApp.app).get('/problems/auth-token-expired');
    expect(res.status).toBe(200);
    expect(res.text).toContain('ERR_AUTH_TOKEN_EXPIRED');
  });

  it('sends a strict content security policy and a request id', async () => {
    const res = await request(testApp.app).get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("object-src 'none'");
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves htmx from the project, not a CDN', async () => {
    const res = await request(testApp.app).get('/assets/htmx.min.js');
    expect(res.status).toBe(200);
    expect(res.text).toContain('htmx');
  });
});
