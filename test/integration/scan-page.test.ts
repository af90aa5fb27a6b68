/**
 * What the public scanner page serves besides itself: the trust bundle (our issuer keys, the QR type table,
 * every status list in use, each signed, nothing about any person), the offline verifier script (revalidated
 * by its ETag), the service worker with its cache named after the verifier, and the web app manifest with
 * icons a browser installs.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createDocumentLoader, verifyCredentialSignature } from '../../src/modules/vouchers/index.js';
import { approveApplication, createProgram } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { tokenFor } from '../support/tokens.js';

describe('the scanner page’s files', () => {
  let testApp: TestApp;
  let voucher: { credential: Record<string, unknown>; qrText: string };

  beforeAll(async () => {
    testApp = await startTestApp();
    const program = await createProgram(testApp.app);
    const application = await approveApplication(testApp.app, program.id, { amount: '120.00' });
    const res = await request(testApp.app)
      .post(`/api/v1/applications/${application.id}/voucher`)
      .set('Authorization', `Bearer ${await tokenFor('ivan')}`)
      .send();
    voucher = res.body as typeof voucher;
  });
  afterAll(async () => {
    await testApp?.close();
  });

  it('hands out a trust bundle of signed status lists and issuer keys, and nothing about the beneficiary', async () => {
    const res = await request(testApp.app).get('/scan/trust.json').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const bundle = res.body as { generatedAt: string; issuers: string[]; statusLists: Array<Record<string, unknown>> };
    expect(Math.abs(Date.parse(bundle.generatedAt) - Date.now())).toBeLessThan(60_000);
    expect(bundle.issuers).toContain(voucher.credential.issuer);
    const named = [voucher.credential.credentialStatus]
      .flat()
      .map((entry) => (entry as { statusListCredential: string }).statusListCredential);
    expect(bundle.statusLists.map((list) => list.id)).toEqual(expect.arrayContaining(named));
    const documentLoader = createDocumentLoader();
    for (const list of bundle.statusLists) await expect(verifyCredentialSignature(list, documentLoader)).resolves.toBe(true);
    const subject = voucher.credential.credentialSubject as Record<string, string>;
    expect(res.text).not.toContain(subject.name);
    expect(res.text).not.toContain(subject.applicationReference);
  });

  it('serves the offline verifier once per version: a second ask with its ETag is answered 304', async () => {
    const first = await request(testApp.app).get('/scan/verifier.js').expect(200);
    expect(first.headers['content-type']).toMatch(/^text\/javascript/);
    expect(first.text).toContain('IaodOfflineVerifier');
    await request(testApp.app)
      .get('/scan/verifier.js')
      .set('If-None-Match', first.headers.etag as string)
      .expect(304);

    const worker = await request(testApp.app).get('/scan-sw.js').expect(200);
    const version = (first.headers.etag as string).slice(1, 13);
    expect(worker.text).toContain(`'iaod-scan-${version}'`);
    expect(worker.text).not.toContain('__VERSION__');
  });

  it('describes an installable app, in the page language, with PNG icons of the sizes it names', async () => {
    const res = await request(testApp.app).get('/scan/manifest.webmanifest').set('Accept-Language', 'fr').expect(200);
    const manifest = JSON.parse(res.text) as {
      name: string;
      start_url: string;
      display: string;
      icons: Array<{ src: string; sizes: string; type: string }>;
    };
    expect(manifest).toMatchObject({ name: 'Vérificateur de bons', start_url: '/scan', display: 'standalone' });
    for (const icon of manifest.icons.filter((entry) => entry.type === 'image/png')) {
      const png = await request(testApp.app).get(icon.src).buffer(true).expect(200);
      const body = png.body as Buffer;
      expect(body.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(`${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`).toBe(icon.sizes);
    }
  });
});
