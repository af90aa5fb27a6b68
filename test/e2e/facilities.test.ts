/**
 * The program manager's facility pages in Chromium, on a phone-sized screen: maria registers a facility (an
 * empty form refused first, what was typed kept), finds it listed, opens it with the keyboard, is refused an
 * unknown user name and a user linked elsewhere, links the demo provider user clinic, and unlinks it after
 * confirming. Every change is checked on the page and through the API; axe runs on every state reached, and
 * no page scrolls sideways at 375 px. In French and in Arabic, the pages and a refusal are in the page's language.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import type { components } from '../../src/generated/openapi.js';
import { ERROR_CODES } from '../../src/platform/http/error-codes.js';
import { loadMessages } from '../../src/platform/i18n/catalogs.js';
import { expectAccessible, tabTo } from '../support/accessibility.js';
import { launchChromium, overflowsSideways, signIn } from '../support/browser.js';
import { unlinkClinic } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { subjectOf, tokenFor } from '../support/tokens.js';
import { expectTranslated } from '../support/translation.js';

type ServiceProvider = components['schemas']['ServiceProvider'];

// The realm allows sign-in redirects to this port (keycloak/realm.json).
const BROWSER_TEST_PORT = 3999;
const PHONE = { width: 375, height: 740 };
/** Set to a folder (e.g. /tmp) to keep a screenshot of each state. */
const SCREENSHOT_DIR = process.env.IAOD_SCREENSHOT_DIR;

