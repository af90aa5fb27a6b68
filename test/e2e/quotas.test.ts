/**
 * What a person sees on the Self-Service Portal at the quotas, in real Chromium at 375 px: starting one
 * application too many, and uploading past the bytes quota, each answered in plain language where they
 * acted. Pedro is the applicant here; what earlier test files left him is cleared or measured first.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import pg from 'pg';
import request from 'supertest';
import { loadMessages } from '../../src/platform/i18n/catalogs.js';
import { formatSize } from '../../src/web/ssp/present.js';
import { expectAccessible } from '../support/accessibility.js';
import { launchChromium, signIn } from '../support/browser.js';
import { readTestEnvironment } from '../support/environment.js';
import { createProgram, type ProgramFixture } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { subjectOf, tokenFor } from '../support/tokens.js';

// The realm allows sign-in redirects to this port (keycloak/realm.json).
const BROWSER_TEST_PORT = 3999;
const PHONE = { width: 375, height: 740 };
const MAX_OPEN_DRAFTS = 2;
const DOCUMENT_MAX_BYTES = 50_000;

function uniquePdf(size: number): Buffer {
  const head = Buffer.from(`%PDF-1.4\n% ${randomUUID()}\n`);
  return Buffer.concat([head, Buffer.alloc(size - head.length, 0x20)]);
}

describe('quotas on the Self-Service Portal', () => {
  let testApp: TestApp;
  let browser: Browser;
  let program: ProgramFixture;
  let pedro: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // Room for exactly two more files of the cap beyond what Pedro already keeps outside submitted
    // applications (measured once the migrations have run, by a first start of the app).
    const probe = await startTestApp();
    const owner = new pg.Client({ connectionString: readTestEnvironment().databaseUrl });
    await owner.connect();
    let used: number;
    try {
      const { rows } = await owner.query<{ used: string }>(
        `SELECT COALESCE(sum(size_bytes), 0)::text AS used FROM documents d WHERE owner_subject = $1 AND NOT EXISTS (
           SELECT 1 FROM application_documents ad JOIN applications a ON a.id = ad.application_id
           WHERE ad.document_id = d.id AND a.status <> 'DRAFT')`,
        [await subjectOf('pedro')],
      );
      used = Number(rows[0]?.used ?? 0);
    } finally {
      await owner.end();
      await probe.close();
    }
    testApp = await startTestApp({
      port: BROWSER_TEST_PORT,
      env: {
        QUOTA_OPEN_DRAFTS: String(MAX_OPEN_DRAFTS),
        DOCUMENT_MAX_BYTES: String(DOCUMENT_MAX_BYTES),
        QUOTA_DOCUMENT_BYTES: String(used + 2 * DOCUMENT_MAX_BYTES),
      },
    });
    // The portal lists the first 50 open programs by name, and the run's other files make many of the same name.
    program = await createProgram(testApp.app, { name: 'Aa quotas (test)' });
    pedro = await tokenFor('pedro');
    // Pedro's drafts from earlier files, discarded through the API as he would.
    for (;;) {
      const drafts = await request(testApp.app).get('/api/v1/application-drafts?pageSize=100').set('Authorization', `Bearer ${pedro}`);
      const items = drafts.body.items as Array<{ id: string }>;
      if (items.length === 0) break;
      for (const { id } of items)
        await request(testApp.app).delete(`/api/v1/application-drafts/${id}`).set('Authorization', `Bearer ${pedro}`);
    }
    browser = await launchChromium();
    context = await browser.newContext({ viewport: PHONE });
    page = await context.newPage();
    await signIn(page, testApp.url, 'pedro', '/ssp');
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await testApp?.close();
  });

  async function apply(): Promise<void> {
    await page.goto(`${testApp.url}/ssp/programs/${program.id}`);
    // "Apply" continues an open draft of the program; a new one is asked for.
    const form = page.locator(`form[action="/ssp/programs/${program.id}/apply"]`);
    const fresh = form.locator('button[name="fresh"]');
    await ((await fresh.count()) > 0 ? fresh : form.locator('button')).click();
  }

  it('says why another application cannot be started, and lets one start again after a draft is discarded', async () => {
    for (let i = 0; i < MAX_OPEN_DRAFTS; i += 1) {
      await apply();
      await page.waitForURL(/\/ssp\/drafts\/[0-9a-f-]{36}\/treatment$/);
    }
    const answered = page.waitForResponse((response) => response.url().endsWith('/apply'));
    await apply();
    expect((await answered).status()).toBe(409);
    const summary = page.locator('.error-summary');
    await expect(summary.locator('h2').textContent()).resolves.toBe('You cannot start another application yet');
    await expect(summary.textContent()).resolves.toContain(
      `You already have ${MAX_OPEN_DRAFTS} applications that are not sent yet, the most one person may have at once.`,
    );
    // The summary takes the focus, so a screen reader starts there; the drafts to continue are listed below it.
    await expect(page.evaluate("document.activeElement.classList.contains('error-summary')")).resolves.toBe(true);
    await expect(page.locator('.card.draft').count()).resolves.toBe(MAX_OPEN_DRAFTS);
    await expect(page.evaluate('document.documentElement.scrollWidth <= 375')).resolves.toBe(true);
    await expectAccessible(page, 'the draft quota reached, at 375 px');

    const drafts = await request(testApp.app).get('/api/v1/application-drafts').set('Authorization', `Bearer ${pedro}`);
    const discarded = await request(testApp.app)
      .delete(`/api/v1/application-drafts/${drafts.body.items[0].id}`)
      .set('Authorization', `Bearer ${pedro}`);
    expect(discarded.status).toBe(204);
    await apply();
    await page.waitForURL(/\/ssp\/drafts\/[0-9a-f-]{36}\/treatment$/);
  });

  it('says at the file field when an upload would pass the bytes quota, and keeps nothing of it', async () => {
    await page.goto(`${testApp.url}/ssp`);
    await page.locator('.card.draft a').first().click();
    const draftId = /drafts\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    await page.goto(`${testApp.url}/ssp/drafts/${draftId}/documents`);
    const uploadOne = async (name: string) => {
      await page.getByLabel('What kind of document is it?').selectOption('medical-report');
      await page.getByLabel('File').setInputFiles({ name, mimeType: 'application/pdf', buffer: uniquePdf(DOCUMENT_MAX_BYTES) });
      await page.getByRole('button', { name: 'Upload', exact: true }).click();
    };
    await uploadOne('first.pdf');
    await page.getByTestId('documents-notice').filter({ hasText: 'first.pdf was uploaded.' }).waitFor();
    await uploadOne('second.pdf');
    await page.getByTestId('documents-notice').filter({ hasText: 'second.pdf was uploaded.' }).waitFor();
    await uploadOne('third.pdf');
    const quota = formatSize(testApp.config.quotas.documentBytes, loadMessages('locales').translatorFor('en'));
    await page
      .locator('#f-file-error')
      .filter({
        hasText: `You have uploaded as much as one person may keep for applications not sent yet (${quota}).`,
      })
      .waitFor();
    await expect(page.locator('.document .file-name').allTextContents()).resolves.toEqual([
      expect.stringContaining('first.pdf'),
      expect.stringContaining('second.pdf'),
    ]);
    await expect(page.getByLabel('File').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page, 'the bytes quota reached at an upload, at 375 px');
  });
});
