/**
 * A person signs in through the real login page (Keycloak's or the development provider's) in
 * Chromium, sees their name and roles, and signs out.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/harness.js';
import { launchChromium } from '../support/browser.js';
import { selectRows } from '../../src/platform/db/sql.js';

// The realm allows sign-in redirects to this port (keycloak/realm.json).
const BROWSER_TEST_PORT = 3999;

describe('signing in on the pages', () => {
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

  it('signs in a demo applicant who then sees their name and role, and signs out', async () => {
    const page = await browser.newPage();
    await page.goto(`${testApp.url}/`);
    await page.getByRole('link', { name: 'Sign in' }).first().click();
    await page.locator('input[name="username"]').fill('amina');
    await page.locator('input[name="password"]').fill('demo');
    await page.locator('input[name="password"]').press('Enter');
    await page.waitForURL(`${testApp.url}/`);
    await expect(page.getByTestId('signed-in-user').textContent()).resolves.toBe('Amina Yusuf');
    await expect(page.getByTestId('signed-in-roles').innerText()).resolves.toContain('applicant');
    await expect(page.getByRole('link', { name: 'Self-Service Portal' }).isVisible()).resolves.toBe(true);

    // A signed-in page is kept by no cache.
    const home = await page.goto(`${testApp.url}/`);
    expect(home?.headers()['cache-control']).toBe('no-store');

    const signOut = page.waitForResponse((response) => response.url() === `${testApp.url}/auth/logout`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    const signedOut = await signOut;
    // The browser drops the session cookie, and the provider is not handed the ID token in the URL.
    expect(await signedOut.headerValue('set-cookie')).toMatch(/^iaod\.sid=;.*Expires=Thu, 01 Jan 1970/);
    expect(new URL((await signedOut.headerValue('location')) ?? '').searchParams.has('id_token_hint')).toBe(false);
    expect(new URL((await signedOut.headerValue('location')) ?? '').searchParams.get('client_id')).toBe('iaod-web');
    // Keycloak asks to confirm a sign-out that comes without an ID token; the development provider does not.
    await page.waitForURL((url) => url.href === `${testApp.url}/` || /logout/.test(url.pathname));
    if (!page.url().startsWith(testApp.url)) await page.getByRole('button', { name: /log ?out|sign ?out|yes/i }).click();
    await page.waitForURL(`${testApp.url}/`);
    expect((await page.context().cookies(testApp.url)).map((cookie) => cookie.name)).not.toContain('iaod.sid');
    await expect(page.getByRole('link', { name: 'Sign in' }).first().isVisible()).resolves.toBe(true);
    await page.close();

    // Both are in the audit trail, on amina's own chain.
    const sessions = await selectRows<{ action: string }>(
      testApp.runtime.database.sequelize,
      "SELECT action FROM audit_events WHERE entity_type = 'user' AND actor_username = 'amina' AND action LIKE 'session.%' ORDER BY id",
    );
    expect(sessions.map((s) => s.action).slice(-2)).toEqual(['session.signed-in', 'session.signed-out']);
  });

  it('keeps a wrong password on the login page with an error', async () => {
    const page = await browser.newPage();
    await page.goto(`${testApp.url}/auth/login`);
    await page.locator('input[name="username"]').fill('amina');
    await page.locator('input[name="password"]').fill('not-the-password');
    await page.locator('input[name="password"]').press('Enter');
    await page.waitForLoadState();
    expect(page.url().startsWith(testApp.url)).toBe(false);
    await expect(
      page
        .getByText(/invalid|incorrect|wrong|not right/i)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await page.close();
  });

  it('renders the API reference from the spec', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${testApp.url}/docs`);
    await page.getByText('/portals/{portal}').first().waitFor();
    await expect(page.getByText('Immediate Assistance on Demand API').first().isVisible()).resolves.toBe(true);
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    await page.close();
  });
});
