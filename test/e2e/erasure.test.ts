/**
 * "Erase my data" in a real browser, on a database of the file's own (erasing pedro must not touch the run's
 * shared database): pedro asks for erasure with the keyboard alone on a phone (a reason too long is refused in
 * plain words and kept), confirms, and sees his request pending; maria finds it under /admin, is told a voucher
 * of his is still in force, revokes it and completes the erasure; pedro then sees it completed, in English and
 * Arabic. axe checks every state.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { loadMessages } from '../../src/platform/i18n/catalogs.js';
import { expectAccessible, tabTo } from '../support/accessibility.js';
import { launchChromium, overflowsSideways, signIn } from '../support/browser.js';
import { approveApplication, createProgram } from '../support/fixtures.js';
import type { TestApp } from '../support/harness.js';
import { startTestAppOnOwnDatabase } from '../support/own-database.js';
import { tokenFor } from '../support/tokens.js';

// Another run may hold 3999 at the same time: BROWSER_TEST_PORT picks another loopback port.
const BROWSER_TEST_PORT = Number(process.env.BROWSER_TEST_PORT ?? 3999);
const PHONE = { width: 375, height: 740 };

describe('erasing my data', () => {
  let testApp: TestApp;
  let browser: Browser;
  let voucherId = '';
  const messages = loadMessages('locales');
  const en = messages.translatorFor('en');
  const ar = messages.translatorFor('ar');

  beforeAll(async () => {
    testApp = await startTestAppOnOwnDatabase('erasure_e2e', { port: BROWSER_TEST_PORT });
    browser = await launchChromium();
    // pedro holds a voucher in force: the program must revoke it before his data can be erased.
    const program = await createProgram(testApp.app);
    const approved = await approveApplication(testApp.app, program.id, { applicant: 'pedro', amount: '400.00' });
    const voucher = await request(testApp.app)
      .post(`/api/v1/applications/${approved.id}/voucher`)
      .set('Authorization', `Bearer ${await tokenFor('ivan')}`)
      .send();
    if (voucher.status !== 201) throw new Error(`no voucher: ${voucher.status} ${JSON.stringify(voucher.body)}`);
    voucherId = voucher.body.id as string;
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  async function check(page: Page, state: string): Promise<void> {
    expect(await overflowsSideways(page)).toBe(false);
    await expectAccessible(page, `${state}, at 375 px`);
  }

  it('lets pedro ask by keyboard and see it pending, and maria complete it from the admin page', async () => {
    const pedroContext = await browser.newContext({ viewport: PHONE, locale: 'en-GB' });
    const mariaContext = await browser.newContext({ viewport: PHONE, locale: 'en-GB' });
    const pedro = await pedroContext.newPage();
    const maria = await mariaContext.newPage();
    try {
      await signIn(pedro, testApp.url, 'pedro', '/ssp');
      await pedro.goto(`${testApp.url}/ssp`);
      const section = pedro.getByRole('region', { name: en('ssp.home.myData') });
      await tabTo(pedro, section.getByRole('link', { name: en('ssp.home.eraseMyData') }));
      await pedro.keyboard.press('Enter');
      await pedro.getByRole('heading', { level: 1, name: en('ssp.erasure.title') }).waitFor();
      await expect(pedro.getByText(en('ssp.erasure.keepsVoucher')).isVisible()).resolves.toBe(true);
      await expect(pedro.getByText(en('ssp.erasure.keepsAccount')).isVisible()).resolves.toBe(true);
      await check(pedro, 'the erasure page before asking');

      // A reason too long: refused in plain words, what he typed kept.
      const reason = pedro.getByLabel(en('ssp.erasure.reason'), { exact: false });
      await tabTo(pedro, reason);
      const tooLong = `I moved away. ${'x'.repeat(500)}`;
      await pedro.keyboard.insertText(tooLong);
      await tabTo(pedro, pedro.getByRole('button', { name: en('ssp.erasure.continue') }));
      await pedro.keyboard.press('Enter');
      await pedro
        .getByText(en('ssp.erasure.reasonTooLong', { max: 500 }))
        .first()
        .waitFor();
      await expect(reason.inputValue()).resolves.toBe(tooLong);
      await check(pedro, 'the erasure page with a reason too long');

      await reason.focus();
      await pedro.keyboard.press('ControlOrMeta+A');
      await pedro.keyboard.insertText('I moved away.');
      await tabTo(pedro, pedro.getByRole('button', { name: en('ssp.erasure.continue') }));
      await pedro.keyboard.press('Enter');
      const confirm = pedro.getByTestId('erasure-confirm');
      await confirm.getByRole('heading', { name: en('ssp.erasure.confirmHeading') }).waitFor();
      await expect(confirm.getByText('I moved away.').isVisible()).resolves.toBe(true);
      await check(pedro, 'the erasure confirmation');

      await tabTo(pedro, confirm.getByRole('button', { name: en('ssp.erasure.yes') }));
      await pedro.keyboard.press('Enter');
      await pedro.getByTestId('erasure-state').and(pedro.locator('[data-status="pending"]')).waitFor();
      await expect(pedro.getByTestId('notice').textContent()).resolves.toBe(en('ssp.erasure.requested'));
      await expect(pedro.getByRole('heading', { name: en('ssp.erasure.pendingHeading') }).isVisible()).resolves.toBe(true);
      await check(pedro, 'the erasure page with the request pending');

      // maria: the pending request, a refusal while the voucher is in force, then the completion.
      await signIn(maria, testApp.url, 'maria', '/admin');
      await maria.goto(`${testApp.url}/admin`);
      await tabTo(maria, maria.getByRole('link', { name: en('admin.nav.erasure') }));
      await maria.keyboard.press('Enter');
      await maria.getByRole('heading', { level: 1, name: en('admin.erasure.title') }).waitFor();
      const row = maria.getByTestId('erasure-row').filter({ hasText: 'pedro' });
      await row.getByText('I moved away.').waitFor();
      await check(maria, 'the pending erasure requests');

      await tabTo(maria, row.getByRole('button', { name: en('admin.erasure.complete') }));
      await maria.keyboard.press('Enter');
      const confirmation = maria.getByTestId('erasure-confirm');
      await confirmation.getByRole('heading', { name: en('admin.erasure.confirmHeading', { username: 'pedro' }) }).waitFor();
      await check(maria, 'the erasure completion asked to confirm');
      await tabTo(maria, confirmation.getByRole('button', { name: en('admin.erasure.confirm') }));
      await maria.keyboard.press('Enter');
      await expect(maria.getByTestId('alert').textContent()).resolves.toContain(en('admin.erasure.refused.voucherInForce'));
      await check(maria, 'the erasure refused while a voucher is in force');

      const revoked = await request(testApp.app)
        .post(`/api/v1/vouchers/${voucherId}/revocation`)
        .set('Authorization', `Bearer ${await tokenFor('maria')}`)
        .send({ reason: 'The holder asked for erasure.' });
      expect(revoked.status).toBe(200);
      await tabTo(maria, row.getByRole('button', { name: en('admin.erasure.complete') }));
      await maria.keyboard.press('Enter');
      await tabTo(maria, confirmation.getByRole('button', { name: en('admin.erasure.confirm') }));
      await maria.keyboard.press('Enter');
      await expect(maria.getByTestId('notice').textContent()).resolves.toBe(en('admin.erasure.notice.completed'));
      await expect(maria.getByTestId('erasure-row').count()).resolves.toBe(0);
      await expect(maria.getByText(en('admin.erasure.none')).isVisible()).resolves.toBe(true);
      await check(maria, 'the erasure requests after the completion');

      await pedro.reload();
      await pedro.getByTestId('erasure-state').and(pedro.locator('[data-status="completed"]')).waitFor();
      await expect(pedro.getByRole('heading', { name: en('ssp.erasure.completedHeading') }).isVisible()).resolves.toBe(true);
      await check(pedro, 'the erasure page once completed');

      // The same state in Arabic, right to left.
      await pedro.locator('form.language-switch button[value="ar"]').click();
      await pedro.locator('html[lang="ar"][dir="rtl"]').waitFor({ state: 'attached' });
      await pedro.getByRole('heading', { name: ar('ssp.erasure.completedHeading') }).waitFor();
      await check(pedro, 'the erasure page once completed, in Arabic');
    } finally {
      await pedroContext.close();
      await mariaContext.close();
    }
  });
});
