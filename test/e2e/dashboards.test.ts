/**
 * The dashboards in Chromium, on a phone-sized screen, as ana (analyst): the figures of a program counted by
 * hand (test/support/analytics-data.ts) in charts drawn by Chart.js and in the tables beside them, narrowed by a
 * filter, and a reversed period refused in plain words with what was typed kept. A claims officer is refused the
 * page. axe runs on every state reached; no page scrolls sideways at 375 px.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible } from '../support/accessibility.js';
import { launchChromium, overflowsSideways, signIn } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { makeDashboardData, type DashboardData } from '../support/analytics-data.js';

// The realm allows sign-in redirects to this port (keycloak/realm.json).
const BROWSER_TEST_PORT = 3999;
const PHONE = { width: 375, height: 740 };

describe('dashboards in the browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let page: Page;
  let data: DashboardData;
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    testApp = await startTestApp({ port: BROWSER_TEST_PORT });
    browser = await launchChromium();
    // A long name: the program filter must still fit a 375 px screen (the keyboard walk once found it did not).
    data = await makeDashboardData(testApp.app, {
      programName: 'AAA Dashboards (browser test) of urgent surgery and medical treatment for the coastal, inland and island regions',
    });
    page = await (await browser.newContext({ viewport: PHONE })).newPage();
    await signIn(page, testApp.url, 'ana', '/dashboards');
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  /** Sends the filters; resolves with the answer's status once the new page has loaded. */
  const showFigures = async () => {
    const answer = page.waitForResponse((response) => response.url().includes('/dashboards?'));
    await page.getByRole('button', { name: 'Show figures' }).click();
    const status = (await answer).status();
    await page.waitForLoadState();
    return status;
  };
  const cell = (table: string, row: string) =>
    page
      .getByTestId(table)
      .locator('tr')
      .filter({ has: page.locator('th', { hasText: row }) })
      .locator('td')
      .first();

  it('shows a program’s figures as charts and tables, narrows them, and refuses a reversed period in plain words', async () => {
    await page.goto(`${testApp.url}/dashboards`);
    await page.getByLabel('Program').selectOption(data.program.code);
    await page.getByLabel('Submitted from').fill(today);
    await page.getByLabel('Submitted until').fill(today);
    expect(await showFigures()).toBe(200);
    expect(await page.getByTestId('figures-source').textContent()).toContain('4 applications submitted');
    // Chart.js drew on every canvas of the page.
    await page.waitForFunction(() => {
      const chart = (globalThis as unknown as { Chart?: { getChart(id: string): unknown } }).Chart;
      return chart !== undefined && chart.getChart('chart-funnel') !== undefined && chart.getChart('chart-perDay') !== undefined;
    });
    await page.getByText('Show the figures of “How far applications got” as a table').click();
    expect(await cell('table-funnel', 'Submitted').textContent()).toBe('4');
    expect(await cell('table-funnel', 'Provider reimbursed').textContent()).toBe('1');
    expect(await page.getByTestId('table-pending').textContent()).toMatch(/USD\s300/);
    expect(await overflowsSideways(page)).toBe(false);
    await expectAccessible(page, 'dashboards with a program’s figures, one table open');

    await page.getByLabel('Gender').selectOption('male');
    expect(await showFigures()).toBe(200);
    expect(await page.getByTestId('figures-source').textContent()).toContain('2 applications submitted');
    await page.getByText('Show the figures of “Reasons for rejection” as a table').click();
    expect(await cell('table-reasons', 'incomplete').textContent()).toBe('1');

    await page.getByLabel('Submitted from').fill('2026-03-10');
    await page.getByLabel('Submitted until').fill('2026-03-01');
    expect(await showFigures()).toBe(400);
    expect(await page.getByTestId('error-summary').textContent()).toContain('The end of the period is before its start');
    expect(await page.getByLabel('Submitted until').inputValue()).toBe('2026-03-01');
    expect(await page.getByLabel('Gender').inputValue()).toBe('male');
    expect(await overflowsSideways(page)).toBe(false);
    await expectAccessible(page, 'dashboards with a reversed period refused');
  });

  it('is not for a claims officer', async () => {
    const other = await (await browser.newContext({ viewport: PHONE })).newPage();
    await signIn(other, testApp.url, 'claire', '/');
    const response = await other.goto(`${testApp.url}/dashboards`);
    expect(response?.status()).toBe(403);
    await expectAccessible(other, 'dashboards refused to a claims officer');
  });
});
