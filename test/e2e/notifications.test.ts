/**
 * Choosing one's channels and reading the development mailbox in a real browser, on a database of the file's
 * own (saved channels must not reach the run's shared database): amina, on a phone and by keyboard alone, turns
 * SMS on from the Self-Service Portal; her next application's messages (email and SMS) show at /dev/mail, since
 * no mail server is set; samuel finds the same page in the officer portal, in Arabic. axe checks every state.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { loadMessages } from '../../src/platform/i18n/catalogs.js';
import { expectAccessible, tabTo } from '../support/accessibility.js';
import { launchChromium, overflowsSideways, signIn } from '../support/browser.js';
import { applicationFor, createProgram } from '../support/fixtures.js';
import type { TestApp } from '../support/harness.js';
import { startTestAppOnOwnDatabase } from '../support/own-database.js';
import { tokenFor } from '../support/tokens.js';
import { waitUntil } from '../support/wait-until.js';

const BROWSER_TEST_PORT = Number(process.env.BROWSER_TEST_PORT ?? 3999);
const PHONE = { width: 375, height: 740 };

describe('messages: channels and the development mailbox', () => {
  let testApp: TestApp;
  let browser: Browser;
  const messages = loadMessages('locales');
  const en = messages.translatorFor('en');
  const ar = messages.translatorFor('ar');

  beforeAll(async () => {
    testApp = await startTestAppOnOwnDatabase('notifications_e2e', { port: BROWSER_TEST_PORT, env: { OUTBOX_POLL_INTERVAL_MS: '50' } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  async function check(page: Page, state: string): Promise<void> {
    expect(await overflowsSideways(page)).toBe(false);
    await expectAccessible(page, `${state}, at 375 px`);
  }

  it('lets amina turn SMS on by keyboard, then shows her messages at /dev/mail', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-GB' });
    const page = await context.newPage();
    try {
      await signIn(page, testApp.url, 'amina', '/ssp');
      await page.goto(`${testApp.url}/ssp`);
      const section = page.getByRole('region', { name: en('ssp.home.messages') });
      await tabTo(page, section.getByRole('link', { name: en('notifications.preferences.title') }));
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: en('notifications.preferences.title') }).waitFor();
      const email = page.getByLabel(en('notifications.preferences.email'));
      const sms = page.getByLabel(en('notifications.preferences.sms'));
      await expect(email.isChecked()).resolves.toBe(true);
      await expect(sms.isChecked()).resolves.toBe(false);
      await check(page, 'the channels, as the defaults');

      await tabTo(page, sms);
      await page.keyboard.press('Space');
      await tabTo(page, page.getByRole('button', { name: en('notifications.preferences.save') }));
      await page.keyboard.press('Enter');
      await page.getByTestId('notice').getByText(en('notifications.preferences.saved')).waitFor();
      await expect(sms.isChecked()).resolves.toBe(true);
      await expect(email.isChecked()).resolves.toBe(true);
      await check(page, 'the channels, saved');

      const program = await createProgram(testApp.app);
      const submitted = await request(testApp.app)
        .post('/api/v1/applications')
        .set('Authorization', `Bearer ${await tokenFor('amina')}`)
        .send(applicationFor(program.id));
      expect(submitted.status).toBe(201);
      const reference = submitted.body.reference as string;
      const subject = en('notice.application-received.subject', { reference });

      const mail = await waitUntil(
        async () => {
          await page.goto(`${testApp.url}/dev/mail`);
          return page.getByTestId('dev-mail-message').filter({ hasText: subject }).allInnerTexts();
        },
        (found) => found.length === 2,
        'the email and the SMS in the development mailbox',
      );
      expect(mail.join('\n')).toContain('amina@example.org');
      expect(mail.join('\n')).toContain('+254 700 000002');
      expect(mail.join('\n')).not.toContain('NID-1001');
      await page.getByRole('heading', { level: 1, name: en('notifications.devMail.title') }).waitFor();
      await check(page, 'the development mailbox');
    } finally {
      await context.close();
    }
  });

  it('gives samuel the same page in the officer portal, in Arabic', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'ar' });
    const page = await context.newPage();
    try {
      await signIn(page, testApp.url, 'samuel', '/officer', { language: 'ar' });
      await page.goto(`${testApp.url}/officer`);
      await tabTo(page, page.getByRole('link', { name: ar('notifications.preferences.title') }).first());
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: ar('notifications.preferences.title') }).waitFor();
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
      await check(page, 'the officer’s channels, in Arabic');
      await tabTo(page, page.getByLabel(ar('notifications.preferences.email')));
      await page.keyboard.press('Space');
      await tabTo(page, page.getByRole('button', { name: ar('notifications.preferences.save') }));
      await page.keyboard.press('Enter');
      await page.getByTestId('notice').getByText(ar('notifications.preferences.saved')).waitFor();
      await expect(page.getByLabel(ar('notifications.preferences.email')).isChecked()).resolves.toBe(false);
    } finally {
      await context.close();
    }
  });

  it('shows maria how each message went, never its text or recipient, filtered by state with the keyboard', async () => {
    const program = await createProgram(testApp.app);
    const submitted = await request(testApp.app)
      .post('/api/v1/applications')
      .set('Authorization', `Bearer ${await tokenFor('amina')}`)
      .send(applicationFor(program.id));
    expect(submitted.status).toBe(201);
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-GB' });
    const page = await context.newPage();
    try {
      await signIn(page, testApp.url, 'maria', '/admin');
      const received = en('admin.deliveries.kind.application-received');
      const rows = await waitUntil(
        async () => {
          await page.goto(`${testApp.url}/admin/notification-deliveries`);
          return page.getByTestId('delivery-row').filter({ hasText: received }).allInnerTexts();
        },
        (found) => found.length > 0,
        'the messages of the received application in the list',
      );
      expect(rows.join('\n')).toContain(en('admin.deliveries.recipient.applicant'));
      const list = await page.getByTestId('deliveries').innerText();
      for (const personal of ['amina', 'Amina', 'NID-1001', '+254', submitted.body.reference as string])
        expect(list).not.toContain(personal);
      await check(page, 'the messages sent');

      await tabTo(page, page.getByLabel(en('admin.deliveries.filter.status')));
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await expect(page.getByLabel(en('admin.deliveries.filter.status')).inputValue()).resolves.toBe('SENT');
      await tabTo(page, page.getByRole('button', { name: en('admin.deliveries.filter.show') }));
      await page.keyboard.press('Enter');
      await page.waitForURL(/status=SENT/);
      const states = await page
        .getByTestId('delivery-row')
        .locator(`td[data-label="${en('admin.deliveries.column.status')}"]`)
        .allInnerTexts();
      expect(states.length).toBeGreaterThan(0);
      expect(states.every((state) => state.startsWith(en('admin.deliveries.status.SENT')))).toBe(true);
      await check(page, 'the messages sent, filtered by state');
    } finally {
      await context.close();
    }
  });
});
