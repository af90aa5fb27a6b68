/**
 * The privacy notice in a real browser: reached from the footer of a portal, read in English, French and Arabic,
 * checked with axe, and readable on a phone without scrolling sideways.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { loadMessages } from '../../src/platform/i18n/catalogs.js';
import { expectAccessible } from '../support/accessibility.js';
import { expectTranslated } from '../support/translation.js';
import { launchChromium, overflowsSideways, signIn } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/harness.js';

// The realm allows sign-in redirects to this port (keycloak/realm.json).
const BROWSER_TEST_PORT = 3999;
const PHONE = { width: 375, height: 740 };

describe('the privacy notice', () => {
  let testApp: TestApp;
  let browser: Browser;
  const messages = loadMessages('locales');
  const en = messages.translatorFor('en');
  const fr = messages.translatorFor('fr');
  const ar = messages.translatorFor('ar');
  beforeAll(async () => {
    testApp = await startTestApp({ port: BROWSER_TEST_PORT });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it("opens from the Self-Service Portal's footer, in English and then in French, on a phone", async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-GB' });
    const page = await context.newPage();
    try {
      await signIn(page, testApp.url, 'amina', '/ssp');
      await page
        .getByRole('contentinfo')
        .getByRole('link', { name: en('layout.footer.privacy') })
        .click();
      await page.waitForURL(`${testApp.url}/privacy`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(en('privacy.heading'));
      await expect(page.getByRole('heading', { level: 2, name: en('privacy.rights.heading') }).isVisible()).resolves.toBe(true);
      expect(await overflowsSideways(page)).toBe(false);
      await expectAccessible(page, 'the privacy notice in English at 375 px');

      await page.getByRole('button', { name: 'Français' }).click();
      await page.locator('html[lang="fr"]').waitFor({ state: 'attached' });
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(fr('privacy.heading'));
      expect(await overflowsSideways(page)).toBe(false);
      await expectAccessible(page, 'the privacy notice in French at 375 px');
      await expectTranslated(page, 'fr', 'the privacy notice', { data: ['Amina Yusuf', 'applicant', 'PostgreSQL', 'OpenSearch'] });
    } finally {
      await context.close();
    }
  });

  it('is open to a person who has not signed in, from the footer of the home page, and reads right to left in Arabic', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'fr-FR' });
    const page = await context.newPage();
    try {
      await page.goto(`${testApp.url}/`);
      await page
        .getByRole('contentinfo')
        .getByRole('link', { name: fr('layout.footer.privacy') })
        .click();
      await page.waitForURL(`${testApp.url}/privacy`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(fr('privacy.heading'));
      expect(await overflowsSideways(page)).toBe(false);
      await expectAccessible(page, 'the privacy notice in French, signed out, at 375 px');

      await page.getByRole('button', { name: 'العربية' }).click();
      await page.locator('html[lang="ar"]').waitFor({ state: 'attached' });
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(ar('privacy.heading'));
      expect(await overflowsSideways(page)).toBe(false);
      await expectAccessible(page, 'the privacy notice in Arabic, signed out, at 375 px');
      await expectTranslated(page, 'ar', 'the privacy notice', { data: ['PostgreSQL', 'OpenSearch'] });
    } finally {
      await context.close();
    }
  });
});
