/**
 * The first-stage officer and a likely duplicate, in Chromium: the registrant of Amina's application and a
 * registrant of a name spelt otherwise, born the same day in the same region, shown side by side with what
 * matched and the score; dismissed without a reason (refused, the choice kept), then with one: recorded
 * with who and when, and the pair raised no more. In place with htmx, at 375 px, axe on each state.
 * On a database of this file's own: the run's shared one holds other files' registrants of the same names.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Browser, Locator } from 'playwright-core';
import { createDatabaseIfMissing, dropDatabase } from '../../src/platform/db/embedded-postgres.js';
import { expectAccessible } from '../support/accessibility.js';
import { launchChromium, overflowsSideways, signIn } from '../support/browser.js';
import { readTestEnvironment } from '../support/environment.js';
import { applicationFor, createProgram } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { expectSwapOutcome, markLiveRegion } from '../support/in-page-updates.js';
import { tokenFor } from '../support/tokens.js';

// Another run may hold 3999 at the same time: BROWSER_TEST_PORT picks another loopback port.
const BROWSER_TEST_PORT = Number(process.env.BROWSER_TEST_PORT ?? 3999);
const PHONE = { width: 375, height: 740 };

describe('the first-stage officer and a likely duplicate', () => {
  const database = `iaod_duplicates_e2e_${Date.now()}_${process.pid}`;
  const adminUrl = Object.assign(new URL(readTestEnvironment().databaseUrl), { pathname: '/postgres' }).href;
  let testApp: TestApp;
  let browser: Browser;
  let applicationId: string;

  beforeAll(async () => {
    await createDatabaseIfMissing(adminUrl, database);
    testApp = await startTestApp({
      port: BROWSER_TEST_PORT,
      env: { DATABASE_URL: Object.assign(new URL(adminUrl), { pathname: `/${database}` }).href },
    });
    browser = await launchChromium();
    const program = await createProgram(testApp.app);
    const submitted = await request(testApp.app)
      .post('/api/v1/applications')
      .set('Authorization', `Bearer ${await tokenFor('amina')}`)
      .send(applicationFor(program.id, { familyMembers: [] }));
    if (submitted.status !== 201) throw new Error(`not submitted: ${submitted.status} ${JSON.stringify(submitted.body)}`);
    applicationId = submitted.body.id as string;
    const enrolled = await request(testApp.app)
      .post('/api/v1/registrants')
      .set('Authorization', `Bearer ${await tokenFor('maria')}`)
      .send({
        idType: 'PASSPORT',
        idValue: 'A7654321',
        givenName: 'Aminah',
        familyName: 'Yusuf',
        gender: 'female',
        birthDate: '1990-02-14',
        address: { region: 'Coast' },
      });
    if (enrolled.status !== 201) throw new Error(`not enrolled: ${enrolled.status} ${JSON.stringify(enrolled.body)}`);
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
    await dropDatabase(adminUrl, database);
  });

  /** A message as a screen reader reads it: the visually hidden "Error:" first. */
  const spoken = (locator: Locator) => locator.evaluate((e) => e.textContent?.replace(/\s+/g, ' ').trim());

  it('compares the two records side by side and dismisses the match with a reason', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const address = `/officer/applications/${applicationId}`;
    await signIn(page, testApp.url, 'samuel', address);
    await page.goto(`${testApp.url}${address}`);

    const panel = page.getByTestId('duplicates');
    const candidate = panel.getByTestId('duplicate');
    await expect(candidate.count()).resolves.toBe(1);
    await expect(candidate.locator('h3').innerText()).resolves.toMatch(/^A probable match \(score 0\.\d\d\)$/);
    await expect(candidate.getByTestId('duplicate-matched-on').innerText()).resolves.toMatch(
      /^What matched: name, .*date of birth, region$/,
    );
    const tableRows = candidate.getByTestId('duplicate-comparison').locator('tbody tr');
    const rows: string[][] = [];
    for (let row = 0; row < (await tableRows.count()); row += 1) rows.push(await tableRows.nth(row).locator('th, td').allInnerTexts());
    expect(rows).toEqual([
      ['Record', 'Registrant', 'Registrant'],
      ['Given name', 'Amina', 'Aminah'],
      ['Family name', 'Yusuf', 'Yusuf'],
      ['Date of birth', expect.stringContaining('1990'), expect.stringContaining('1990')],
      ['Gender', 'Female', 'Female'],
      ['Region', 'Coast', 'Coast'],
      ['ID', 'National ID NID-1001', 'Passport A7654321'],
    ]);
    await expectAccessible(page, 'the application page with a likely duplicate');
    await page.setViewportSize(PHONE);
    await expect(overflowsSideways(page)).resolves.toBe(false);
    await expectAccessible(page, 'a likely duplicate at 375 px');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Dismissed without a reason: refused, the choice kept.
    await candidate.getByLabel('Not the same person: dismiss').check();
    await markLiveRegion(page);
    await candidate.getByRole('button', { name: 'Record Aminah Yusuf' }).click();
    await expectSwapOutcome(page, {
      announced: 'Write why the two records are not the same person.',
      focused: page.locator('#duplicates-errors'),
    });
    await expect(spoken(candidate.getByTestId('duplicate-reason-error'))).resolves.toBe(
      'Error: Write why the two records are not the same person.',
    );
    await expect(candidate.getByLabel('Not the same person: dismiss').isChecked()).resolves.toBe(true);
    await expectAccessible(page, 'a likely duplicate dismissed without a reason');

    // With the keyboard: the reason, then Tab to the button and Enter.
    await candidate.getByRole('textbox', { name: 'Reason' }).focus();
    await page.keyboard.type('Another mother on the birth certificate: two women of one name.');
    await markLiveRegion(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expectSwapOutcome(page, { announced: 'The match is dismissed.', focused: page.locator('#duplicates-heading') });
    await expect(panel.getByTestId('no-duplicates').innerText()).resolves.toBe('No likely duplicates were found in the registry.');
    const resolution = panel.getByTestId('duplicate-resolution');
    await expect(resolution.locator('p').first().innerText()).resolves.toMatch(/^Dismissed by Samuel Mensah on .+:$/);
    await expect(resolution.locator('p').nth(1).innerText()).resolves.toBe(
      '“Another mother on the birth certificate: two women of one name.”',
    );
    await expectAccessible(page, 'a likely duplicate dismissed');

    // The page read again shows the same.
    await page.reload();
    await expect(page.getByTestId('duplicate').count()).resolves.toBe(0);
    await expect(page.getByTestId('duplicate-resolution').count()).resolves.toBe(1);
    await context.close();
  });
});
