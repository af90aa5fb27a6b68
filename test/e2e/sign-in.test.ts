/**
 * A person signs in through the real login page (Keycloak's or the development provider's) in
 * Chromium, sees their name and roles, and signs out.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { tokenFor } from '../support/tokens.js';
import { launchChromium, signIn } from '../support/browser.js';
import { expectAccessible } from '../support/accessibility.js';
import { readTestEnvironment } from '../support/environment.js';
import { selectRows } from '../../src/platform/db/sql.js';

// The realm allows sign-in redirects to this port (keycloak/realm.json).
const BROWSER_TEST_PORT = 3999;
const PHONE = { width: 375, height: 740 };
// The development provider's pages are ours and are checked too; Keycloak's are not.
const OWN_PROVIDER = readTestEnvironment().identityBackend === 'development';

describe('signing in on the pages', () => {
  let testApp: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    testApp = await startTestApp({ port: BROWSER_TEST_PORT });
    browser = await launchChromium();
    // This test reads the pages' English words; another test file may have saved Amina's language.
    await request(testApp.app)
      .put('/api/v1/me/preferences')
      .set('Authorization', `Bearer ${await tokenFor('amina')}`)
      .send({ language: 'en', contactChannel: 'email' })
      .expect(200);
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('signs in a demo applicant who then sees their name and role, and signs out', async () => {
    const page = await browser.newPage();
    await page.goto(`${testApp.url}/`);
    await expectAccessible(page, 'the home page, signed out');
    await page.getByRole('link', { name: 'Sign in' }).first().click();
    await page.locator('input[name="username"]').waitFor();
    if (OWN_PROVIDER) await expectAccessible(page, "the development provider's sign-in page");
    await page.locator('input[name="username"]').fill('amina');
    await page.locator('input[name="password"]').fill('demo');
    await page.locator('input[name="password"]').press('Enter');
    await page.waitForURL(`${testApp.url}/`);
    await expect(page.getByTestId('signed-in-user').textContent()).resolves.toBe('Amina Yusuf');
    await expect(page.getByTestId('signed-in-roles').innerText()).resolves.toContain('applicant');
    await expect(page.getByRole('link', { name: 'Self-Service Portal' }).isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'the home page, signed in as an applicant');

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
    await expectAccessible(page, 'the home page after signing out');
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
    if (OWN_PROVIDER) await expectAccessible(page, "the development provider's sign-in page with an error");
    await page.close();
  });

  it('renders the API reference from the spec, accessible on a desktop and a phone, with no console error', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${testApp.url}/docs`);
    await page.getByText('/portals/{portal}').first().waitFor();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toContain('Immediate Assistance on Demand API');
    // Each operation says who may call it, and links the schemas it answers with.
    const getPortal = page.locator('#op-getPortal').locator('xpath=ancestor::article');
    await expect(getPortal.innerText()).resolves.toContain('Any signed-in user.');
    await getPortal.getByRole('link', { name: 'Portal', exact: true }).first().click();
    await page.waitForURL(/#schema-Portal$/);
    await expect(page.locator('#schema-Portal').isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'the API reference (1280 px)');
    await page.setViewportSize(PHONE);
    await expectAccessible(page, 'the API reference (375 px)');
    await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(PHONE.width);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers a skip link as the first tab stop on every kind of page, shown when focused, that moves to the main content', async () => {
    const page = await browser.newPage();
    for (const address of ['/', '/docs', '/problems', '/no-such-page']) {
      await page.goto(`${testApp.url}${address}`);
      const skip = page.getByRole('link', { name: 'Skip to main content' });
      await expect(skip.boundingBox().then((box) => (box?.y ?? 0) + (box?.height ?? 0))).resolves.toBeLessThanOrEqual(0);
      await page.keyboard.press('Tab');
      await expect(skip.evaluate((link) => link === link.ownerDocument.activeElement)).resolves.toBe(true);
      // Visible while focused: inside the viewport, not clipped away.
      const box = await skip.boundingBox();
      expect(box?.y).toBeGreaterThanOrEqual(0);
      expect(box?.height).toBeGreaterThan(20);
      await page.keyboard.press('Enter');
      await expect(page.evaluate('document.activeElement.id')).resolves.toBe('main');
      await page.keyboard.press('Tab');
      const next = await page.evaluate('document.activeElement.closest("main") !== null');
      expect(next).toBe(true);
    }
    await page.close();
  });

  it("leads each officer from their portal's card to its pages, the analyst's and the auditor's too", async () => {
    const notFound: string[] = [];
    const analyst = await browser.newPage();
    analyst.on('response', (response) => {
      if (response.status() === 404) notFound.push(response.url());
    });
    await signIn(analyst, testApp.url, 'ana');
    await analyst.getByTestId('portal').getByRole('link', { name: 'Dashboards' }).click();
    await analyst.waitForURL(`${testApp.url}/dashboards`);
    await expect(analyst.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Program dashboards');
    await expectAccessible(analyst, 'the dashboards, reached from the home page');
    await analyst.close();
    const auditor = await browser.newPage();
    await signIn(auditor, testApp.url, 'otto');
    await auditor.getByTestId('portal').getByRole('link', { name: 'Audit trail' }).click();
    await auditor.waitForURL(`${testApp.url}/audit`);
    await auditor.close();
    expect(notFound).toEqual([]);

    // An applicant's and a manager's portals are open: their cards are links, and lead to pages.
    const manager = await browser.newPage();
    await signIn(manager, testApp.url, 'maria');
    await manager.getByTestId('portal').getByRole('link', { name: 'Program administration' }).click();
    await manager.waitForURL(`${testApp.url}/admin`);
    await manager.close();
    const officer = await browser.newPage();
    await signIn(officer, testApp.url, 'samuel');
    await officer.getByTestId('portal').getByRole('link', { name: 'Officer work queue' }).click();
    await officer.waitForURL(`${testApp.url}/officer`);
    await officer.close();
    const issuer = await browser.newPage();
    await signIn(issuer, testApp.url, 'ivan');
    await issuer.getByTestId('portal').getByRole('link', { name: 'Voucher issuance' }).click();
    await issuer.waitForURL(`${testApp.url}/vouchers`);
    await issuer.close();
    const provider = await browser.newPage();
    await signIn(provider, testApp.url, 'clinic');
    await provider.getByTestId('portal').getByRole('link', { name: 'Service Provider Portal' }).click();
    await provider.waitForURL(`${testApp.url}/provider`);
    await provider.close();
    const claimsOfficer = await browser.newPage();
    await signIn(claimsOfficer, testApp.url, 'claire');
    await claimsOfficer.getByTestId('portal').getByRole('link', { name: 'Claims review' }).click();
    await claimsOfficer.waitForURL(`${testApp.url}/claims`);
    await claimsOfficer.close();
  });

  it('walks every kind of page with no console error: no refused inline style, no missing favicon', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
    });
    const favicons: number[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/favicon.ico') favicons.push(response.status());
    });
    await page.goto(`${testApp.url}/`);
    await signIn(page, testApp.url, 'amina', '/ssp');
    for (const address of ['/', '/ssp', '/ssp/applications', '/ssp/verify-id', '/docs', '/problems']) {
      await page.goto(`${testApp.url}${address}`);
      await page.waitForLoadState('load');
    }
    expect(errors).toEqual([]);
    const provider = await page.request.get(`${new URL(readTestEnvironment().issuer).origin}/favicon.ico`);
    if (OWN_PROVIDER) expect(provider.status()).toBe(200);
    const own = await page.request.get(`${testApp.url}/favicon.ico`);
    expect([own.status(), own.headers()['content-type']]).toEqual([200, 'image/x-icon']);
    expect(favicons.every((status) => status === 200 || status === 304)).toBe(true);
    await page.close();
  });
});
