/**
 * The auditor's portal in Chromium, on a phone-sized screen, as otto: an application's events found by entity,
 * the selection downloaded as CSV, the trail checked intact, and a reversed period refused in plain words with
 * what was typed kept. axe runs on every state reached; no page scrolls sideways at 375 px.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible } from '../support/accessibility.js';
import { launchChromium, overflowsSideways, signIn } from '../support/browser.js';
import { approveApplication, createProgram } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';

// The realm allows sign-in redirects to this port (keycloak/realm.json).
const BROWSER_TEST_PORT = 3999;
const PHONE = { width: 375, height: 740 };

describe('the audit trail in the browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let page: Page;
  let applicationId: string;

  beforeAll(async () => {
    testApp = await startTestApp({ port: BROWSER_TEST_PORT });
    browser = await launchChromium();
    applicationId = (await approveApplication(testApp.app, (await createProgram(testApp.app)).id)).id;
    page = await (await browser.newContext({ viewport: PHONE, acceptDownloads: true })).newPage();
    await signIn(page, testApp.url, 'otto', '/audit');
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  const search = async () => {
    const answer = page.waitForResponse((response) => response.url().includes('/audit?'));
    await page.getByRole('button', { name: 'Search' }).click();
    const status = (await answer).status();
    await page.waitForLoadState();
    return status;
  };

  it('finds an application’s events, exports them, checks the trail and refuses a reversed period', async () => {
    await page.goto(`${testApp.url}/audit`);
    await page.getByLabel('Entity type').fill('application');
    await page.getByLabel('Entity id').fill(applicationId);
    expect(await search()).toBe(200);
    const rows = page.getByTestId('audit-event');
    expect(await rows.count()).toBe(3);
    expect(await rows.first().textContent()).toContain('application.stage-decided');
    expect(await overflowsSideways(page)).toBe(false);
    await expectAccessible(page, 'audit trail: an application’s events');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(4);

    await page.getByLabel('From').fill('2026-03-10');
    await page.getByLabel('Until').fill('2026-03-01');
    expect(await search()).toBe(400);
    expect(await page.getByTestId('error-summary').textContent()).toContain('The end of the period is before its start');
    expect(await page.getByLabel('Entity id').inputValue()).toBe(applicationId);
    await expectAccessible(page, 'audit trail: a reversed period refused');

    await page.getByTestId('verify-link').click();
    await page.getByTestId('audit-verified').waitFor();
    expect(await page.getByTestId('audit-verified').textContent()).toContain('Intact');
    expect(await overflowsSideways(page)).toBe(false);
    await expectAccessible(page, 'audit trail: checked intact');
  });
});
