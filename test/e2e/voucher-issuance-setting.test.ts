/**
 * The program manager chooses on the program page whether vouchers are issued by an officer or at the last
 * approval, in Chromium; the choice is stored (read back through the API) and shown checked again.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/harness.js';
import { launchChromium, signIn } from '../support/browser.js';
import { expectAccessible } from '../support/accessibility.js';
import { createProgram } from '../support/fixtures.js';
import { tokenFor } from '../support/tokens.js';

// The realm allows sign-in redirects to this port (keycloak/realm.json).
const BROWSER_TEST_PORT = 3999;

describe('the voucher issuance choice on the program page', () => {
  let testApp: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    testApp = await startTestApp({ port: BROWSER_TEST_PORT });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  async function storedIssuance(id: string): Promise<string> {
    const token = await tokenFor('maria');
    const res = await request(testApp.app).get(`/api/v1/programs/${id}`).set('Authorization', `Bearer ${token}`);
    return (res.body as { voucherIssuance: string }).voucherIssuance;
  }

  it('stores "automatically at approval" when the manager chooses it, and shows it chosen', async () => {
    const program = await createProgram(testApp.app);
    const page = await browser.newPage();
    await signIn(page, testApp.url, 'maria', '/admin');
    await page.goto(`${testApp.url}/admin/programs/${program.id}`);
    const manual = page.getByLabel('By an issuing officer');
    const onApproval = page.getByLabel('Automatically at approval');
    await expect(manual.isChecked()).resolves.toBe(true);
    await expectAccessible(page, 'program page with the issuance choice');

    await onApproval.check();
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.getByText('Program details saved.').waitFor();
    await expect(page.getByLabel('Automatically at approval').isChecked()).resolves.toBe(true);
    await expect(storedIssuance(program.id)).resolves.toBe('on-approval');
    await page.close();
  });
});
