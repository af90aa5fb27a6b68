/**
 * "Download my data" in a real browser: amina reaches the link on the Self-Service Portal with the keyboard
 * alone, on a phone, and gets one ZIP archive whose person.json names her; axe checks each state of the page.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { loadMessages } from '../../src/platform/i18n/catalogs.js';
import { expectAccessible, tabTo } from '../support/accessibility.js';
import { launchChromium, overflowsSideways, signIn } from '../support/browser.js';
import { applicationFor, createProgram } from '../support/fixtures.js';
import { createDatabaseIfMissing, dropDatabase } from '../../src/platform/db/embedded-postgres.js';
import { readTestEnvironment } from '../support/environment.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { tokenFor } from '../support/tokens.js';

// Another run may hold 3999 at the same time: BROWSER_TEST_PORT picks another loopback port.
const BROWSER_TEST_PORT = Number(process.env.BROWSER_TEST_PORT ?? 3999);
const PHONE = { width: 375, height: 740 };

describe('downloading my data from the Self-Service Portal', () => {
  // A database of the file's own: documents other files uploaded for amina live in folders this app cannot read.
  const database = `iaod_export_e2e_${Date.now()}_${process.pid}`;
  const adminUrl = Object.assign(new URL(readTestEnvironment().databaseUrl), { pathname: '/postgres' }).href;
  let testApp: TestApp;
  let browser: Browser;
  let applicationId = '';
  const messages = loadMessages('locales');
  const en = messages.translatorFor('en');
  const fr = messages.translatorFor('fr');

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
      .send(applicationFor(program.id));
    if (submitted.status !== 201) throw new Error(`not submitted: ${submitted.status} ${JSON.stringify(submitted.body)}`);
    applicationId = submitted.body.id as string;
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
    await dropDatabase(adminUrl, database);
  });

  it('lets amina reach "Download my data" with the keyboard on a phone and gives her a ZIP whose person.json names her', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-GB', acceptDownloads: true });
    const page = await context.newPage();
    try {
      await signIn(page, testApp.url, 'amina', '/ssp');
      await page.goto(`${testApp.url}/ssp`);
      const section = page.getByRole('region', { name: en('ssp.home.myData') });
      await expect(section.getByText(en('ssp.home.myDataExplained')).isVisible()).resolves.toBe(true);
      expect(await overflowsSideways(page)).toBe(false);
      await expectAccessible(page, 'the Self-Service Portal with "Download my data", at 375 px');

      const link = section.getByRole('link', { name: en('ssp.home.downloadMyData') });
      await tabTo(page, link);
      const downloading = page.waitForEvent('download');
      await page.keyboard.press('Enter');
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.zip$/);
      const archive = await readFile(await download.path());
      const files = unzipSync(new Uint8Array(archive));
      const person = JSON.parse(strFromU8(files['person.json'] as Uint8Array)) as {
        account: { displayName: string };
        registrant: { givenName: string; familyName: string } | null;
        applications: Array<{ id: string }>;
      };
      expect(person.account.displayName).toBe('Amina Yusuf');
      expect(person.registrant).toMatchObject({ givenName: 'Amina', familyName: 'Yusuf' });
      expect(person.applications.map((application) => application.id)).toContain(applicationId);

      // The download leaves her where she was, the link still focused.
      expect(page.url()).toBe(`${testApp.url}/ssp`);
      await expect(link.evaluate((element) => element === element.ownerDocument.activeElement)).resolves.toBe(true);
      expect(await overflowsSideways(page)).toBe(false);
      await expectAccessible(page, 'the Self-Service Portal after the download, at 375 px');

      await page.getByRole('button', { name: 'Français' }).click();
      await page.locator('html[lang="fr"]').waitFor({ state: 'attached' });
      await expect(page.getByRole('link', { name: fr('ssp.home.downloadMyData') }).isVisible()).resolves.toBe(true);
      expect(await overflowsSideways(page)).toBe(false);
      await expectAccessible(page, 'the Self-Service Portal in French with "Télécharger mes données", at 375 px');
    } finally {
      await context.close();
    }
  });
});
