/**
 * The program manager's trusted ID issuers page in Chromium, on a phone-sized screen: maria finds the issuer of the
 * settings listed read-only, sends the form empty, is refused a key that is not hexadecimal and then one that is not
 * of its algorithm (everything typed kept), adds an issuer with two keys, opens it with the keyboard, saves over
 * someone else's change (shown beside what is saved, then applied), and removes it after confirming. Each change is
 * checked through the API; axe runs on every state reached, and nothing scrolls sideways at 375 px. In Arabic, the
 * page and a refused key are in the page's language. On a database of its own: the issuers are the whole service's.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import type { components } from '../../src/generated/openapi.js';
import { loadMessages } from '../../src/platform/i18n/catalogs.js';
import { expectAccessible, tabTo } from '../support/accessibility.js';
import { launchChromium, overflowsSideways, signIn } from '../support/browser.js';
import type { TestApp } from '../support/harness.js';
import { generateIdSigningKey } from '../support/id-qr-codes.js';
import { startTestAppOnOwnDatabase } from '../support/own-database.js';
import { tokenFor } from '../support/tokens.js';
import { expectTranslated } from '../support/translation.js';

type IdIssuer = components['schemas']['TrustedIdIssuer'];

// Another run may hold 3999 at the same time: BROWSER_TEST_PORT picks another loopback port.
const BROWSER_TEST_PORT = Number(process.env.BROWSER_TEST_PORT ?? 3999);
const PHONE = { width: 375, height: 740 };
/** Set to a folder (e.g. /tmp) to keep a screenshot of each state. */
const SCREENSHOT_DIR = process.env.IAOD_SCREENSHOT_DIR;
const SETTINGS_ISSUER = 'https://settings-id.example.gov';
const ISSUER = 'https://id.example.gov/national-id-office/claim169';

