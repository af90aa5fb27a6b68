/**
 * The public scanner page in Chromium on a phone-sized screen, signed in as nobody: a photo of a real voucher's QR
 * code checked online; the page installable (the browser's own installability check) with its service worker;
 * then, with the network gone, the page opened again from the service worker and vouchers checked in the browser
 * against the statuses it kept, saying how old they are (a valid one green, one revoked before then red, an
 * altered one red for its signature); and the same form without the page's script, answered by the service. axe runs on
 * every state reached; nothing is wider than the phone.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { drawQrPng } from '../../src/modules/vouchers/index.js';
import { expectAccessible, tabTo } from '../support/accessibility.js';
import { launchChromium, overflowsSideways } from '../support/browser.js';
import { approveApplication, createProgram } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { tokenFor } from '../support/tokens.js';

// The realm allows sign-in redirects to this port (keycloak/realm.json).
const BROWSER_TEST_PORT = 3999;
const PHONE = { width: 375, height: 740 };

describe('the public scanner page in the browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let folder: string;
  let programId: string;
  const bearer = async (user: string) => `Bearer ${await tokenFor(user)}`;

  beforeAll(async () => {
    testApp = await startTestApp({ port: BROWSER_TEST_PORT });
    browser = await launchChromium();
    folder = await mkdtemp(path.join(os.tmpdir(), 'iaod-scan-'));
    programId = (await createProgram(testApp.app)).id;
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
    await rm(folder, { recursive: true, force: true });
  });

  async function issueVoucher(amount: string): Promise<{ id: string; qrText: string; credential: Record<string, unknown> }> {
    const application = await approveApplication(testApp.app, programId, { amount });
    const res = await request(testApp.app)
      .post(`/api/v1/applications/${application.id}/voucher`)
      .set('Authorization', await bearer('ivan'))
      .send();
    if (res.status !== 201) throw new Error(`not issued: ${res.status}`);
    return { id: res.body.id as string, qrText: res.body.qrText as string, credential: res.body.credential as Record<string, unknown> };
  }

  async function revoke(id: string) {
    const res = await request(testApp.app)
      .post(`/api/v1/vouchers/${id}/revocation`)
      .set('Authorization', await bearer('maria'))
      .send({ reason: 'Issued twice' });
    if (res.status !== 200) throw new Error(`not revoked: ${res.status}`);
  }

  async function check(page: Page, code: string) {
    await page.getByLabel('Voucher code').fill(code);
    await page.getByRole('button', { name: 'Check the voucher' }).click();
    await page.getByTestId('verdict').waitFor();
  }

  it('checks a photo of a voucher online, and is an installable app whose service worker keeps it', async () => {
    const { id, qrText } = await issueVoucher('640.00');
    const photo = path.join(folder, `${id}.png`);
    await writeFile(photo, await drawQrPng(qrText));
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${testApp.url}/scan`);
    await page.getByTestId('offline-readiness').filter({ hasText: 'Ready to check vouchers without a network too' }).waitFor();
    await expectAccessible(page, 'the scanner page');
    expect(await overflowsSideways(page)).toBe(false);

    await page.getByLabel('Photo of the QR code').setInputFiles(photo);
    await page.getByTestId('verdict').filter({ hasText: 'Valid voucher' }).waitFor();
    await expect(page.getByTestId('check').count()).resolves.toBe(6);
    await expect(page.getByTestId('eligibility').textContent()).resolves.toContain('640');
    // Online, the service answered: no note about offline statuses.
    await expect(page.getByTestId('offline-note').count()).resolves.toBe(0);
    await expectAccessible(page, 'a valid voucher read from a photo');
    expect(await overflowsSideways(page)).toBe(false);

    await page.evaluate(
      () => (globalThis as unknown as { navigator: { serviceWorker: { ready: Promise<unknown> } } }).navigator.serviceWorker.ready,
    );
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    // Every criterion but one the test's browser context cannot meet: it is a private (incognito) profile.
    expect(installabilityErrors.map((error) => error.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
    await context.close();
  });

  it('opens and checks vouchers with no network, against the statuses it kept, and says how old they are', async () => {
    const valid = await issueVoucher('410.00');
    const revoked = await issueVoucher('90.00');
    await revoke(revoked.id);
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${testApp.url}/scan`);
    await page.getByTestId('offline-readiness').filter({ hasText: 'Ready to check vouchers without a network too' }).waitFor();
    await page.evaluate(
      () => (globalThis as unknown as { navigator: { serviceWorker: { ready: Promise<unknown> } } }).navigator.serviceWorker.ready,
    );

    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('offline-readiness').filter({ hasText: 'statuses as of' }).waitFor();

    await check(page, valid.qrText);
    await page.getByTestId('verdict').filter({ hasText: 'Valid voucher' }).waitFor();
    await expect(page.getByTestId('offline-note').textContent()).resolves.toMatch(
      /Checked on this device without a network\. .*as of .*\(.*(now|minute)/,
    );
    await expect(page.getByTestId('eligibility').textContent()).resolves.toContain('410');
    await expectAccessible(page, 'a valid voucher checked offline');
    expect(await overflowsSideways(page)).toBe(false);

    await check(page, revoked.qrText);
    await page.getByTestId('verdict').filter({ hasText: 'Not valid' }).waitFor();
    await expect(page.getByTestId('checks').textContent()).resolves.toContain('The voucher has been revoked');
    await expectAccessible(page, 'a revoked voucher checked offline');

    // The credential as JSON with its amount changed: the signature no longer holds.
    const altered = structuredClone(valid.credential);
    (altered.credentialSubject as Record<string, unknown>).amount = '9410.00';
    await check(page, JSON.stringify(altered));
    await page.getByTestId('verdict').filter({ hasText: 'Not valid' }).waitFor();
    await expect(page.getByTestId('check').filter({ hasText: 'Signature' }).textContent()).resolves.not.toContain('passed');

    // With the keyboard alone: to the field, type, to the button, Enter.
    await page.getByLabel('Voucher code').fill('');
    await tabTo(page, page.getByLabel('Voucher code'));
    await page.keyboard.type('not a voucher');
    await tabTo(page, page.getByRole('button', { name: 'Check the voucher' }));
    await page.keyboard.press('Enter');
    await page.getByTestId('verdict').filter({ hasText: 'Not valid' }).waitFor();
    await expectAccessible(page, 'a text that is no voucher, offline');
    await context.close();
  });

  it('answers the form without its script, and asks for a code when none was given', async () => {
    const { qrText } = await issueVoucher('75.00');
    // The page's script blocked (axe still needs the browser's JavaScript): the form posts to the service.
    const context = await browser.newContext({ viewport: PHONE });
    await context.route('**/assets/scan.js', (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${testApp.url}/scan`);
    await page.getByRole('button', { name: 'Check the voucher' }).click();
    await page.getByTestId('scan-error').filter({ hasText: 'Scan the voucher, choose a photo of it, or paste its code.' }).waitFor();
    await expectAccessible(page, 'the scanner page asking for a code, without its script');

    await check(page, qrText);
    await page.getByTestId('verdict').filter({ hasText: 'Valid voucher' }).waitFor();
    await expect(page.getByLabel('Voucher code').inputValue()).resolves.toBe(qrText);
    await expectAccessible(page, 'a verdict from the service, without the page’s script');
    expect(await overflowsSideways(page)).toBe(false);
    await context.close();
  });
});
