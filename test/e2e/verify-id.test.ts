/**
 * "Verify your ID" in a real browser, on a database of the file's own (it links nadia, whose token carries no
 * national ID, to an ID): she starts an application, is asked to verify her ID first, uploads a photo of its QR code
 * (read on the page by jsQR), sees her verified details, and the application's steps show them pre-filled and
 * locked; she applies, and the application holds the ID's values. axe checks every state, at 375 px.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import QRCode from 'qrcode';
import request from 'supertest';
import { loadMessages } from '../../src/platform/i18n/catalogs.js';
import { expectAccessible } from '../support/accessibility.js';
import { launchChromium, overflowsSideways, signIn } from '../support/browser.js';
import { createProgram, type ProgramFixture } from '../support/fixtures.js';
import type { TestApp } from '../support/harness.js';
import { generateIdCredentialKey, idCredentialQr, signIdCredential } from '../support/id-credentials.js';
import { generateIdSigningKey, signIdCard } from '../support/id-qr-codes.js';
import { startTestAppOnOwnDatabase } from '../support/own-database.js';
import { tokenFor } from '../support/tokens.js';

const BROWSER_TEST_PORT = Number(process.env.BROWSER_TEST_PORT ?? 3999);
const PHONE = { width: 375, height: 740 };
const ISSUER = 'https://id.example.gov';

describe('verifying my ID before applying', () => {
  let testApp: TestApp;
  let browser: Browser;
  let program: ProgramFixture;
  let idPhoto = '';
  let idText = '';
  let untrustedPhoto = '';
  let credentialPhoto = '';
  const en = loadMessages('locales').translatorFor('en');

  beforeAll(async () => {
    testApp = await startTestAppOnOwnDatabase('verify_id_e2e', { port: BROWSER_TEST_PORT });
    browser = await launchChromium();
    program = await createProgram(testApp.app, { name: 'A verified-ID program' });
    const key = generateIdSigningKey('EdDSA');
    const trusted = await request(testApp.app)
      .post('/api/v1/id-issuers')
      .set('Authorization', `Bearer ${await tokenFor('maria')}`)
      .send({ issuer: ISSUER, name: 'National ID office', keys: [{ algorithm: 'EdDSA', publicKeyHex: key.publicKeyHex }] });
    if (trusted.status !== 201) throw new Error(`no trusted issuer: ${trusted.status}`);
    idText = signIdCard({
      issuer: ISSUER,
      key,
      claims: { id: 'NID-8080', firstName: 'Nadia', lastName: 'Haddad', dateOfBirth: '19880704', gender: 2, address: '4 Cedar Lane' },
    });
    const folder = mkdtempSync(join(tmpdir(), 'id-qr-'));
    idPhoto = join(folder, 'id-card.png');
    writeFileSync(idPhoto, await QRCode.toBuffer(idText, { errorCorrectionLevel: 'M', scale: 6, margin: 4 }));
    // The same person's card from an issuer the program does not trust: it decodes on the phone, the server refuses it.
    const untrusted = signIdCard({
      issuer: 'https://elsewhere.example',
      key: generateIdSigningKey('EdDSA'),
      claims: { id: 'NID-8080', firstName: 'Nadia', lastName: 'Haddad', gender: 2 },
    });
    untrustedPhoto = join(folder, 'untrusted-card.png');
    writeFileSync(untrustedPhoto, await QRCode.toBuffer(untrusted, { errorCorrectionLevel: 'M', scale: 6, margin: 4 }));
    // An identity card credential (W3C VC, VC1-R CBOR-LD) of an issuer trusted by its did:key, for amina's ID.
    const credentialKey = await generateIdCredentialKey();
    const trustedVc = await request(testApp.app)
      .post('/api/v1/id-issuers')
      .set('Authorization', `Bearer ${await tokenFor('maria')}`)
      .send({
        issuer: credentialKey.did,
        name: 'ID credentials office',
        keys: [{ algorithm: 'EdDSA', publicKeyHex: credentialKey.publicKeyHex }],
      });
    if (trustedVc.status !== 201) throw new Error(`no trusted credential issuer: ${trustedVc.status}`);
    const credential = await signIdCredential({
      key: credentialKey,
      subject: { idNumber: 'NID-1001', givenName: 'Amina', familyName: 'Yusuf', birthDate: '1990-02-11', gender: 'female' },
    });
    credentialPhoto = join(folder, 'id-credential.png');
    writeFileSync(
      credentialPhoto,
      await QRCode.toBuffer(await idCredentialQr(credential), { errorCorrectionLevel: 'M', scale: 6, margin: 4 }),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  async function check(page: Page, state: string): Promise<void> {
    expect(await overflowsSideways(page)).toBe(false);
    await expectAccessible(page, `${state}, at 375 px`);
  }

  async function saveAndContinue(page: Page, next: string): Promise<void> {
    await page.getByRole('button', { name: en('ssp.actions.saveAndContinue') }).click();
    await page.waitForURL(new RegExp(`/${next}$`));
  }

  it('reads the photo of the ID on the page, pre-fills and locks the verified fields, and applies', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-GB' });
    const page = await context.newPage();
    try {
      await signIn(page, testApp.url, 'nadia', '/ssp');
      await page.goto(`${testApp.url}/ssp`);
      await page.getByTestId('no-national-id').waitFor();
      await check(page, 'the portal of an applicant without a verified ID');
      await page.goto(`${testApp.url}/ssp/programs/${program.id}`);
      await page.getByTestId('no-national-id').waitFor();
      await page.locator(`form[action="/ssp/programs/${program.id}/apply"] button`).first().click();
      await page.waitForURL(new RegExp(`/ssp/verify-id\\?program=${program.id}$`));
      await page.getByRole('heading', { level: 1, name: en('ssp.verifyId.title') }).waitFor();
      await check(page, 'the verify-your-ID page');

      // Read and decoded on the phone: shown before anything is sent; the server still checks it.
      await page.getByLabel(en('scanner.photo.label')).setInputFiles(untrustedPhoto);
      await page.getByTestId('id-preview').waitFor();
      await expect(page.getByTestId('id-preview-number').textContent()).resolves.toBe('NID-8080');
      await check(page, 'the preview of an ID read on the phone');
      await page.getByTestId('id-preview-send').click();
      await page.getByTestId('verify-id-error').waitFor();
      await expect(page.getByTestId('verify-id-error').textContent()).resolves.toContain(en('problem.ERR_ID_QR_ISSUER_UNTRUSTED.title'));
      await check(page, 'an ID the server refused after the preview');

      await page.getByLabel(en('scanner.photo.label')).setInputFiles(idPhoto);
      await page.getByTestId('id-preview').waitFor();
      const preview = page.getByTestId('id-preview');
      for (const value of ['NID-8080', 'Nadia', 'Haddad', '1988-07-04', 'Female', '4 Cedar Lane']) {
        await preview.getByText(value, { exact: true }).waitFor();
      }
      // Focus moves to what the ID says; the keyboard reaches "Send to check" next and sends it.
      await expect(page.evaluate('document.activeElement && document.activeElement.id')).resolves.toBe('preview-heading');
      await page.keyboard.press('Tab');
      await expect(page.evaluate("document.activeElement && document.activeElement.getAttribute('data-testid')")).resolves.toBe(
        'id-preview-send',
      );
      await page.keyboard.press('Enter');
      await page.getByTestId('verified-id').waitFor();
      await expect(page.getByTestId('verified-id-number').textContent()).resolves.toBe('NID-8080');
      await check(page, 'the verified ID');

      await page.getByRole('button', { name: en('ssp.verifyId.continue') }).click();
      await page.waitForURL(/\/ssp\/drafts\/[0-9a-f-]{36}\/treatment$/);
      await page.getByLabel('Type of treatment').selectOption({ label: 'Urgent surgery' });
      await page.getByLabel('What treatment is needed?').fill('Appendectomy after admission through the emergency ward.');
      await page.getByLabel('Estimated cost').fill('900');
      await page.getByLabel('Hospital or clinic').fill('County Referral Hospital');
      await saveAndContinue(page, 'person');

      // The ID's fields: shown, marked verified, and no field to type in.
      for (const [name, value] of [
        ['givenName', 'Nadia'],
        ['familyName', 'Haddad'],
        ['birthDate', '1988-07-04'],
        ['gender', 'Female'],
      ]) {
        const locked = page.locator(`[data-locked="${name}"]`);
        await expect(locked.locator('.readonly').textContent()).resolves.toBe(value);
        await expect(locked.getByText(en('ssp.verifiedById.hint')).isVisible()).resolves.toBe(true);
        await expect(page.locator(`input[name="${name}"], select[name="${name}"]`).count()).resolves.toBe(0);
      }
      await check(page, 'the person step with the verified fields locked');
      await page.getByLabel('Phone number').fill('+254 700 000009');
      await saveAndContinue(page, 'address');
      await expect(page.locator('[data-locked="line"] .readonly').textContent()).resolves.toBe('4 Cedar Lane');
      await page.getByLabel('Region').fill('Coast');
      await check(page, 'the address step with the verified line locked');
      await saveAndContinue(page, 'family');
      await saveAndContinue(page, 'documents');
      await saveAndContinue(page, 'review');
      await page.getByRole('button', { name: 'Send application' }).click();
      await page.waitForURL(/\/ssp\/applications\/[0-9a-f-]{36}\?submitted=1$/);
      await check(page, 'the application sent');

      const applicationId = /applications\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
      const sent = await request(testApp.app)
        .get(`/api/v1/applications/${applicationId}`)
        .set('Authorization', `Bearer ${await tokenFor('nadia')}`);
      expect(sent.body.applicant).toMatchObject({
        idValue: 'NID-8080',
        givenName: 'Nadia',
        familyName: 'Haddad',
        birthDate: '1988-07-04',
        gender: 'female',
        address: { region: 'Coast', line: '4 Cedar Lane' },
        verifiedById: ['givenName', 'familyName', 'birthDate', 'gender', 'address'],
      });
    } finally {
      await context.close();
    }
  });

  it('verifies an identity card credential (W3C VC) read from a photo, through the same page', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-GB' });
    const page = await context.newPage();
    try {
      await signIn(page, testApp.url, 'amina', '/ssp');
      await page.goto(`${testApp.url}/ssp/verify-id`);
      await page.getByLabel(en('scanner.photo.label')).setInputFiles(credentialPhoto);
      await page.getByTestId('verified-id').waitFor();
      await expect(page.getByTestId('verified-id-number').textContent()).resolves.toBe('NID-1001');
      await expect(page.getByTestId('verified-id').textContent()).resolves.toContain('Yusuf');
      await check(page, 'the ID verified from a credential');
    } finally {
      await context.close();
    }
  });

  it('still works without JavaScript: the code pasted in the plain form is checked on the server', async () => {
    const signing = await browser.newContext({ viewport: PHONE, locale: 'en-GB' });
    const signingPage = await signing.newPage();
    await signIn(signingPage, testApp.url, 'nadia', '/ssp');
    const signedIn = await signing.storageState();
    await signing.close();
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-GB', storageState: signedIn, javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${testApp.url}/ssp/verify-id`);
      await expect(page.getByTestId('id-preview').isVisible()).resolves.toBe(false);
      await page.getByLabel(en('ssp.verifyId.code.label')).fill(idText);
      await page.getByRole('button', { name: en('ssp.verifyId.submit') }).click();
      await page.getByTestId('verified-id').waitFor();
      await expect(page.getByTestId('verified-id-number').textContent()).resolves.toBe('NID-8080');
    } finally {
      await context.close();
    }
  });

  it('shows the preview in Arabic, right to left, with the gender in the page language', async () => {
    const ar = loadMessages('locales').translatorFor('ar');
    const context = await browser.newContext({ viewport: PHONE, locale: 'ar' });
    const page = await context.newPage();
    try {
      await signIn(page, testApp.url, 'nadia', '/ssp', { language: 'ar' });
      await page.goto(`${testApp.url}/ssp/verify-id`);
      await page.getByLabel(ar('scanner.photo.label')).setInputFiles(idPhoto);
      const preview = page.getByTestId('id-preview');
      await preview.getByRole('heading', { name: ar('ssp.verifyId.preview.heading') }).waitFor();
      await preview.getByText(ar('ssp.gender.female'), { exact: true }).waitFor();
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
      await check(page, 'the preview of an ID, in Arabic');
    } finally {
      await context.close();
    }
  });
});
