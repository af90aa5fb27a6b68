/**
 * Claims review in Chromium, on a phone-sized screen: claire, a claims officer, finds a facility's claim in the
 * queue with its count of signals, reads the signal (the facility is outside the beneficiary's region) next to
 * the redemption it concerns, downloads its invoice, is asked for a reason before a rejection (her choice kept),
 * approves it, is asked for the payment's reference, marks it paid, reads the signals in Arabic too, and finds the
 * claim in the CSV export. axe runs on every state reached; no page scrolls sideways at 375 px.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible } from '../support/accessibility.js';
import { launchChromium, overflowsSideways, signIn } from '../support/browser.js';
import { approveApplication, createProgram, facilityWithClinic } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { tokenFor } from '../support/tokens.js';

// The realm allows sign-in redirects to this port (keycloak/realm.json).
const BROWSER_TEST_PORT = 3999;
const PHONE = { width: 375, height: 740 };

describe('claims review in the browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let page: Page;
  let claimId: string;
  const bearer = async (user: string) => `Bearer ${await tokenFor(user)}`;

  beforeAll(async () => {
    testApp = await startTestApp({ port: BROWSER_TEST_PORT });
    browser = await launchChromium();
    // In a region no applicant gives, so the claim has the outside-the-region signal whatever else the run holds.
    await facilityWithClinic(testApp.app, 'Hillside Pharmacy', { region: 'Turkana' });
    const application = await approveApplication(testApp.app, (await createProgram(testApp.app)).id, { amount: '700.00' });
    const voucher = await request(testApp.app)
      .post(`/api/v1/applications/${application.id}/voucher`)
      .set('Authorization', await bearer('ivan'))
      .send();
    const clinic = await bearer('clinic');
    const redemption = await request(testApp.app)
      .post('/api/v1/redemptions')
      .set('Authorization', clinic)
      .send({ voucherId: voucher.body.id, amount: '240.00', service: 'Antibiotics, two weeks' });
    const invoice = await request(testApp.app)
      .post('/api/v1/documents')
      .set('Authorization', clinic)
      .field('kind', 'invoice')
      .attach('file', Buffer.from(`%PDF-1.4\n% invoice ${randomUUID()}\n%%EOF\n`), {
        filename: 'invoice-0042.pdf',
        contentType: 'application/pdf',
      });
    const claim = await request(testApp.app)
      .post('/api/v1/claims')
      .set('Authorization', clinic)
      .send({ redemptionIds: [redemption.body.id], total: '240.00', invoiceDocumentId: invoice.body.id });
    if (claim.status !== 201) throw new Error(`claim not submitted: ${claim.status} ${JSON.stringify(claim.body)}`);
    claimId = claim.body.id as string;
    const context = await browser.newContext({ viewport: PHONE, acceptDownloads: true });
    page = await context.newPage();
    await signIn(page, testApp.url, 'claire', '/claims');
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('reviews a claim from the queue to paid, asked for what each step needs, and exports it', async () => {
    await page.goto(`${testApp.url}/claims`);
    const queued = page.getByTestId('queue-claim').filter({ hasText: 'Hillside Pharmacy' }).first();
    await queued.waitFor();
    await expect(queued.getByTestId('queue-signals').textContent()).resolves.toMatch(/^\d+ signals? to check$/);
    await expectAccessible(page, 'the claims queue');
    expect(await overflowsSideways(page)).toBe(false);

    await page.goto(`${testApp.url}/claims/${claimId}`);
    await expect(page.getByTestId('claim-redemptions').textContent()).resolves.toContain('Antibiotics, two weeks');
    const signal = page.locator('[data-testid="claim-signal"][data-kind="outside-voucher-region"]');
    await expect(signal.textContent()).resolves.toMatch(
      /Outside the beneficiary's region\s+The facility's region is Turkana; the beneficiary's region is /,
    );
    await page.getByTestId('redemption-signals').getByRole('link', { name: "Outside the beneficiary's region" }).click();
    await expect(signal.evaluate((element) => element.matches(':target'))).resolves.toBe(true);
    expect(await overflowsSideways(page)).toBe(false);
    const download = page.waitForEvent('download');
    await page.getByTestId('invoice').click();
    expect((await download).suggestedFilename()).toBe('invoice-0042.pdf');
    await expectAccessible(page, 'a claim waiting for review');

    await page.getByLabel('Reject the claim').check();
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByTestId('decision-error').filter({ hasText: 'Say why the claim is rejected.' }).waitFor();
    await expect(page.getByLabel('Reject the claim').isChecked()).resolves.toBe(true);
    await expectAccessible(page, 'a rejection refused without its reason');

    await page.getByLabel('Approve the claim').check();
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByTestId('claim-changed').waitFor();
    await expect(page.getByTestId('claim-status').textContent()).resolves.toBe('Approved, to be paid');

    await page.getByRole('button', { name: 'Mark as paid' }).click();
    await page.getByTestId('f-paymentReference-error').waitFor();
    await expectAccessible(page, 'a payment refused without its reference');
    await page.getByLabel('Payment reference').fill('MPESA-QX81');
    await page.getByRole('button', { name: 'Mark as paid' }).click();
    await page.getByTestId('payment-reference').filter({ hasText: 'MPESA-QX81' }).waitFor();
    await expect(page.getByTestId('claim-status').textContent()).resolves.toBe('Paid');
    await expectAccessible(page, 'a paid claim');
    expect(await overflowsSideways(page)).toBe(false);

    // In Arabic, right to left, the signals still read and fit.
    await page.locator('form.language-switch button[value="ar"]').click();
    await page.locator('html[lang="ar"]').waitFor();
    await page.locator('[data-testid="claim-signal"][data-kind="outside-voucher-region"]').filter({ hasText: 'Turkana' }).waitFor();
    await expectAccessible(page, 'a claim with its signals, in Arabic');
    expect(await overflowsSideways(page)).toBe(false);
    await page.locator('form.language-switch button[value="en"]').click();
    await page.locator('html[lang="en"]').waitFor();

    const csv = await page.request.get(`${testApp.url}/claims/export.csv`);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    expect((await csv.text()).split('\r\n').find((line) => line.startsWith(claimId))).toMatch(
      /,Hillside Pharmacy,PAID,240\.00,USD,1,.*,MPESA-QX81$/,
    );
  });
});
