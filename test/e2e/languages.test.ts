/**
 * The language switch in a real browser: Arabic at 375 px laid out right to left with nothing overflowing,
 * French, each checked with axe, and a signed-in person's choice remembered at their next sign-in.
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

describe('reading the pages in French and in Arabic', () => {
  let testApp: TestApp;
  let browser: Browser;
  const messages = loadMessages('locales');
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

  it('shows a phone in Arabic right to left, mirrored, nothing wider than the screen', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'ar-EG' });
    const page = await context.newPage();
    try {
      await page.goto(`${testApp.url}/`);
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(ar('home.anonymous.heading'));
      // Mirrored: the site's name starts at the right edge, where a left-to-right page has it on the left.
      const brand = await page.getByRole('link', { name: ar('site.name') }).boundingBox();
      expect(brand).not.toBeNull();
      if (brand) expect(brand.x + brand.width).toBeGreaterThan(PHONE.width - 40);
      expect(await overflowsSideways(page)).toBe(false);
      await expectAccessible(page, 'the home page in Arabic at 375 px');
      await expectTranslated(page, 'ar', 'the home page');
      await page.goto(`${testApp.url}/problems`);
      expect(await overflowsSideways(page)).toBe(false);
      await expectAccessible(page, 'the error types in Arabic at 375 px');
      await expectTranslated(page, 'ar', 'the error types');
    } finally {
      await context.close();
    }
  });

  it('switches a signed-out page to French and keeps it on the next page', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-GB' });
    const page = await context.newPage();
    try {
      await page.goto(`${testApp.url}/problems`);
      await page.getByRole('button', { name: 'Français' }).click();
      await page.waitForURL(`${testApp.url}/problems`);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(fr('problems.heading'));
      await expectAccessible(page, 'the error types in French');
      await expectTranslated(page, 'fr', 'the error types');
      await page.goto(`${testApp.url}/`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(fr('home.anonymous.heading'));
    } finally {
      await context.close();
    }
  });

  it("remembers a signed-in person's choice at their next sign-in, in another browser", async () => {
    const first = await browser.newContext({ viewport: PHONE, locale: 'en-GB' });
    try {
      const page = await first.newPage();
      await signIn(page, testApp.url, 'ana', '/', { language: null });
      // The choice posts a form and comes back to the same address, so wait for the new page itself.
      await page.getByRole('button', { name: 'العربية' }).click();
      await page.locator('html[dir="rtl"]').waitFor({ state: 'attached' });
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ar');
      await expectAccessible(page, 'the home page in Arabic, signed in');
      await expectTranslated(page, 'ar', 'the home page, signed in', { data: ['Ana'] });
    } finally {
      await first.close();
    }
    // A new browser (no cookie) asking for English: the saved choice wins once signed in.
    const second = await browser.newContext({ viewport: PHONE, locale: 'en-GB' });
    try {
      const page = await second.newPage();
      await page.goto(`${testApp.url}/`);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
      await page.goto(`${testApp.url}/auth/login?returnTo=%2F`);
      await page.locator('input[name="username"]').fill('ana');
      await page.locator('input[name="password"]').fill('demo');
      await page.locator('input[name="password"]').press('Enter');
      await page.waitForURL(`${testApp.url}/`);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ar');
      await expect(page.getByRole('button', { name: ar('layout.signOut') }).isVisible()).resolves.toBe(true);
    } finally {
      await second.close();
    }
  });
});