describe('the facility pages of program administration', () => {
  let testApp: TestApp;
  let browser: Browser;
  const messages = loadMessages('locales');

  beforeAll(async () => {
    testApp = await startTestApp({ port: BROWSER_TEST_PORT });
    browser = await launchChromium();
    // The test files of a run share clinic, linked to one facility at a time: here it starts linked to none.
    await unlinkClinic(testApp.app);
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  async function asMaria() {
    const token = `Bearer ${await tokenFor('maria')}`;
    return {
      facilities: async () =>
        (await request(testApp.app).get('/api/v1/providers').set('Authorization', token)).body.items as ServiceProvider[],
      register: async (name: string) => {
        const res = await request(testApp.app)
          .post('/api/v1/providers')
          .set('Authorization', token)
          .send({ name, kind: 'pharmacy', region: 'Turkana', paymentDetails: 'M-Pesa 0700 000 000' });
        expect(res.status).toBe(201);
        return res.body as ServiceProvider;
      },
    };
  }

  /** The checks every state gets: axe, and nothing wider than the phone. */
  async function expectFits(page: Page, state: string): Promise<void> {
    await page.waitForLoadState('domcontentloaded');
    await expectAccessible(page, `${state} (375 px)`);
    expect({ state, overflows: await overflowsSideways(page) }).toEqual({ state, overflows: false });
    if (SCREENSHOT_DIR)
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `facilities-${state.replace(/\W+/g, '-')}.png`), fullPage: true });
  }

  async function errorSummaryLinks(page: Page) {
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    return summary
      .locator('a')
      .evaluateAll((links) => links.map((a) => ({ message: a.textContent?.trim(), href: a.getAttribute('href') })));
  }

  it('registers a facility, links clinic to it after refusing an unknown user and one linked elsewhere, and unlinks it', async () => {
    const name = `Baraka Mission Hospital ${randomUUID().slice(0, 6)}`;
    const api = await asMaria();
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await signIn(page, testApp.url, 'maria', '/admin');

    // The admin nav leads to the facilities.
    await page.getByRole('navigation', { name: 'Program administration' }).getByRole('link', { name: 'Facilities' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Facilities');
    await expectFits(page, 'the facilities list');

    // Sent empty: every field refused in plain words, each linked from the summary.
    await page.getByRole('button', { name: 'Register facility' }).click();
    await expect(errorSummaryLinks(page)).resolves.toEqual([
      { message: 'Enter the facility’s name, up to 200 characters.', href: '#facility-name' },
      { message: 'Choose the kind of facility.', href: '#facility-kind' },
      { message: 'Enter the region, up to 100 characters.', href: '#facility-region' },
      { message: 'Enter where reimbursements are paid, up to 500 characters.', href: '#facility-payment-details' },
    ]);
    await expect(page.getByTestId('error-kind').textContent()).resolves.toBe('Choose the kind of facility.');
    await expectFits(page, 'the facility form sent empty');

    // Partly filled: what was typed stays, only what is missing is refused.
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Region').fill('Coast');
    await page.getByRole('button', { name: 'Register facility' }).click();
    await expect(errorSummaryLinks(page)).resolves.toEqual([
      { message: 'Choose the kind of facility.', href: '#facility-kind' },
      { message: 'Enter where reimbursements are paid, up to 500 characters.', href: '#facility-payment-details' },
    ]);
    await expect(page.getByLabel('Name').inputValue()).resolves.toBe(name);
    await expect(page.getByLabel('Region').inputValue()).resolves.toBe('Coast');
    await expectFits(page, 'the facility form partly filled');

    await page.getByLabel('Kind').selectOption({ label: 'Hospital' });
    await page.getByLabel('Payment details').fill('Equity Bank, account 0123456789');
    await page.getByRole('button', { name: 'Register facility' }).click();
    await expect(page.getByTestId('notice').textContent()).resolves.toBe('Facility registered.');
    const registered = (await api.facilities()).find((facility) => facility.name === name);
    expect(registered).toMatchObject({ kind: 'hospital', region: 'Coast', paymentDetails: 'Equity Bank, account 0123456789', users: [] });
    const id = registered?.id as string;
    const row = page.locator(`[data-testid="facility-row"][data-facility-id="${id}"]`);
    await expect(row.getByTestId('facility-kind').textContent()).resolves.toBe('Hospital');
    await expect(row.getByTestId('facility-users').textContent()).resolves.toBe('0');
    await expectFits(page, 'the facilities list after registering one');

    // Opened with the keyboard alone.
    const link = row.getByRole('link', { name });
    await tabTo(page, link, 400);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${testApp.url}/admin/facilities/${id}`);
    await expect(page.getByTestId('facility-name').textContent()).resolves.toBe(name);
    await expect(page.getByTestId('no-provider-users').count()).resolves.toBe(1);
    await expectFits(page, 'a facility with no users');

    // A user name the identity provider does not know: refused next to the field, kept.
    await page.getByLabel('User name').fill('nobody-here');
    await page.getByRole('button', { name: 'Link user', exact: true }).click();
    await expect(page.getByTestId('error-username').textContent()).resolves.toBe(ERROR_CODES.ERR_PROVIDER_USER_UNKNOWN.title);
    await expect(page.getByLabel('User name').inputValue()).resolves.toBe('nobody-here');
    await expect(errorSummaryLinks(page)).resolves.toEqual([
      { message: ERROR_CODES.ERR_PROVIDER_USER_UNKNOWN.title, href: '#link-username' },
    ]);
    await expectFits(page, 'a facility with an unknown user name refused');

    await page.getByLabel('User name').fill('clinic');
    await page.getByRole('button', { name: 'Link user', exact: true }).click();
    await expect(page.getByTestId('notice').textContent()).resolves.toBe('User linked.');
    const clinic = await subjectOf('clinic');
    const linked = (await api.facilities()).find((facility) => facility.id === id);
    expect(linked?.users).toEqual([expect.objectContaining({ subject: clinic, username: 'clinic' })]);
    const userRow = page.locator('[data-testid="provider-user"][data-username="clinic"]');
    await expect(userRow.innerText()).resolves.toContain(linked?.users[0]?.displayName as string);
    await expectFits(page, 'a facility with clinic linked');

    // Another facility may not take clinic while it is linked here.
    const other = await api.register(`Lodwar Pharmacy ${randomUUID().slice(0, 6)}`);
    await page.goto(`${testApp.url}/admin/facilities/${other.id}`);
    await page.getByLabel('User name').fill('clinic');
    await page.getByRole('button', { name: 'Link user', exact: true }).click();
    await expect(page.getByTestId('error-username').textContent()).resolves.toBe(ERROR_CODES.ERR_PROVIDER_USER_LINKED_ELSEWHERE.title);
    await expectFits(page, 'a facility refused a user linked elsewhere');

    // Unlinking is asked first; cancelling leaves clinic linked, confirming unlinks it.
    await page.goto(`${testApp.url}/admin/facilities/${id}`);
    await userRow.getByRole('button', { name: /^Unlink/ }).click();
    const confirm = page.getByTestId('unlink-confirm');
    await expect(confirm.innerText()).resolves.toContain(`will no longer redeem vouchers or claim reimbursements for ${name}`);
    await expectFits(page, 'the unlink confirmation');
    await confirm.getByRole('link', { name: 'Cancel' }).click();
    await expect(userRow.count()).resolves.toBe(1);
    await userRow.getByRole('button', { name: /^Unlink/ }).click();
    await page.getByTestId('unlink-confirm').getByRole('button', { name: 'Unlink user' }).click();
    await expect(page.getByTestId('notice').textContent()).resolves.toBe('User unlinked.');
    await expect(page.getByTestId('no-provider-users').count()).resolves.toBe(1);
    expect((await api.facilities()).find((facility) => facility.id === id)?.users).toEqual([]);
    await expectFits(page, 'a facility after unlinking clinic');
  });

  it.each(['fr', 'ar'] as const)('tells a refused user name in %s, on pages with no English of ours left', async (lang) => {
    const t = messages.translatorFor(lang);
    const api = await asMaria();
    const facility = await api.register(`Dispensaire de Kakuma ${randomUUID().slice(0, 6)}`);
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    try {
      await signIn(page, testApp.url, 'maria', '/admin/facilities', { language: lang });
      const data = (await api.facilities()).flatMap((f) => [f.name, f.region]);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('admin.facilities.title'));
      await expectTranslated(page, lang, 'the facilities list', { data });
      await expectFits(page, `the facilities list (${lang})`);

      await page.goto(`${testApp.url}/admin/facilities/${facility.id}`);
      await page.getByLabel(t('admin.facility.link.username')).fill('nobody-here');
      await page.getByRole('button', { name: t('admin.facility.link'), exact: true }).click();
      await expect(page.getByTestId('error-username').textContent()).resolves.toBe(t('problem.ERR_PROVIDER_USER_UNKNOWN.title'));
      await expectTranslated(page, lang, 'a facility with a refused user name', {
        data: [facility.name, 'nobody-here', 'M-Pesa 0700 000 000'],
      });
      await expectFits(page, `a facility with a refused user name (${lang})`);
    } finally {
      await context.close();
    }
  });
});
