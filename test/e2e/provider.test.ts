/**
 * The Service Provider Portal in Chromium, on a phone-sized screen: clinic, a provider user linked to a
 * facility, chooses a photo of a real voucher's QR code (decoded in the page), sees it valid with what it
 * entitles to and what remains, is refused an amount over what remains (what was typed kept), redeems part of
 * it, gets the receipt, and finds it among the facility's redemptions; a revoked voucher shows red with the
 * reason. axe runs on every state reached; no page scrolls sideways at 375 px.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { drawQrPng } from '../../src/modules/vouchers/index.js';
import { expectAccessible, tabTo } from '../support/accessibility.js';
import { expectTranslated } from '../support/translation.js';
import { launchChromium, overflowsSideways, signIn } from '../support/browser.js';
import { approveApplication, createProgram, facilityWithClinic } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { tokenFor } from '../support/tokens.js';

// The realm allows sign-in redirects to this port (keycloak/realm.json).
const BROWSER_TEST_PORT = 3999;
const PHONE = { width: 375, height: 740 };

describe('the Service Provider Portal in the browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let folder: string;
  let page: Page;
  let programId: string;
  const bearer = async (user: string) => `Bearer ${await tokenFor(user)}`;

  beforeAll(async () => {
    testApp = await startTestApp({ port: BROWSER_TEST_PORT });
    browser = await launchChromium();
    folder = await mkdtemp(path.join(os.tmpdir(), 'iaod-provider-'));
    programId = (await createProgram(testApp.app)).id;
    await facilityWithClinic(testApp.app, 'Riverside Health Centre');
    const context = await browser.newContext({ viewport: PHONE });
    page = await context.newPage();
    await signIn(page, testApp.url, 'clinic', '/provider');
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
    await rm(folder, { recursive: true, force: true });
  });

  /** A voucher issued by ivan, and a PNG photo of its QR code on disk. */
  async function voucherPhoto(amount: string): Promise<{ id: string; photo: string; qrText: string }> {
    const application = await approveApplication(testApp.app, programId, { amount });
    const res = await request(testApp.app)
      .post(`/api/v1/applications/${application.id}/voucher`)
      .set('Authorization', await bearer('ivan'))
      .send();
    if (res.status !== 201) throw new Error(`not issued: ${res.status}`);
    const photo = path.join(folder, `${res.body.id}.png`);
    await writeFile(photo, await drawQrPng(res.body.qrText as string));
    return { id: res.body.id as string, photo, qrText: res.body.qrText as string };
  }

  it('reads a photo of a voucher, redeems part of it with a receipt, and lists it among the facility’s redemptions', async () => {
    const { photo } = await voucherPhoto('1200.00');
    await page.goto(`${testApp.url}/provider`);
    await expectAccessible(page, 'the scan page');
    expect(await overflowsSideways(page)).toBe(false);

    await page.getByLabel('Photo of the QR code').setInputFiles(photo);
    await page.getByTestId('verdict').filter({ hasText: 'Valid voucher' }).waitFor();
    await expect(page.getByTestId('remaining').textContent()).resolves.toContain('1,200');
    await expect(page.getByTestId('check').count()).resolves.toBe(6);
    await expectAccessible(page, 'a valid voucher with the redeem form');
    expect(await overflowsSideways(page)).toBe(false);

    // More than remains: refused, with the service typed kept.
    await page.getByLabel('Amount provided').fill('5000');
    await page.getByLabel('Service given').fill('Appendectomy, two nights');
    await page.getByRole('button', { name: 'Redeem' }).click();
    await page.getByTestId('redeem-error').filter({ hasText: 'The amount is more than what remains on the voucher' }).waitFor();
    await expect(page.getByLabel('Service given').inputValue()).resolves.toBe('Appendectomy, two nights');
    await expectAccessible(page, 'a redemption refused for its amount');

    await page.getByLabel('Amount provided').fill('800');
    await page.getByRole('button', { name: 'Redeem' }).click();
    await page.getByTestId('redeemed').waitFor();
    await expect(page.getByTestId('receipt-amount').textContent()).resolves.toContain('800');
    await expect(page.getByTestId('receipt-remaining').textContent()).resolves.toContain('400');
    await expectAccessible(page, 'the receipt');
    expect(await overflowsSideways(page)).toBe(false);

    await page.getByRole('link', { name: 'Our redemptions' }).click();
    await page.getByTestId('redemption').filter({ hasText: 'Appendectomy, two nights' }).waitFor();
    await expectAccessible(page, 'the facility’s redemptions');
  });

  it('shows a revoked voucher in red with the reason, and no redeem form', async () => {
    const { id, qrText } = await voucherPhoto('300.00');
    await request(testApp.app)
      .post(`/api/v1/vouchers/${id}/revocation`)
      .set('Authorization', await bearer('maria'))
      .send({ reason: 'Duplicate' });
    await page.goto(`${testApp.url}/provider`);
    await page.getByLabel('Voucher code').fill(qrText);
    await page.getByRole('button', { name: 'Check the voucher' }).click();
    await page.getByTestId('verdict').filter({ hasText: 'Not valid' }).waitFor();
    await expect(page.getByTestId('checks').textContent()).resolves.toContain('The voucher has been revoked');
    await expect(page.getByLabel('Amount provided').count()).resolves.toBe(0);
    await expectAccessible(page, 'a revoked voucher');

    // Nothing pasted: asked for the code, on the same page.
    await page.goto(`${testApp.url}/provider`);
    await page.getByRole('button', { name: 'Check the voucher' }).click();
    await page.getByTestId('scan-error').waitFor();
    await expectAccessible(page, 'the scan page asking for a code');
  });

  it('reads a scan result in Arabic, right to left, with nothing wider than the phone', async () => {
    const { qrText } = await voucherPhoto('250.00');
    const facts = (await request(testApp.app).post('/api/v1/verifications').send({ text: qrText })).body.voucher as Record<string, string>;
    await page.goto(`${testApp.url}/provider`);
    await page.locator('form.language-switch button[value="ar"]').click();
    await page.waitForFunction(
      () => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang === 'ar',
    );
    await page.locator('#f-code').fill(qrText);
    await page.locator('form[data-scan-form] button[type="submit"]').click();
    await page.getByTestId('verdict').waitFor();
    await expectTranslated(page, 'ar', 'a scan result', {
      data: [facts.name, facts.program, facts.treatmentType, facts.applicationReference, 'Riverside Health Centre', 'USD'].filter(
        (value): value is string => typeof value === 'string',
      ),
    });
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    expect(await overflowsSideways(page)).toBe(false);
    await expectAccessible(page, 'a scan result in Arabic');
    // clinic's choice is saved with their preferences: back to English for the other tests of the run.
    await page.locator('form.language-switch button[value="en"]').click();
    await page.waitForFunction(
      () => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang === 'en',
    );
  });

  it('scans, redeems and reaches the receipt with the keyboard alone', async () => {
    const { qrText } = await voucherPhoto('600.00');
    const context = await browser.newContext({ viewport: PHONE });
    const keyboard = await context.newPage();
    await signIn(keyboard, testApp.url, 'clinic', '/provider');
    await keyboard.goto(`${testApp.url}/provider`);
    await tabTo(keyboard, keyboard.getByLabel('Voucher code'));
    await keyboard.keyboard.insertText(qrText);
    await tabTo(keyboard, keyboard.getByRole('button', { name: 'Check the voucher' }));
    await keyboard.keyboard.press('Enter');
    await keyboard.getByTestId('verdict').filter({ hasText: 'Valid voucher' }).waitFor();
    await tabTo(keyboard, keyboard.getByLabel('Amount provided'));
    await keyboard.keyboard.press('ControlOrMeta+A');
    await keyboard.keyboard.insertText('150');
    await tabTo(keyboard, keyboard.getByLabel('Service given'));
    await keyboard.keyboard.insertText('Dressing and antibiotics');
    await tabTo(keyboard, keyboard.getByRole('button', { name: 'Redeem' }));
    await keyboard.keyboard.press('Enter');
    await keyboard.getByTestId('redeemed').waitFor();
    await expect(keyboard.getByTestId('receipt-remaining').textContent()).resolves.toContain('450');
    await context.close();
  });

  it('claims reimbursement with an invoice, is refused a wrong total with the choice kept, and sees the claim paid', async () => {
    const { id } = await voucherPhoto('500.00');
    const redeemed = await request(testApp.app)
      .post('/api/v1/redemptions')
      .set('Authorization', await bearer('clinic'))
      .send({ voucherId: id, amount: '320.00', service: 'Cast and X-ray' });
    expect(redeemed.status).toBe(201);
    const invoice = path.join(folder, 'invoice.pdf');
    await writeFile(invoice, Buffer.from('%PDF-1.4\n% invoice of Riverside Health Centre\n%%EOF\n'));

    await page.goto(`${testApp.url}/provider/claims`);
    await expectAccessible(page, 'the facility’s claims');
    await page.getByRole('link', { name: 'New claim' }).click();
    await page.getByLabel(/Cast and X-ray/).check();
    await page.getByLabel('Total claimed').fill('300');
    await page.getByLabel('Invoice').setInputFiles(invoice);
    await page.getByRole('button', { name: 'Send the claim' }).click();
    await page.getByTestId('f-total-error').filter({ hasText: 'add up to 320.00' }).waitFor();
    await expect(page.getByLabel(/Cast and X-ray/).isChecked()).resolves.toBe(true);
    await expectAccessible(page, 'a claim refused for its total');
    expect(await overflowsSideways(page)).toBe(false);

    await page.getByLabel('Total claimed').fill('320');
    await page.getByLabel('Invoice').setInputFiles(invoice);
    await page.getByRole('button', { name: 'Send the claim' }).click();
    await page.getByTestId('claim-submitted').waitFor();
    await expect(page.getByTestId('claim-status').textContent()).resolves.toBe('Waiting for review');
    await expectAccessible(page, 'a claim just sent');

    const claimId = new URL(page.url()).pathname.split('/').at(-1) as string;
    const claire = await bearer('claire');
    await request(testApp.app).post(`/api/v1/claims/${claimId}/decision`).set('Authorization', claire).send({ decision: 'approve' });
    await request(testApp.app).post(`/api/v1/claims/${claimId}/payment`).set('Authorization', claire).send({ paymentReference: 'TRX-77' });
    await page.reload();
    await expect(page.getByTestId('claim-status').textContent()).resolves.toBe('Paid');
    await expect(page.getByTestId('claim-payment').textContent()).resolves.toBe('TRX-77');
    expect(await overflowsSideways(page)).toBe(false);
  });
});
