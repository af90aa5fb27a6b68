/**
 * Vouchers in Chromium: ivan, the issuing officer, issues the vouchers of approved applications in bulk and
 * watches each result arrive; amina sees her voucher's QR code in the Self-Service Portal and downloads the
 * printable PDF, whose QR code decodes to a credential that verifies; maria revokes it with a reason (asked
 * for first). axe runs on every state reached; the pages hold at 375 px. On a database of this file's own, so
 * the list of applications waiting for a voucher holds only this file's.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createDatabaseIfMissing, dropDatabase } from '../../src/platform/db/embedded-postgres.js';
import {
  createDocumentLoader,
  createVoucherTypeTable,
  decodeVoucherQr,
  VOUCHER_REGISTRY_ENTRY_ID,
} from '../../src/modules/vouchers/index.js';
import { expectAccessible } from '../support/accessibility.js';
import { launchChromium, overflowsSideways, signIn } from '../support/browser.js';
import { readTestEnvironment } from '../support/environment.js';
import { applicationFor, approveApplication, createProgram } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { readVoucherPdf } from '../support/read-voucher-pdf.js';
import { tokenFor } from '../support/tokens.js';

// The realm allows sign-in redirects to this port (keycloak/realm.json).
const BROWSER_TEST_PORT = 3999;
const PHONE = { width: 375, height: 740 };

describe('entitlement vouchers in the browser', () => {
  const database = `iaod_vouchers_${Date.now()}_${process.pid}`;
  const adminUrl = Object.assign(new URL(readTestEnvironment().databaseUrl), { pathname: '/postgres' }).href;
  let testApp: TestApp;
  let browser: Browser;
  const approved: Array<{ id: string; reference: string }> = [];

  let programId = '';

  beforeAll(async () => {
    await createDatabaseIfMissing(adminUrl, database);
    testApp = await startTestApp({
      port: BROWSER_TEST_PORT,
      env: { DATABASE_URL: Object.assign(new URL(adminUrl), { pathname: `/${database}` }).href },
    });
    browser = await launchChromium();
    programId = (await createProgram(testApp.app)).id;
    for (const amount of ['1100.00', '950.00', '400.50']) approved.push(await approveApplication(testApp.app, programId, { amount }));
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
    await dropDatabase(adminUrl, database);
  });

  async function signedIn(username: string, returnTo: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, testApp.url, username, returnTo);
    await page.goto(`${testApp.url}${returnTo}`);
    return { context, page };
  }

  it('lets ivan issue every voucher on the page at once, with each result shown as it comes', async () => {
    const { context, page } = await signedIn('ivan', '/vouchers');
    await expect(page.getByTestId('issuable-item').count()).resolves.toBe(3);
    await expectAccessible(page, 'issuance page with three applications waiting');

    // Nothing chosen: the plain form is refused with a message, and nothing is issued.
    await page.getByTestId('issue-selected').click();
    await page.getByTestId('choose-error').waitFor();
    await expect(page.getByTestId('issuable-item').count()).resolves.toBe(3);
    await expectAccessible(page, 'issuance page refusing an empty choice');

    await page.getByTestId('issue-all').click();
    await page.getByTestId('issue-status').filter({ hasText: '3 issued, 0 not issued.' }).waitFor();
    const results = await page.getByTestId('issue-live-results').getByTestId('issue-result').allTextContents();
    expect(results.sort()).toEqual(approved.map((a) => `${a.reference}: Voucher issued`).sort());
    await expect(page.getByTestId('issuable-item').count()).resolves.toBe(0);
    await expect(
      page.locator('progress').evaluate((bar) => [(bar as unknown as { value: number }).value, (bar as unknown as { max: number }).max]),
    ).resolves.toEqual([3, 3]);
    await expectAccessible(page, 'issuance page after issuing in bulk');

    // Reloaded: the vouchers are listed as issued last, each opening its own page.
    await page.goto(`${testApp.url}/vouchers`);
    await expect(page.getByTestId('recent-vouchers').locator('li').count()).resolves.toBe(3);
    await page.setViewportSize(PHONE);
    await expect(overflowsSideways(page)).resolves.toBe(false);
    await expectAccessible(page, 'issuance page at 375 px');
    await context.close();
  });

  it('shows amina her voucher and gives her a PDF whose QR code decodes to a credential that verifies', async () => {
    const [first] = approved as [{ id: string; reference: string }];
    const { context, page } = await signedIn('amina', `/ssp/applications/${first.id}`);
    const voucher = page.getByTestId('ssp-voucher');
    await voucher.waitFor();
    await expect(voucher.getByTestId('voucher-amount').textContent()).resolves.toMatch(/^USD\s1,100$/);
    const box = await voucher.getByTestId('voucher-qr').locator('svg').boundingBox();
    // Large enough for a phone held to the screen to read.
    expect(box?.width).toBeGreaterThanOrEqual(250);
    await expectAccessible(page, 'application page with its voucher');

    const [download] = await Promise.all([page.waitForEvent('download'), voucher.getByTestId('voucher-pdf').click()]);
    expect(download.suggestedFilename()).toBe(`voucher-${first.reference}.pdf`);
    const pdf = await readVoucherPdf(await readFile((await download.path()) as string));
    expect(pdf.text).toContain('Amina Yusuf');
    expect(pdf.text).toContain(first.reference);
    expect(pdf.qrText).toMatch(/^VC1-R/);

    const credential = await decodeVoucherQr({
      text: pdf.qrText as string,
      documentLoader: createDocumentLoader(),
      typeTables: new Map([
        [
          VOUCHER_REGISTRY_ENTRY_ID,
          createVoucherTypeTable({ publicUrl: testApp.config.publicUrl, issuerKeys: testApp.runtime.issuerKeys.keys }),
        ],
      ]),
    });
    const verified = await request(testApp.app).post('/api/v1/credentials/verify').send({ verifiableCredential: credential });
    expect(verified.body).toMatchObject({ verified: true, errors: [] });

    await page.setViewportSize(PHONE);
    await expect(overflowsSideways(page)).resolves.toBe(false);
    await expectAccessible(page, 'application page with its voucher at 375 px');
    await context.close();
  });

  it('tells amina plainly that a voucher whose name its fonts cannot print has no PDF yet, and still shows its QR code', async () => {
    const api = request(testApp.app);
    const { id } = await approveApplication(testApp.app, programId, {
      amount: '300.00',
      overrides: { applicant: { ...applicationFor(programId).applicant, givenName: 'Łucja' } },
    });
    const issued = await api
      .post(`/api/v1/applications/${id}/voucher`)
      .set('Authorization', `Bearer ${await tokenFor('ivan')}`)
      .send();
    expect(issued.status).toBe(201);

    const { context, page } = await signedIn('amina', `/ssp/applications/${id}`);
    await page.getByTestId('ssp-voucher').getByTestId('voucher-qr').waitFor();
    const pdf = await page.request.get(`${testApp.url}/ssp/vouchers/${issued.body.id as string}/voucher.pdf`);
    expect(pdf.status()).toBe(422);
    await page.goto(`${testApp.url}/ssp/vouchers/${issued.body.id as string}/voucher.pdf`);
    await expect(page.locator('h1').textContent()).resolves.toContain('cannot be printed in its letters yet');
    await expectAccessible(page, 'page saying the voucher cannot be printed yet');
    await context.close();
  });

  it('lets maria revoke a voucher with a reason, asked for first, after which it no longer verifies', async () => {
    const [, second] = approved as [unknown, { id: string; reference: string }];
    const voucher = (
      await request(testApp.app)
        .get(`/api/v1/applications/${second.id}/voucher`)
        .set('Authorization', `Bearer ${await tokenFor('maria')}`)
    ).body as { id: string; credential: object };
    const { context, page } = await signedIn('maria', `/vouchers/${voucher.id}`);
    await expectAccessible(page, 'voucher page for the program manager');

    await page.getByLabel('Revoke it for good').check();
    await page.getByRole('button', { name: 'Save the status' }).click();
    await page.getByTestId('status-error').waitFor();
    await expect(page.getByLabel('Revoke it for good').isChecked()).resolves.toBe(true);
    await expectAccessible(page, 'voucher page refusing a revocation without reason');

    await page.getByLabel('Reason').fill('The insurer paid for the treatment.');
    await page.getByRole('button', { name: 'Save the status' }).click();
    await page.getByTestId('status-changed').waitFor();
    await expect(page.getByTestId('voucher-status').textContent()).resolves.toBe('Revoked');
    await expectAccessible(page, 'voucher page after revoking');
    const result = await request(testApp.app).post('/api/v1/credentials/verify').send({ verifiableCredential: voucher.credential });
    expect(result.body.errors.map((error: { code: string }) => error.code)).toEqual(['ERR_VOUCHER_REVOKED']);
    await context.close();
  });
});
