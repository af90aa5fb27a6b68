/**
 * The first-stage officer's signal of an ID refused as linked to another account, on the application's page in
 * Chromium: nadia tried amina's ID before linking her own, and applied. samuel (first stage) reads that she tried,
 * and when, with nothing of the ID or of amina; sena (second stage) sees the application without it; joy, not
 * designated, cannot open it. axe on each state, and nothing wider than a phone. On a database of its own: it links
 * demo applicants to IDs.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Browser } from 'playwright-core';
import { expectAccessible } from '../support/accessibility.js';
import { launchChromium, overflowsSideways, signIn } from '../support/browser.js';
import { applicationFor, createProgram } from '../support/fixtures.js';
import type { TestApp } from '../support/harness.js';
import { generateIdSigningKey, signIdCard } from '../support/id-qr-codes.js';
import { startTestAppOnOwnDatabase } from '../support/own-database.js';
import { tokenFor } from '../support/tokens.js';

// Another run may hold 3999 at the same time: BROWSER_TEST_PORT picks another loopback port.
const BROWSER_TEST_PORT = Number(process.env.BROWSER_TEST_PORT ?? 3999);
const PHONE = { width: 375, height: 740 };
const ISSUER = 'https://id.example.gov';
const TRIED = /^This applicant tried to link an ID already linked to another registrant’s account, on .*2\d{3}.*\.$/;

describe('the signal of an ID refused as linked to another account, on the officer page', () => {
  let testApp: TestApp;
  let browser: Browser;
  let applicationId: string;
  const key = generateIdSigningKey('EdDSA');
  const card = (id: string, firstName: string, lastName: string, dateOfBirth: string) =>
    signIdCard({ issuer: ISSUER, key, claims: { id, firstName, lastName, dateOfBirth, gender: 2 } });

  beforeAll(async () => {
    testApp = await startTestAppOnOwnDatabase('idlinksignale2e', { port: BROWSER_TEST_PORT });
    browser = await launchChromium();
    const as = async (user: string) => `Bearer ${await tokenFor(user)}`;
    const api = () => request(testApp.app);
    const trusted = await api()
      .post('/api/v1/id-issuers')
      .set('authorization', await as('maria'))
      .send({ issuer: ISSUER, name: 'National ID office', keys: [{ algorithm: 'EdDSA', publicKeyHex: key.publicKeyHex }] });
    if (trusted.status !== 201) throw new Error(`issuer not added: ${trusted.status}`);
    const verify = async (user: string, text: string) =>
      (
        await api()
          .post('/api/v1/me/id-verification')
          .set('authorization', await as(user))
          .send({ text })
      ).status;
    if ((await verify('amina', card('NID-1001', 'Amina', 'Yusuf', '19900214'))) !== 200) throw new Error('amina not linked');
    if ((await verify('nadia', card('NID-1001', 'Amina', 'Yusuf', '19900214'))) !== 409) throw new Error('nadia not refused');
    if ((await verify('nadia', card('NID-7001', 'Nadia', 'Haddad', '19880704'))) !== 200) throw new Error('nadia not linked');
    const program = await createProgram(testApp.app);
    const submitted = await api()
      .post('/api/v1/applications')
      .set('authorization', await as('nadia'))
      .send(
        applicationFor(program.id, {
          applicant: { givenName: 'Nadia', familyName: 'Haddad', gender: 'female', birthDate: '1988-07-04', address: { region: 'Coast' } },
          familyMembers: [],
        }),
      );
    if (submitted.status !== 201) throw new Error(`not submitted: ${submitted.status} ${JSON.stringify(submitted.body)}`);
    applicationId = submitted.body.id as string;
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('shows the first-stage officer that the applicant tried, and when, and nothing of the ID or the other account', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    try {
      const address = `/officer/applications/${applicationId}`;
      await signIn(page, testApp.url, 'samuel', address);
      await page.goto(`${testApp.url}${address}`);
      const signal = page.getByTestId('signals').getByTestId('signal').filter({ hasText: 'tried to link an ID' });
      await expect(signal.locator('h3').innerText()).resolves.toBe('The applicant tried to link an ID already linked to another account');
      const evidence = await signal.getByTestId('signal-evidence').locator('li').allInnerTexts();
      expect(evidence).toHaveLength(1);
      expect(evidence[0]).toMatch(TRIED);
      await expect(signal.getByTestId('review-form').count()).resolves.toBe(1);
      const text = await page.locator('main').innerText();
      expect(text).not.toContain('NID-1001');
      expect(text).not.toMatch(/Amina|Yusuf/);
      await expectAccessible(page, 'the application page with the refused-link signal (375 px)');
      await expect(overflowsSideways(page)).resolves.toBe(false);
    } finally {
      await context.close();
    }
  });

  it('does not show it to the officer of a later stage, and an officer not designated cannot open the application', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    try {
      const address = `/officer/applications/${applicationId}`;
      await signIn(page, testApp.url, 'sena', address);
      const response = await page.goto(`${testApp.url}${address}`);
      expect(response?.status()).toBe(200);
      await page.getByTestId('signals').waitFor();
      await expect(page.getByTestId('signals').innerText()).resolves.not.toContain('tried to link an ID');
      await expectAccessible(page, 'the application page of the second-stage officer (375 px)');
    } finally {
      await context.close();
    }
    const other = await browser.newContext({ viewport: PHONE });
    const joy = await other.newPage();
    try {
      const address = `/officer/applications/${applicationId}`;
      await signIn(joy, testApp.url, 'joy', '/officer');
      const response = await joy.goto(`${testApp.url}${address}`);
      expect(response?.status()).toBe(404);
      await expect(joy.locator('main').innerText()).resolves.not.toContain('tried to link an ID');
      await expectAccessible(joy, 'the application refused to an officer not designated (375 px)');
    } finally {
      await other.close();
    }
  });
});