describe('the trusted ID issuers page of program administration', () => {
  let testApp: TestApp;
  let browser: Browser;
  const messages = loadMessages('locales');
  const settingsKey = generateIdSigningKey('EdDSA').publicKeyHex;
  const edKey = generateIdSigningKey('EdDSA').publicKeyHex;
  const ecKey = generateIdSigningKey('ES256').publicKeyHex;

  beforeAll(async () => {
    testApp = await startTestAppOnOwnDatabase('idissuerpages', {
      port: BROWSER_TEST_PORT,
      env: {
        ID_TRUSTED_ISSUERS: JSON.stringify([
          { issuer: SETTINGS_ISSUER, name: 'Settings ID office', keys: [{ algorithm: 'EdDSA', publicKeyHex: settingsKey }] },
        ]),
      },
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  async function asMaria() {
    const token = `Bearer ${await tokenFor('maria')}`;
    return {
      issuers: async () => (await request(testApp.app).get('/api/v1/id-issuers').set('Authorization', token)).body as IdIssuer[],
      rename: async (issuer: IdIssuer, name: string) => {
        const res = await request(testApp.app)
          .put(`/api/v1/id-issuers/${issuer.id}`)
          .set('Authorization', token)
          .send({ name, keys: issuer.keys, version: issuer.version });
        expect(res.status).toBe(200);
      },
    };
  }

  /** The checks every state gets: axe, and nothing wider than the phone. */
  async function expectFits(page: Page, state: string): Promise<void> {
    await page.waitForLoadState('domcontentloaded');
    await expectAccessible(page, `${state} (375 px)`);
    expect({ state, overflows: await overflowsSideways(page) }).toEqual({ state, overflows: false });
    if (SCREENSHOT_DIR)
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `id-issuers-${state.replace(/\W+/g, '-')}.png`), fullPage: true });
  }

  async function errorSummaryLinks(page: Page) {
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    return summary
      .locator('a')
      .evaluateAll((links) => links.map((a) => ({ message: a.textContent?.trim(), href: a.getAttribute('href') })));
  }

  const EDDSA_REFUSED =
    'This is not an Ed25519 public key. An Ed25519 key is 64 hexadecimal characters (0–9, a–f). ' +
    'If it is a P-256 key (130 characters starting with 04), choose ECDSA P-256 as its algorithm.';

  it('adds an issuer after refusing bad keys, edits it over a stale version, and removes it after confirming', async () => {
    const api = await asMaria();
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    try {
      await signIn(page, testApp.url, 'maria', '/admin');

      // The admin nav leads to the issuers; the one of the settings is listed, and cannot be changed here.
      await page.getByRole('navigation', { name: 'Program administration' }).getByRole('link', { name: 'Trusted ID issuers' }).click();
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Trusted ID issuers');
      const settingsRow = page.locator(`[data-testid="id-issuer-row"][data-issuer="${SETTINGS_ISSUER}"]`);
      await expect(settingsRow.getByTestId('from-settings').textContent()).resolves.toBe('Set in the server’s settings: read-only here.');
      await expect(settingsRow.getByRole('link').count()).resolves.toBe(0);
      await expect(settingsRow.getByRole('button').count()).resolves.toBe(0);
      await expect(settingsRow.getByTestId('id-issuer-keys').innerText()).resolves.toContain(settingsKey);
      await expectFits(page, 'the issuers list');

      // Sent empty: each field refused in plain words, linked from the summary.
      await page.getByRole('button', { name: 'Add issuer' }).click();
      await expect(errorSummaryLinks(page)).resolves.toEqual([
        { message: 'Enter the issuer as its ID codes name it (500 characters at most).', href: '#id-issuer-issuer' },
        { message: 'Enter a name (200 characters at most).', href: '#id-issuer-name' },
        { message: 'Enter at least one public key (20 at most).', href: '#id-issuer-key-0-hex' },
      ]);
      await expectFits(page, 'the issuer form sent empty');

      // A key that is no hexadecimal at all: refused by the form, the rest kept.
      await page.getByLabel('Issuer', { exact: true }).fill(ISSUER);
      await page.getByLabel('Name', { exact: true }).fill('National ID office');
      await page.getByLabel('Key 1 (hexadecimal)').fill('not a key at all!');
      await page.getByRole('button', { name: 'Add issuer' }).click();
      await expect(page.getByTestId('error-keys.0.publicKeyHex').textContent()).resolves.toBe(EDDSA_REFUSED);
      await expect(page.getByLabel('Issuer', { exact: true }).inputValue()).resolves.toBe(ISSUER);
      await expect(page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('National ID office');
      await expect(page.getByLabel('Key 1 (hexadecimal)').inputValue()).resolves.toBe('notakeyatall!');
      await expectFits(page, 'a key that is not hexadecimal refused');

      // A P-256 key left as Ed25519: the service refuses it, the page says what an Ed25519 key looks like, nothing is lost.
      const broken = `${ecKey.slice(0, 40)}\n${ecKey.slice(40)}`;
      await page.getByLabel('Key 1 (hexadecimal)').fill(broken);
      await page.getByRole('button', { name: 'Add issuer' }).click();
      await expect(page.getByTestId('error-keys.0.publicKeyHex').textContent()).resolves.toBe(EDDSA_REFUSED);
      await expect(errorSummaryLinks(page)).resolves.toEqual([{ message: EDDSA_REFUSED, href: '#id-issuer-key-0-hex' }]);
      await expect(page.getByLabel('Key 1 (hexadecimal)').inputValue()).resolves.toBe(ecKey);
      await expect(page.getByLabel('Key 1 (hexadecimal)').getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('National ID office');
      expect((await api.issuers()).map((issuer) => issuer.issuer)).toEqual([SETTINGS_ISSUER]);
      await expectFits(page, 'a key of another algorithm refused');

      // Its right algorithm, and a second key in a row of its own.
      await page.getByLabel('Algorithm of key 1').selectOption('ES256');
      await page.getByRole('button', { name: 'Add another key' }).click();
      await expect(page.getByTestId('key-row').count()).resolves.toBe(3);
      // Focus starts at the row just added.
      const newRow = page.getByLabel('Algorithm of key 3');
      await expect(newRow.evaluate((element) => element === element.ownerDocument.activeElement)).resolves.toBe(true);
      await page.getByLabel('Key 2 (hexadecimal)').fill(edKey.toUpperCase());
      await expect(page.getByLabel('Algorithm of key 2').inputValue()).resolves.toBe('EdDSA');
      await expect(page.getByLabel('Key 1 (hexadecimal)').inputValue()).resolves.toBe(ecKey);
      await expectFits(page, 'the issuer form with another key row');
      await page.getByRole('button', { name: 'Add issuer' }).click();
      await expect(page.getByTestId('notice').textContent()).resolves.toBe(
        'ID issuer added. Applicants’ ID codes signed with its keys are now accepted.',
      );
      const added = (await api.issuers()).find((issuer) => issuer.issuer === ISSUER) as IdIssuer;
      expect(added).toMatchObject({
        name: 'National ID office',
        fromSettings: false,
        version: 1,
        keys: [
          { algorithm: 'ES256', publicKeyHex: ecKey },
          { algorithm: 'EdDSA', publicKeyHex: edKey },
        ],
      });
      await expectFits(page, 'the issuers list after adding one');

      // Opened with the keyboard alone; the issuer itself is fixed.
      const row = page.locator(`[data-testid="id-issuer-row"][data-issuer="${ISSUER}"]`);
      await tabTo(page, row.getByRole('link', { name: 'Edit National ID office' }), 400);
      await page.keyboard.press('Enter');
      await page.waitForURL(`${testApp.url}/admin/id-issuers/${added.id}`);
      await expect(page.getByLabel('Issuer', { exact: true }).getAttribute('readonly')).resolves.toBe('');
      await expectFits(page, 'the issuer editor');

      // Someone else renames it meanwhile: the save is refused, shown beside what is saved, and applied on request.
      await api.rename(added, 'National Identity Authority');
      await page.getByLabel('Name', { exact: true }).fill('National ID office (Claim 169)');
      await page.getByLabel('Key 2 (hexadecimal)').fill('');
      await page.getByLabel('Name', { exact: true }).press('Enter');
      const stale = page.getByTestId('stale-edit');
      await stale.waitFor();
      await expect(stale.getByTestId('stale-field').allTextContents()).resolves.toEqual(['Name', 'Public keys']);
      await expect(stale.getByTestId('stale-saved').first().textContent()).resolves.toBe('National Identity Authority');
      await expect(page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('National ID office (Claim 169)');
      await expectFits(page, 'a stale edit');
      await stale.getByRole('button', { name: 'Apply my changes again' }).click();
      await expect(page.getByTestId('notice').textContent()).resolves.toBe('ID issuer saved.');
      const saved = (await api.issuers()).find((issuer) => issuer.issuer === ISSUER);
      expect(saved).toMatchObject({
        name: 'National ID office (Claim 169)',
        version: 3,
        keys: [{ algorithm: 'ES256', publicKeyHex: ecKey }],
      });

      // Removing is asked first; cancelling keeps it, confirming removes it.
      await row.getByRole('button', { name: 'Remove National ID office (Claim 169)' }).click();
      const confirm = page.getByTestId('remove-confirm');
      await expect(confirm.innerText()).resolves.toContain(`Remove National ID office (Claim 169) (${ISSUER})?`);
      await expectFits(page, 'the removal confirmation');
      await confirm.getByRole('link', { name: 'Cancel' }).click();
      await expect(row.count()).resolves.toBe(1);
      await row.getByRole('button', { name: /^Remove/ }).click();
      await page.getByTestId('remove-confirm').getByRole('button', { name: 'Yes, remove it' }).click();
      await expect(page.getByTestId('notice').textContent()).resolves.toBe(
        'ID issuer removed. ID codes signed only by it are no longer accepted.',
      );
      await expect(row.count()).resolves.toBe(0);
      expect((await api.issuers()).map((issuer) => issuer.issuer)).toEqual([SETTINGS_ISSUER]);
      await expectFits(page, 'the issuers list after removing one');
    } finally {
      await context.close();
    }
  });

  it('tells a refused key in Arabic, on a page with no English of ours left', async () => {
    const t = messages.translatorFor('ar');
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    try {
      await signIn(page, testApp.url, 'maria', '/admin/id-issuers', { language: 'ar' });
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('admin.idIssuers.title'));
      const data = ['Settings ID office', SETTINGS_ISSUER, settingsKey, 'Ed25519 (EdDSA)'];
      await expectTranslated(page, 'ar', 'the issuers list', { data });
      await page.getByLabel(t('admin.idIssuer.issuer'), { exact: true }).fill('https://id.example.org');
      await page.getByLabel(t('admin.idIssuer.name'), { exact: true }).fill('Office');
      await page.getByLabel(t('admin.idIssuer.key.algorithm', { number: 1 })).selectOption('ES256');
      await page.getByLabel(t('admin.idIssuer.key.hex', { number: 1 })).fill(edKey);
      await page.getByRole('button', { name: t('admin.idIssuer.add') }).click();
      await expect(page.getByTestId('error-keys.0.publicKeyHex').textContent()).resolves.toBe(t('admin.fix.idIssuer.key.ES256'));
      await expectTranslated(page, 'ar', 'a refused key', { data: [...data, 'https://id.example.org', 'Office', edKey] });
      await expectFits(page, 'a refused key (ar)');
    } finally {
      await context.close();
    }
  });
});
