/**
 * A person applies for help from a phone (375 px wide) in real Chromium after a real sign-in: the
 * whole apply flow on a draft, with family members added and removed in place, a document uploaded
 * with progress, the review and the submission, then the application in "My applications", and there the
 * outcome of its first stage once the social worker approves it.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { Socket } from 'node:net';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ERROR_CODES } from '../../src/platform/http/error-codes.js';
import { expectAccessible, measureFocusRing, tabTo } from '../support/accessibility.js';
import { launchChromium, overflowsSideways, signIn } from '../support/browser.js';
import { createProgram, type ProgramFixture } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { expectSwapOutcome, markLiveRegion } from '../support/in-page-updates.js';
import { streamUpload } from '../support/stream-upload.js';
import { tokenFor } from '../support/tokens.js';
import { waitUntil } from '../support/wait-until.js';

// The realm allows sign-in redirects to this port (keycloak/realm.json).
const BROWSER_TEST_PORT = 3999;
const PHONE = { width: 375, height: 740 };
// Small, so an over-cap upload stays small too.
const DOCUMENT_MAX_BYTES = 100_000;
const TINY_PDF = path.resolve('test/fixtures/documents/tiny.pdf');
const SCREENSHOTS = process.env.SSP_SCREENSHOT_DIR ?? '/tmp';
// Five hours behind UTC: an application sent in the UTC evening or night is dated a day apart.
const PROGRAM_TIME_ZONE = 'America/Lima';
const DATE_HINT = 'Type the day, month and year in the order the box shows them, or pick the date from the calendar.';

describe('applying for help on the Self-Service Portal', () => {
  let testApp: TestApp;
  let browser: Browser;
  let program: ProgramFixture;
  let signedIn: Awaited<ReturnType<BrowserContext['storageState']>>;

  async function signInAmina(): Promise<Awaited<ReturnType<BrowserContext['storageState']>>> {
    const context = await browser.newContext({ viewport: PHONE });
    try {
      await signIn(await context.newPage(), testApp.url, 'amina', '/ssp');
      return await context.storageState();
    } finally {
      await context.close();
    }
  }

  beforeAll(async () => {
    testApp = await startTestApp({ port: BROWSER_TEST_PORT, env: { DOCUMENT_MAX_BYTES: String(DOCUMENT_MAX_BYTES) } });
    browser = await launchChromium();
    // Named to sort first: the portal lists the first 50 open programs by name (see quotas.test.ts).
    program = await createProgram(testApp.app, { timeZone: PROGRAM_TIME_ZONE, name: 'Aa emergency surgery (test)' });
    // One real sign-in through the provider's login page; each test opens its own phone-sized context with it.
    signedIn = await signInAmina();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  /** What the browser console reported as errors (a CSP refusal of a script or style shows up here). */
  const consoleErrors: string[] = [];

  async function signedInPhone(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: PHONE, storageState: signedIn });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(`${testApp.url}/ssp`);
    await expect(page.getByTestId('signed-in-user').textContent()).resolves.toBe('Amina Yusuf');
    return { context, page };
  }

  const countDocuments = async (): Promise<number> =>
    (await testApp.runtime.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM documents')).rows[0]?.n ?? 0;

  /** Starts a new draft for the test's program from its own page in the portal; answers its id. */
  async function startApplication(page: Page): Promise<string> {
    await page.goto(`${testApp.url}/ssp/programs/${program.id}`);
    // "Apply" continues an open draft of the program; each test wants a new one.
    const form = page.locator(`form[action="/ssp/programs/${program.id}/apply"]`);
    const fresh = form.locator('button[name="fresh"]');
    await ((await fresh.count()) > 0 ? fresh : form.locator('button')).click();
    await page.waitForURL(/\/ssp\/drafts\/[0-9a-f-]{36}\/treatment$/);
    return /drafts\/([0-9a-f-]{36})\//.exec(page.url())?.[1] ?? '';
  }

  async function fillTreatment(page: Page, cost: string): Promise<void> {
    await page.getByLabel('Type of treatment').selectOption({ label: 'Urgent surgery' });
    await page.getByLabel('What treatment is needed?').fill('Appendectomy after admission through the emergency ward.');
    await page.getByLabel('Estimated cost').fill(cost);
    await page.getByLabel('Hospital or clinic').fill('County Referral Hospital');
  }

  async function saveAndContinue(page: Page, nextStep: string): Promise<void> {
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.waitForURL(new RegExp(`/${nextStep}$`));
  }

  it('takes the demo applicant through the whole flow to a submitted application with its reference and status', async () => {
    const { context, page } = await signedInPhone();
    const draftId = await startApplication(page);

    // 1. The treatment; the cost is shown in the program's currency.
    await expect(page.locator('.prefix').first().textContent()).resolves.toBe(program.currency);
    await expectAccessible(page, 'the treatment step (375 px)');
    await fillTreatment(page, '1,250.50');
    await saveAndContinue(page, 'person');

    // 2. The person: the national ID comes from the account and cannot be edited.
    await expect(page.getByTestId('national-id').textContent()).resolves.toBe('NID-1001');
    await expect(page.getByLabel('Given name').inputValue()).resolves.toBe('Amina');
    await page.getByLabel('Family name').fill('Yusuf');
    await page.getByLabel('Gender').selectOption('female');
    // The hint names no order: the browser, not the page, decides the order the date box shows.
    await expect(page.locator('#f-birthDate-hint').textContent()).resolves.toBe(DATE_HINT);
    await page.getByLabel('Birth date').fill('1990-02-14');
    await page.getByLabel('Occupation').fill('Trader');
    await page.getByLabel('Phone number').fill('+254 700 000002');
    await page.getByLabel('Email address').fill('amina@example.org');
    await expectAccessible(page, 'the person step, filled in (375 px)');
    await page.screenshot({ path: `${SCREENSHOTS}/ssp-step-person-375.png`, fullPage: true });
    await saveAndContinue(page, 'address');

    // 3. The address.
    await page.getByLabel('Region').fill('Coast');
    await page.getByLabel('District').fill('Mombasa');
    await page.getByLabel('Town or village').fill('Likoni');
    await page.getByLabel('Street, house or landmark').fill('Blue gate behind the market');
    await expectAccessible(page, 'the address step (375 px)');
    await saveAndContinue(page, 'family');
    await expectAccessible(page, 'the family step with nobody added (375 px)');

    // 4. Family members, added and removed in place (htmx: the page itself stays).
    const addMember = async (relation: string, givenName: string, birthDate: string) => {
      const form = page.locator('form.add-member');
      await form.getByLabel('How are they related to you?').selectOption(relation);
      await form.getByLabel('Given name').fill(givenName);
      await form.getByLabel('Family name').fill('Yusuf');
      await form.getByLabel('Gender').selectOption(relation === 'child' ? 'female' : 'male');
      await form.getByLabel('Birth date').fill(birthDate);
      await markLiveRegion(page);
      await form.getByRole('button', { name: 'Add family member' }).click();
      // Said, and focus on the new member's entry (listed last).
      await expectSwapOutcome(page, { announced: `${givenName} Yusuf was added.`, focused: page.locator('.member').last() });
      await expect(page.locator('.member').last().locator('.member-name').textContent()).resolves.toBe(`${givenName} Yusuf`);
    };
    await expect(page.locator('form.add-member #f-birthDate-hint').textContent()).resolves.toBe(DATE_HINT);
    await addMember('child', 'Zawadi', '2016-06-30');
    await addMember('spouse', 'Juma', '1985-09-01');
    await expect(page.locator('.member').count()).resolves.toBe(2);
    await expectAccessible(page, 'the family step after adding two members (375 px)');
    await markLiveRegion(page);
    await page.getByRole('button', { name: 'Remove Juma Yusuf' }).click();
    // The removed entry is gone: focus goes to the list's heading.
    await expectSwapOutcome(page, {
      announced: 'Juma Yusuf was removed.',
      focused: page.getByRole('heading', { name: 'Your family members' }),
    });
    await expect(page.locator('.member-name').allTextContents()).resolves.toEqual(['Zawadi Yusuf']);
    expect(page.url()).toBe(`${testApp.url}/ssp/drafts/${draftId}/family`);
    await expectAccessible(page, 'the family step after removing a member (375 px)');
    await page.screenshot({ path: `${SCREENSHOTS}/ssp-step-family-375.png`, fullPage: true });
    await saveAndContinue(page, 'documents');
    await expectAccessible(page, 'the documents step with nothing uploaded (375 px)');

    // 5. Documents: a real PDF through the page route into the Document Store; the bar follows the upload.
    await page.evaluate(`document.addEventListener('htmx:beforeSwap', function () {
      var bar = document.querySelector('.upload-progress progress');
      window.lastUploadProgress = bar ? bar.value : -1;
    })`);
    await page.getByLabel('What kind of document is it?').selectOption({ label: 'Medical report' });
    await page.getByLabel('File').setInputFiles(TINY_PDF);
    await markLiveRegion(page);
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expectSwapOutcome(page, { announced: 'tiny.pdf was uploaded.', focused: page.locator('.document').last() });
    await expect(page.locator('.document .file-name').allTextContents()).resolves.toEqual([expect.stringContaining('tiny.pdf')]);
    await expect(page.evaluate('window.lastUploadProgress')).resolves.toBe(100);
    await expectAccessible(page, 'the documents step after an upload (375 px)');
    await page.screenshot({ path: `${SCREENSHOTS}/ssp-step-documents-375.png`, fullPage: true });
    await saveAndContinue(page, 'review');

    // 6. The review shows everything; a double tap sends one application (same Idempotency-Key).
    const review = page.locator('main');
    for (const text of [
      'Urgent surgery',
      `${program.currency} 1,250.50`,
      'NID-1001',
      '14 February 1990',
      'Coast',
      'Zawadi Yusuf (Child, born 30 June 2016)',
      'Medical report: tiny.pdf',
    ]) {
      await expect(review.getByText(text).first().isVisible()).resolves.toBe(true);
    }
    await expect(review.getByText('Juma').count()).resolves.toBe(0);
    await expectAccessible(page, 'the review step (375 px)');
    await page.screenshot({ path: `${SCREENSHOTS}/ssp-step-review-375.png`, fullPage: true });
    const form = {
      _csrf: await page.locator('#submit input[name="_csrf"]').inputValue(),
      idempotencyKey: await page.locator('#submit input[name="idempotencyKey"]').inputValue(),
    };
    const taps = await Promise.all(
      [1, 2].map(() => page.request.post(`${testApp.url}/ssp/drafts/${draftId}/submit`, { form, maxRedirects: 0 })),
    );
    expect(taps.map((tap) => tap.status())).toEqual([303, 303]);
    expect(taps.map((tap) => tap.headers().location)).toEqual([
      `/ssp/applications/${draftId}?submitted=1`,
      `/ssp/applications/${draftId}?submitted=1`,
    ]);
    // The person's own tap carries the same key and lands on the same application.
    await page.getByRole('button', { name: 'Send application' }).click();
    await page.waitForURL(`${testApp.url}/ssp/applications/${draftId}?submitted=1`);

    const reference = (await page.getByTestId('reference').textContent()) ?? '';
    expect(reference).toMatch(/^IA-[0-9A-Z]{3}-[0-9A-Z]{4}$/);
    await expect(page.getByText(`Keep this reference: ${reference}`).isVisible()).resolves.toBe(true);
    // When it was sent, on the clock where the program runs (Lima), not UTC, and the zone is named.
    const sentAt = new Date(
      (
        await request(testApp.app)
          .get(`/api/v1/applications/${draftId}`)
          .set('Authorization', `Bearer ${await tokenFor('amina')}`)
      ).body.submittedAt as string,
    );
    const limaDay = new Intl.DateTimeFormat('en-GB', { timeZone: PROGRAM_TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
    const limaClock = new Intl.DateTimeFormat('en-GB', { timeZone: PROGRAM_TIME_ZONE, hour: '2-digit', minute: '2-digit' });
    const sent = `${limaDay.format(sentAt)} at ${limaClock.format(sentAt)} Peru Standard Time`;
    await expect(
      page
        .locator('.answer')
        .filter({ has: page.locator('dt', { hasText: /^Sent$/ }) })
        .locator('dd')
        .textContent(),
    ).resolves.toBe(sent);
    // The timeline in the applicant's words, agreeing with the status, with the date of what has happened.
    const timeline = [
      expect.stringMatching(new RegExp(`^Sent\\s*${sent}\\s+Done$`)),
      expect.stringMatching(/^Check 1 of 2\s+Being checked$/),
      expect.stringMatching(/^Check 2 of 2\s+Not started yet$/),
      expect.stringMatching(/^Decision\s+Not yet$/),
    ];
    await expect(page.getByTestId('status').textContent()).resolves.toBe('Sent, being checked');
    await expect(page.locator('.stage').allInnerTexts()).resolves.toEqual(timeline);
    await expect(page.locator('.stage time').getAttribute('datetime')).resolves.toBe(sentAt.toISOString());
    await expectAccessible(page, 'the submitted application (375 px)');
    await page.screenshot({ path: `${SCREENSHOTS}/ssp-submitted-375.png`, fullPage: true });

    // "My applications": the reference, program, treatment, date, status in words and the stages.
    await page.getByRole('link', { name: 'My applications' }).last().click();
    await page.waitForURL(`${testApp.url}/ssp/applications`);
    const card = page.locator(`.application[data-reference="${reference}"]`);
    await expect(card.count()).resolves.toBe(1);
    await expect(card.innerText()).resolves.toContain('Aa emergency surgery (test)');
    await expect(card.innerText()).resolves.toContain('Urgent surgery');
    await expect(card.locator('.status-words').textContent()).resolves.toBe('Sent, being checked');
    await expect(
      card
        .locator('.answer')
        .filter({ has: page.locator('dt', { hasText: /^Sent$/ }) })
        .locator('dd')
        .textContent(),
    ).resolves.toBe(sent);
    await expect(card.locator('.stage').allInnerTexts()).resolves.toEqual(timeline);
    await expect(card.innerText()).resolves.not.toMatch(/Social worker|Senior officer/);
    await expectAccessible(page, 'my applications (375 px)');
    await page.screenshot({ path: `${SCREENSHOTS}/ssp-my-applications-375.png`, fullPage: true });

    // What the officers will see: one family member, the document, the cost as decimal text.
    const submitted = await request(testApp.app)
      .get(`/api/v1/applications/${draftId}`)
      .set('Authorization', `Bearer ${await tokenFor('amina')}`);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({
      reference,
      status: 'SUBMITTED',
      treatment: { type: 'surgery', estimatedCost: '1250.50', currency: program.currency, facility: 'County Referral Hospital' },
      applicant: { idValue: 'NID-1001', givenName: 'Amina', birthDate: '1990-02-14', address: { region: 'Coast', locality: 'Likoni' } },
      familyMembers: [{ relation: 'child', givenName: 'Zawadi' }],
      documents: [{ kind: 'medical-report', fileName: 'tiny.pdf', mediaType: 'application/pdf' }],
    });

    // The social worker approves the first stage: the applicant reads the outcome and its date, not who decided.
    const decided = await request(testApp.app)
      .post(`/api/v1/applications/${draftId}/stages/1/decision`)
      .set('Authorization', `Bearer ${await tokenFor('samuel')}`)
      .send({ decision: 'approve', reasonCode: 'eligible' });
    expect(decided.status).toBe(201);
    await page.reload();
    await expect(card.locator('.status-words').textContent()).resolves.toBe('Being checked');
    const stages = await card.locator('.stage').allInnerTexts();
    expect(stages).toEqual([
      expect.stringMatching(/^Sent\s*\S.*\s+Done$/),
      expect.stringMatching(/^Check 1 of 2\s*\S.*\s+Passed: Eligible$/),
      expect.stringMatching(/^Check 2 of 2\s+Being checked$/),
      expect.stringMatching(/^Decision\s+Not yet$/),
    ]);
    await expect(card.locator('.stage').nth(1).locator('time').getAttribute('datetime')).resolves.toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(stages.join(' ')).not.toContain('Samuel');
    await expectAccessible(page, 'my applications after the first stage approved (375 px)');

    // Nothing in the console: no style or script refused by the CSP, no missing favicon.
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('shows an inline error for an invalid cost or a future birth date and does not move on', async () => {
    const { context, page } = await signedInPhone();
    const draftId = await startApplication(page);

    await fillTreatment(page, 'about a thousand');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.waitForLoadState();
    expect(page.url()).toBe(`${testApp.url}/ssp/drafts/${draftId}/treatment`);
    await expect(page.locator('#f-estimatedCost-error').textContent()).resolves.toContain(
      'Enter the cost as a number, for example 1200 or 1200.50.',
    );
    await expect(page.getByLabel('Estimated cost').getAttribute('aria-invalid')).resolves.toBe('true');
    // What the person typed is still there.
    await expect(page.getByLabel('Estimated cost').inputValue()).resolves.toBe('about a thousand');
    await expect(page.getByLabel('Hospital or clinic').inputValue()).resolves.toBe('County Referral Hospital');
    await expectAccessible(page, 'the treatment step with an invalid cost (375 px)');
    await page.screenshot({ path: `${SCREENSHOTS}/ssp-step-treatment-error-375.png`, fullPage: true });

    await page.getByLabel('Estimated cost').fill('0');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.locator('#f-estimatedCost-error').filter({ hasText: 'The cost must be more than zero.' }).waitFor();
    expect(page.url()).toBe(`${testApp.url}/ssp/drafts/${draftId}/treatment`);

    await page.getByLabel('Estimated cost').fill('800');
    await saveAndContinue(page, 'person');
    const nextYear = `${new Date().getUTCFullYear() + 1}-01-01`;
    await page.getByLabel('Birth date').fill(nextYear);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.locator('#f-birthDate-error').filter({ hasText: 'The birth date cannot be in the future.' }).waitFor();
    await expectAccessible(page, 'the person step with a future birth date (375 px)');
    expect(page.url()).toBe(`${testApp.url}/ssp/drafts/${draftId}/person`);
    await context.close();
  });

  it('reports next to each field what the contract refuses (a phone number with letters, an over-long name)', async () => {
    const { context, page } = await signedInPhone();
    const draftId = await startApplication(page);
    await fillTreatment(page, '950');
    await saveAndContinue(page, 'person');

    const longName = 'A'.repeat(101);
    await page.getByLabel('Given name').fill(longName);
    await page.getByLabel('Family name').fill('Yusuf');
    await page.getByLabel('Gender').selectOption('female');
    await page.getByLabel('Birth date').fill('1990-02-14');
    await page.getByLabel('Phone number').fill('+254 CALL ME');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.locator('.error-summary').waitFor();
    expect(page.url()).toBe(`${testApp.url}/ssp/drafts/${draftId}/person`);

    const givenNameMessage = 'Your given name can be at most 100 characters long; shorten it.';
    const phoneMessage = 'Enter a phone number with digits, for example +254 700 000002.';
    await expect(page.locator('#f-givenName-error').textContent()).resolves.toContain(givenNameMessage);
    await expect(page.locator('#f-phone-error').textContent()).resolves.toContain(phoneMessage);
    await expect(page.getByLabel('Phone number').getAttribute('aria-invalid')).resolves.toBe('true');
    // The summary links each message to its field, in the form's order, in words rather than schema keywords.
    await expect(page.locator('.error-summary a').allTextContents()).resolves.toEqual([givenNameMessage, phoneMessage]);
    await expect(page.locator('.error-summary a').first().getAttribute('href')).resolves.toBe('#f-givenName');
    await expect(page.locator('.error-summary').innerText()).resolves.not.toMatch(/must match|pattern|NOT have/);
    await expectAccessible(page, 'the person step with an error summary (375 px)');
    // What the person typed is still there; the answers that were not refused were saved, the refused ones not.
    await expect(page.getByLabel('Given name').inputValue()).resolves.toBe(longName);
    await expect(page.getByLabel('Phone number').inputValue()).resolves.toBe('+254 CALL ME');
    const draft = await request(testApp.app)
      .get(`/api/v1/application-drafts/${draftId}`)
      .set('Authorization', `Bearer ${await tokenFor('amina')}`);
    expect(draft.body.data.applicant).toEqual({
      familyName: 'Yusuf',
      gender: 'female',
      birthDate: '1990-02-14',
      email: 'amina@example.org',
    });

    // Corrected, the step is saved and the flow moves on.
    await page.getByLabel('Given name').fill('Amina');
    await page.getByLabel('Phone number').fill('+254 700 000002');
    await saveAndContinue(page, 'address');
    await context.close();
  });

  it('takes a payment account whole, says what is wrong next to its parts, and shows it on the review and to the officer', async () => {
    const { context, page } = await signedInPhone();
    const draftId = await startApplication(page);
    const review = `${testApp.url}/ssp/drafts/${draftId}/review`;
    await fillTreatment(page, '950');
    await saveAndContinue(page, 'person');
    await page.getByLabel('Family name').fill('Yusuf');
    await page.getByLabel('Gender').selectOption('female');
    await page.getByLabel('Birth date').fill('1990-02-14');

    // Optional as a whole (its legend says so), but a part given asks for the others.
    const account = page.getByRole('group', { name: 'Payment account (optional)' });
    await expect(account.locator('.optional').count()).resolves.toBe(1);
    await account.getByLabel('Kind of account').selectOption({ label: 'Mobile money' });
    await account.getByLabel('Account number').fill('KE12 3456');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.locator('.error-summary').waitFor();
    const providerMessage = 'Enter the bank or mobile money service, or leave the payment account empty.';
    await expect(page.locator('#f-paymentAccountProvider-error').textContent()).resolves.toContain(providerMessage);
    await expect(page.locator('.error-summary a').allTextContents()).resolves.toEqual([providerMessage]);
    await expect(page.locator('.error-summary a').first().getAttribute('href')).resolves.toBe('#f-paymentAccountProvider');
    await expect(account.getByLabel('Account number').inputValue()).resolves.toBe('KE12 3456');
    await expectAccessible(page, 'the person step with a payment account missing its provider (375 px)');

    // A number that does not fit its kind, in the registry's words.
    await account.getByLabel('Bank or mobile money service').fill('M-Pesa');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.locator('#f-paymentAccountNumber-error').waitFor();
    await expect(page.locator('#f-paymentAccountNumber-error').textContent()).resolves.toContain(
      "For mobile money, enter the wallet's phone number: 6 to 15 digits, for example +254 700 000002.",
    );
    await expect(account.getByLabel('Account number').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page, 'the person step with a number that does not fit its kind (375 px)');
    await account.getByLabel('Account number').fill('+254 700 000002');
    await saveAndContinue(page, 'address');
    await page.getByLabel('Region').fill('Coast');
    await saveAndContinue(page, 'family');

    // The review shows it in one line, and "Change" leads back to it.
    await page.goto(review);
    const shown = page
      .locator('.answer')
      .filter({ has: page.locator('dt', { hasText: /^Payment account$/ }) })
      .locator('dd');
    await expect(shown.textContent()).resolves.toBe('Mobile money · M-Pesa · +254 700 000002');
    await expectAccessible(page, 'the review step with a payment account (375 px)');
    await page.getByRole('link', { name: 'Change about you' }).click();
    await page.waitForURL(`${testApp.url}/ssp/drafts/${draftId}/person?return=review`);
    await expect(account.getByLabel('Account number').inputValue()).resolves.toBe('+254 700 000002');
    await expectAccessible(page, 'the person step opened from the review, with a payment account (375 px)');
    await account.getByLabel('Bank or mobile money service').fill('Airtel Money');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.waitForURL(review);
    await expect(shown.textContent()).resolves.toBe('Mobile money · Airtel Money · +254 700 000002');
    expect(await overflowsSideways(page)).toBe(false);

    // Sent, it is in the snapshot the first-stage officer reads.
    await page.getByRole('button', { name: 'Send application' }).click();
    await page.waitForURL(`${testApp.url}/ssp/applications/${draftId}?submitted=1`);
    await context.close();
    const officer = await browser.newContext({ viewport: PHONE });
    try {
      const officerPage = await officer.newPage();
      await signIn(officerPage, testApp.url, 'samuel', `/officer/applications/${draftId}`);
      await expect(officerPage.getByTestId('payment-account').innerText()).resolves.toBe('Mobile money · Airtel Money · +254 700 000002');
      await expectAccessible(officerPage, "the officer's application page with a payment account (375 px)");
    } finally {
      await officer.close();
    }
  });

  it('lists on the review page what is still missing, with links to the step that fixes it', async () => {
    const { context, page } = await signedInPhone();
    const draftId = await startApplication(page);
    await fillTreatment(page, '950');
    await saveAndContinue(page, 'person');
    await page.goto(`${testApp.url}/ssp/drafts/${draftId}/review`);
    await expect(page.locator('.error-summary').innerText()).resolves.toContain('About you: Choose your gender, or "Prefer not to say".');
    await expectAccessible(page, 'the review step listing what is missing (375 px)');

    // Sending anyway: the service's own checks come back in plain language, and nothing is submitted.
    // The address stays the review's (the refusal is shown after a redirect), so a reload does not send again.
    const review = `${testApp.url}/ssp/drafts/${draftId}/review`;
    const sends: string[] = [];
    page.on('request', (sent) => {
      if (sent.method() === 'POST') sends.push(new URL(sent.url()).pathname);
    });
    await page.getByRole('button', { name: 'Send application' }).click();
    await page.locator('.error-summary').filter({ hasText: 'Your application was not sent' }).waitFor();
    expect(page.url()).toBe(review);
    const missingPerson = page.locator('.error-summary a').filter({ hasText: 'About you: Fill in your details.' });
    await expect(missingPerson.getAttribute('href')).resolves.toBe(`/ssp/drafts/${draftId}/person?check=1&return=review`);
    await expect(page.locator('.error-summary').innerText()).resolves.not.toMatch(/\/data\/|must have|is required/);
    await expectAccessible(page, 'the review step after a refused sending (375 px)');
    await page.reload();
    await expect(page.locator('.error-summary h2').textContent()).resolves.toBe('Before you send, fix these');
    expect(page.url()).toBe(review);
    expect(sends).toEqual([`/ssp/drafts/${draftId}/submit`]);
    await expectAccessible(page, 'the review step reloaded after a refused sending (375 px)');

    // Fixing a problem from the review leads back to the review, even after a save that was refused first.
    await page.locator('.error-summary a').filter({ hasText: 'About you:' }).first().click();
    // The link goes to the field (`#f-…`) of the step.
    await page.waitForURL((url) => url.pathname.endsWith('/person') && url.search === '?check=1&return=review');
    await expect(page.locator('#f-birthDate-error').textContent()).resolves.toContain('Enter your birth date.');
    await expectAccessible(page, 'the person step reached from the review (375 px)');
    await page.getByLabel('Birth date').fill('1990-02-14');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.locator('#f-gender-error').waitFor();
    await page.getByLabel('Gender').selectOption('female');
    await page.getByLabel('Family name').fill('Yusuf');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.waitForURL(review);
    await expect(page.locator('.error-summary').innerText()).resolves.not.toContain('About you');
    await context.close();
  });

  it('comes back to the review after "Change" (saved or not), and accepts a cost above the maximum with a note', async () => {
    const { context, page } = await signedInPhone();
    const draftId = await startApplication(page);
    const review = `${testApp.url}/ssp/drafts/${draftId}/review`;
    const overMaximum = 'This program pays up to USD 5,000. You can still apply; an officer decides the amount.';
    const note = page.locator('#f-estimatedCost-note');
    // As read: amounts are drawn with a no-break space after the currency code, the note on a line of its own.
    const seen = async (text: Promise<string>) => (await text).replace(/\s+/g, ' ').trim();

    // Above the maximum is not an error: the note appears by the field as the cost is typed, and the step moves on.
    await fillTreatment(page, '6000');
    await expect(seen(note.innerText())).resolves.toBe(overMaximum);
    await expect(page.getByLabel('Estimated cost').getAttribute('aria-describedby')).resolves.toContain('f-estimatedCost-note');
    await expectAccessible(page, 'the treatment step with a cost above the maximum (375 px)');
    await page.screenshot({ path: `${SCREENSHOTS}/ssp-step-treatment-over-maximum-375.png`, fullPage: true });
    await page.getByLabel('Estimated cost').fill('5000');
    await expect(seen(note.innerText())).resolves.toBe('');
    await page.getByLabel('Estimated cost').fill('6,000.50');
    await expect(seen(note.innerText())).resolves.toBe(overMaximum);
    await saveAndContinue(page, 'person');

    // The review shows it next to the cost.
    await page.goto(review);
    const cost = page.locator('.answer').filter({ hasText: 'Estimated cost' });
    await expect(seen(cost.locator('dd').innerText())).resolves.toBe(`USD 6,000.50 ${overMaximum}`);
    await expectAccessible(page, 'the review step with a cost above the maximum (375 px)');
    await cost.screenshot({ path: `${SCREENSHOTS}/ssp-review-over-maximum-375.png` });

    // "Change", then "Back": the review again, nothing changed.
    await page.getByRole('link', { name: 'Change the treatment' }).click();
    await page.waitForURL(`${testApp.url}/ssp/drafts/${draftId}/treatment?return=review`);
    await expect(seen(note.innerText())).resolves.toBe(overMaximum);
    await expectAccessible(page, 'the treatment step opened from the review (375 px)');
    await page.getByRole('button', { name: 'Back' }).click();
    await page.waitForURL(review);

    // "Change", a refused save, then a saved one: the review again, with the new answer and no note.
    await page.getByRole('link', { name: 'Change the treatment' }).click();
    await page.getByLabel('Estimated cost').fill('nine hundred');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.locator('#f-estimatedCost-error').waitFor();
    await expectAccessible(page, 'the treatment step opened from the review with a refused cost (375 px)');
    await page.getByLabel('Estimated cost').fill('900');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.waitForURL(review);
    await expect(seen(cost.locator('dd').innerText())).resolves.toBe('USD 900');

    // The same from the family step, whose buttons also send the add-member form.
    await page.getByRole('link', { name: 'Change family members' }).click();
    await page.waitForURL(`${testApp.url}/ssp/drafts/${draftId}/family?return=review`);
    const form = page.locator('form.add-member');
    await form.getByLabel('How are they related to you?').selectOption('child');
    await form.getByLabel('Given name').fill('Zawadi');
    await form.getByLabel('Family name').fill('Yusuf');
    await form.getByLabel('Gender').selectOption('female');
    await form.getByLabel('Birth date').fill('2016-06-30');
    await form.getByRole('button', { name: 'Add family member' }).click();
    await page.getByRole('status').filter({ hasText: 'Zawadi Yusuf was added.' }).waitFor();
    await expectAccessible(page, 'the family step opened from the review after adding a member (375 px)');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.waitForURL(review);
    await expect(page.getByText('Zawadi Yusuf (Child, born 30 June 2016)').isVisible()).resolves.toBe(true);

    // Only the review is a place to return to: any other value is ignored, never followed.
    await page.goto(`${testApp.url}/ssp/drafts/${draftId}/address?return=https://evil.example/`);
    await expect(page.locator('input[name="return"]').count()).resolves.toBe(0);
    await page.getByLabel('Region').fill('Coast');
    await saveAndContinue(page, 'family');
    await context.close();
  });

  it('resumes a draft after the person navigates away', async () => {
    const { context, page } = await signedInPhone();
    const draftId = await startApplication(page);
    await fillTreatment(page, '300');
    await saveAndContinue(page, 'person');
    // "Back" keeps what was typed, even unfinished.
    await page.getByLabel('Occupation').fill('Teacher');
    await page.getByRole('button', { name: 'Back' }).click();
    await page.waitForURL(/\/treatment$/);

    await page.goto(`${testApp.url}/`);
    await page.goto(`${testApp.url}/ssp`);
    await expectAccessible(page, 'the portal start page with a draft (375 px)');
    await page.screenshot({ path: `${SCREENSHOTS}/ssp-home-375.png`, fullPage: true });
    const draft = page.locator('.draft').filter({ has: page.locator(`a[href="/ssp/drafts/${draftId}"]`) });
    await draft.getByRole('link', { name: /Continue/ }).click();
    // The first step that is not finished.
    await page.waitForURL(`${testApp.url}/ssp/drafts/${draftId}/person`);
    await expect(page.getByLabel('Occupation').inputValue()).resolves.toBe('Teacher');
    await page.getByRole('button', { name: 'Back' }).click();
    await page.waitForURL(/\/treatment$/);
    await expect(page.getByLabel('Estimated cost').inputValue()).resolves.toBe('300');
    await expect(page.getByLabel('Type of treatment').inputValue()).resolves.toBe('surgery');
    await context.close();
  });

  it('refuses a file that is not a PDF, JPEG or PNG, and one over the size cap, in plain language, one message at a time', async () => {
    const { context, page } = await signedInPhone();
    const draftId = await startApplication(page);
    await page.goto(`${testApp.url}/ssp/drafts/${draftId}/documents`);
    const fileField = page.getByLabel('File');
    const fileMessage = page.locator('#f-file-error');
    const typeRefused = ERROR_CODES.ERR_DOCUMENT_TYPE_REFUSED.explanation;
    const tooLarge = 'This file is larger than 98 KB.';

    // The limits are said before the file is chosen: the hint comes before the field and describes it.
    const hint = page.locator('#f-file-hint');
    await expect(hint.textContent()).resolves.toBe('A PDF, JPEG or PNG file of up to 98 KB.');
    await expect(
      hint.evaluate((element) => element.ownerDocument.getElementById('f-file')?.compareDocumentPosition(element)),
    ).resolves.toBe(2);
    await expect(fileField.getAttribute('aria-describedby')).resolves.toBe('f-file-hint');

    // A file that is not a PDF: refused by its content, the message tied to the field, focus on it.
    await page.getByLabel('What kind of document is it?').selectOption('prescription');
    await fileField.setInputFiles({
      name: 'prescription.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('#!/bin/sh\necho not a pdf\n'),
    });
    await markLiveRegion(page);
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expectSwapOutcome(page, { announced: `The file was not uploaded. ${typeRefused}`, focused: fileMessage });
    await expect(fileMessage.textContent()).resolves.toBe(`Error: ${typeRefused}`);
    await expect(fileField.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(fileField.getAttribute('aria-describedby')).resolves.toBe('f-file-hint f-file-error');
    await expect(page.locator('.document').count()).resolves.toBe(0);
    // The kind chosen is kept for the next try.
    await expect(page.getByLabel('What kind of document is it?').inputValue()).resolves.toBe('prescription');
    await expectAccessible(page, 'the documents step with a refused file (375 px)');

    // Over the cap: said as soon as the file is chosen, in place of the last file's message, never beside it.
    const pdf = await readFile(TINY_PDF);
    const large = Buffer.concat([pdf, Buffer.alloc(DOCUMENT_MAX_BYTES)]);
    await fileField.setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: large });
    await expect(page.locator('.error-message:visible').allTextContents()).resolves.toEqual([expect.stringContaining(tooLarge)]);
    await expect(page.getByText(typeRefused).count()).resolves.toBe(0);
    await expect(fileField.getAttribute('aria-describedby')).resolves.toBe('f-file-hint f-file-error');
    await expect(page.locator('#live-region').textContent()).resolves.toContain(tooLarge);
    // Pressing Upload anyway sends nothing and says it once more, with focus on the message.
    await markLiveRegion(page);
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expectSwapOutcome(page, { announced: /^This file is larger than 98 KB\./, focused: fileMessage });
    await expect(page.locator('.error-message:visible').count()).resolves.toBe(1);
    await expectAccessible(page, 'the documents step with a file over the cap (375 px)');

    // A good file: the message goes as soon as it is chosen.
    await fileField.setInputFiles(TINY_PDF);
    await expect(page.locator('.error-message:visible').count()).resolves.toBe(0);
    await expect(fileField.getAttribute('aria-invalid')).resolves.toBeNull();
    await expect(fileField.getAttribute('aria-describedby')).resolves.toBe('f-file-hint');
    // The connection drops on the first try: nothing is swapped; said, and focus on the message.
    await page.route('**/documents/files', (route) => route.abort('internetdisconnected'), { times: 1 });
    await markLiveRegion(page);
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const connection = page.locator('form.upload [data-client-error]');
    await expectSwapOutcome(page, { announced: /^No connection\./, focused: connection });
    await expectAccessible(page, 'the documents step after a dropped connection (375 px)');
    // Sent again, the upload shows no error at all.
    await markLiveRegion(page);
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expectSwapOutcome(page, { announced: 'tiny.pdf was uploaded.', focused: page.locator('.document').last() });
    await expect(page.locator('.error-message:visible').count()).resolves.toBe(0);
    await expect(page.locator('[aria-invalid="true"]').count()).resolves.toBe(0);
    await expect(page.getByText(typeRefused).count()).resolves.toBe(0);
    await expect(page.getByText(tooLarge).count()).resolves.toBe(0);
    await expectAccessible(page, 'the documents step after a good file followed refused ones (375 px)');

    // Removing it: said, and focus on the list's heading.
    await markLiveRegion(page);
    await page.getByRole('button', { name: 'Remove tiny.pdf' }).click();
    await expectSwapOutcome(page, {
      announced: 'tiny.pdf was removed.',
      focused: page.getByRole('heading', { name: 'Attached documents' }),
    });
    await expect(page.locator('.document').count()).resolves.toBe(0);
    await expectAccessible(page, 'the documents step after removing a document (375 px)');

    // ...and the server says the same when a file over the cap arrives anyway.
    const answer = await page.request.post(`${testApp.url}/ssp/drafts/${draftId}/documents/files`, {
      headers: { 'HX-Request': 'true', 'X-CSRF-Token': await page.locator('input[name="_csrf"]').first().inputValue() },
      multipart: {
        kind: 'medical-report',
        file: { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([large, Buffer.alloc(70_000)]) },
      },
    });
    expect(answer.status()).toBe(413);
    await expect(answer.text()).resolves.toContain(tooLarge);
    await context.close();
  });

  /** axe needs script: the page a script-less browser got is checked in a second page loading the same address. */
  async function expectAccessibleAsServed(scriptless: Page, state: string): Promise<void> {
    const context = await browser.newContext({ viewport: PHONE, storageState: signedIn, javaScriptEnabled: true });
    try {
      const page = await context.newPage();
      await page.goto(scriptless.url());
      await expectAccessible(page, state);
    } finally {
      await context.close();
    }
  }
  it.each([
    ['declares its length', true],
    ['is sent in chunks', false],
  ])('stops reading a 300 MiB upload that %s at the cap and answers with the message at the file field', async (_label, declareLength) => {
    const { context, page } = await signedInPhone();
    const draftId = await startApplication(page);
    const cookies = (await context.cookies(testApp.url)).map((c) => `${c.name}=${c.value}`).join('; ');
    const documentsBefore = await countDocuments();
    const closed: Array<Promise<number>> = [];
    const onConnection = (socket: Socket) => closed.push(once(socket, 'close').then(() => socket.bytesRead));
    testApp.server.on('connection', onConnection);
    const answer = await streamUpload({
      url: `${testApp.url}/ssp/drafts/${draftId}/documents/files`,
      headers: { Cookie: cookies },
      fields: { kind: 'medical-report' },
      fileBytes: 300 * 1024 * 1024,
      declareLength,
    });
    testApp.server.off('connection', onConnection);
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe('close');
    expect(answer.body).toContain('id="f-file-error"');
    expect(answer.body).toContain('This file is larger than 98 KB.');
    const [read] = await Promise.all(closed);
    expect(read).toBeLessThanOrEqual(DOCUMENT_MAX_BYTES + 64 * 1024 + 256 * 1024);
    expect(answer.sentBeforeAnswer).toBeLessThan(32 * 1024 * 1024);
    expect(answer.sentInAll).toBeLessThan(64 * 1024 * 1024);
    expect(await countDocuments()).toBe(documentsBefore);
    await context.close();
  });

  it('shows the size message when a browser without JavaScript sends a file over the cap', async () => {
    const context = await browser.newContext({ viewport: PHONE, storageState: signedIn, javaScriptEnabled: false });
    const page = await context.newPage();
    const draftId = await startApplication(page);
    await page.goto(`${testApp.url}/ssp/drafts/${draftId}/documents`);
    await page.getByLabel('What kind of document is it?').selectOption('medical-report');
    const pdf = await readFile(TINY_PDF);
    await page
      .getByLabel('File')
      .setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([pdf, Buffer.alloc(4 * 1024 * 1024)]) });
    const answered = page.waitForResponse((response) => response.url().endsWith('/documents/files'));
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    expect((await answered).status()).toBe(413);
    await page.locator('#f-file-error').filter({ hasText: 'This file is larger than 98 KB.' }).waitFor();
    await expect(page.locator('.document').count()).resolves.toBe(0);
    await context.close();
  });

  it('still works without JavaScript: family members and documents through plain form posts', async () => {
    const context = await browser.newContext({ viewport: PHONE, storageState: signedIn, javaScriptEnabled: false });
    const page = await context.newPage();
    const draftId = await startApplication(page);
    // Opened from the review ("Change"): each post keeps the way back to it.
    await page.goto(`${testApp.url}/ssp/drafts/${draftId}/family?return=review`);
    const form = page.locator('form.add-member');
    await form.getByLabel('How are they related to you?').selectOption('parent');
    await form.getByLabel('Given name').fill('Halima');
    await form.getByLabel('Family name').fill('Yusuf');
    await form.getByLabel('Gender').selectOption('female');
    await form.getByLabel('Birth date').fill('1960-03-03');
    await form.getByRole('button', { name: 'Add family member' }).click();
    await page.waitForURL(`${testApp.url}/ssp/drafts/${draftId}/family?return=review`);
    await expect(page.locator('.member-name').allTextContents()).resolves.toEqual(['Halima Yusuf']);
    await expectAccessibleAsServed(page, 'the family step without JavaScript (375 px)');
    await page.getByRole('button', { name: 'Remove Halima Yusuf' }).click();
    await page.waitForURL(`${testApp.url}/ssp/drafts/${draftId}/family?return=review`);
    await expect(page.locator('.member').count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.waitForURL(`${testApp.url}/ssp/drafts/${draftId}/review`);

    await page.goto(`${testApp.url}/ssp/drafts/${draftId}/documents?return=review`);
    await page.getByLabel('What kind of document is it?').selectOption('id-proof');
    await page.getByLabel('File').setInputFiles(TINY_PDF);
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.waitForURL(`${testApp.url}/ssp/drafts/${draftId}/documents?return=review`);
    await expect(page.locator('.document').innerText()).resolves.toContain('ID proof');
    await expectAccessibleAsServed(page, 'the documents step without JavaScript (375 px)');
    await page.getByRole('button', { name: 'Back' }).click();
    await page.waitForURL(`${testApp.url}/ssp/drafts/${draftId}/review`);
    await context.close();
  });

  it('adds a filled-in family member on "Save and continue", and stops with errors when one is partly filled', async () => {
    const { context, page } = await signedInPhone();
    const draftId = await startApplication(page);
    await page.goto(`${testApp.url}/ssp/drafts/${draftId}/family`);
    const form = page.locator('form.add-member');
    await form.getByLabel('How are they related to you?').selectOption('child');
    await form.getByLabel('Given name').fill('Zawadi');
    await form.getByLabel('Family name').fill('Yusuf');
    await form.getByLabel('Gender').selectOption('female');
    await form.getByLabel('Birth date').fill('2015-06-01');
    // Keyboard only: Tab to "Save and continue" and press Enter.
    await tabTo(page, page.getByRole('button', { name: 'Save and continue' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${testApp.url}/ssp/drafts/${draftId}/documents`);
    await page.goto(`${testApp.url}/ssp/drafts/${draftId}/family`);
    await expect(page.locator('.member-name').allTextContents()).resolves.toEqual(['Zawadi Yusuf']);

    // Partly filled: nothing is dropped and nothing moves on; the page says what is missing, by field.
    await form.getByLabel('Given name').fill('Baraka');
    await tabTo(page, page.getByRole('button', { name: 'Save and continue' }));
    await markLiveRegion(page);
    await page.keyboard.press('Enter');
    const summary = page.locator('.error-summary');
    await expectSwapOutcome(page, { announced: /^This family member is not added yet\. .+/, focused: summary });
    await expect(summary.getByRole('heading').textContent()).resolves.toContain('This family member is not added yet');
    await expect(summary.getByRole('link').count()).resolves.toBeGreaterThanOrEqual(3);
    await expect(form.getByLabel('How are they related to you?').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(form.getByLabel('Given name').inputValue()).resolves.toBe('Baraka');
    expect(page.url()).toBe(`${testApp.url}/ssp/drafts/${draftId}/family`);
    await expectAccessible(page, 'the family step refusing a partly filled member on "Save and continue" (375 px)');

    // Cleared, the step moves on with the one member.
    await form.getByLabel('Given name').fill('');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.waitForURL(`${testApp.url}/ssp/drafts/${draftId}/documents`);
    await page.goto(`${testApp.url}/ssp/drafts/${draftId}/family`);
    await expect(page.locator('.member-name').allTextContents()).resolves.toEqual(['Zawadi Yusuf']);
    await context.close();
  });

  it('keeps every valid answer of a refused step after leaving, and asks before leaving a page with unsaved changes', async () => {
    const { context, page } = await signedInPhone();
    const draftId = await startApplication(page);
    const dialogs: string[] = [];
    let leave = false;
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void (leave ? dialog.accept() : dialog.dismiss());
    });
    await fillTreatment(page, 'twelve hundred');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.getByLabel('Estimated cost').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page, 'the treatment step with a refused cost (375 px)');

    // The refused cost is not saved: leaving asks first, and staying keeps the page as it was.
    const crumb = page.getByRole('navigation', { name: 'Where you are' }).getByRole('link', { name: 'Self-Service Portal' });
    await tabTo(page, crumb);
    await page.keyboard.press('Enter');
    await waitUntil(
      async () => dialogs.length,
      (n) => n === 1,
      'the leave-page question',
    );
    expect(dialogs).toEqual(['beforeunload']);
    expect(page.url()).toBe(`${testApp.url}/ssp/drafts/${draftId}/treatment`);
    await expect(page.getByLabel('Estimated cost').inputValue()).resolves.toBe('twelve hundred');

    // Leaving anyway, and coming back: the valid answers were saved with the refusal.
    leave = true;
    await crumb.click();
    await page.waitForURL(`${testApp.url}/ssp`);
    await page.goto(`${testApp.url}/ssp/drafts/${draftId}/treatment`);
    await expect(page.getByLabel('Type of treatment').inputValue()).resolves.toBe('surgery');
    await expect(page.getByLabel('What treatment is needed?').inputValue()).resolves.toContain('Appendectomy');
    await expect(page.getByLabel('Hospital or clinic').inputValue()).resolves.toBe('County Referral Hospital');
    await expect(page.getByLabel('Estimated cost').inputValue()).resolves.toBe('');

    // A page without changes leaves without asking; a sent form does not ask either.
    dialogs.length = 0;
    await crumb.click();
    await page.waitForURL(`${testApp.url}/ssp`);
    await page.goto(`${testApp.url}/ssp/drafts/${draftId}/treatment`);
    await page.getByLabel('Estimated cost').fill('1200');
    await saveAndContinue(page, 'person');
    expect(dialogs).toEqual([]);

    // Typing and then following the breadcrumb asks first.
    leave = false;
    await page.getByLabel('Occupation').fill('Nurse');
    await crumb.click();
    await waitUntil(
      async () => dialogs.length,
      (n) => n === 1,
      'the leave-page question',
    );
    expect(page.url()).toBe(`${testApp.url}/ssp/drafts/${draftId}/person`);
    await expectAccessible(page, 'the person step after staying on it (375 px)');
    await context.close();
  });

  it('continues the open draft of a program on "Apply", shows each draft\'s step, and discards one after asking', async () => {
    const { context, page } = await signedInPhone();
    const draftId = await startApplication(page);
    await fillTreatment(page, '450');
    await saveAndContinue(page, 'person');
    await page.goto(`${testApp.url}/ssp`);
    const cards = page.locator('.card.draft');
    const before = await cards.count();
    const card = cards.filter({ has: page.locator(`a[href="/ssp/drafts/${draftId}"]`) });
    await expect(card.innerText()).resolves.toContain('Step 2 of 6: About you');
    await expectAccessible(page, 'the portal start page with a draft to continue and its step (375 px)');

    // Keyboard only: the program's button (on its own page: the start page has its programs in pages) continues this
    // draft where it stopped; no new draft.
    await page.goto(`${testApp.url}/ssp/programs/${program.id}`);
    await expectAccessible(page, "the program's own page with a draft to continue (375 px)");
    const programForm = page.locator(`form[action="/ssp/programs/${program.id}/apply"]`);
    await tabTo(page, programForm.getByRole('button', { name: /^Continue your application/ }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${testApp.url}/ssp/drafts/${draftId}/person`);
    await page.goto(`${testApp.url}/ssp`);
    await expect(cards.count()).resolves.toBe(before);
    await page.goto(`${testApp.url}/ssp/programs/${program.id}`);

    // Asked for, a new one is started.
    await programForm.getByRole('button', { name: /^Start a new application/ }).click();
    await page.waitForURL(/\/ssp\/drafts\/[0-9a-f-]{36}\/treatment$/);
    const newId = /drafts\/([0-9a-f-]{36})\//.exec(page.url())?.[1] ?? '';
    expect(newId).not.toBe(draftId);
    await page.goto(`${testApp.url}/ssp`);
    await expect(cards.count()).resolves.toBe(before + 1);
    const newCard = cards.filter({ has: page.locator(`a[href="/ssp/drafts/${newId}"]`) });
    await expect(newCard.innerText()).resolves.toContain('Step 1 of 6: The treatment');

    // Discard asks on a page of its own; "No, keep it" keeps it.
    await tabTo(page, newCard.getByRole('link', { name: /^Discard/ }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${testApp.url}/ssp/drafts/${newId}/discard`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Discard this application?');
    await expectAccessible(page, 'the question before discarding a draft (375 px)');
    await page.getByRole('link', { name: 'No, keep it' }).click();
    await page.waitForURL(`${testApp.url}/ssp`);
    await expect(cards.count()).resolves.toBe(before + 1);
    await newCard.getByRole('link', { name: /^Discard/ }).click();
    await tabTo(page, page.getByRole('button', { name: 'Yes, discard it' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${testApp.url}/ssp?discarded=1`);
    await expect(page.getByRole('status').first().textContent()).resolves.toBe('The unfinished application was discarded.');
    await expect(cards.count()).resolves.toBe(before);
    await expect(page.locator(`a[href="/ssp/drafts/${newId}"]`).count()).resolves.toBe(0);
    await expectAccessible(page, 'the portal start page after discarding a draft (375 px)');
    await context.close();

    // Without JavaScript the question works the same.
    const scriptless = await browser.newContext({ viewport: PHONE, storageState: signedIn, javaScriptEnabled: false });
    const plain = await scriptless.newPage();
    await plain.goto(`${testApp.url}/ssp/drafts/${draftId}/discard`);
    await plain.getByRole('button', { name: 'Yes, discard it' }).click();
    await plain.waitForURL(`${testApp.url}/ssp?discarded=1`);
    await expect(plain.locator(`a[href="/ssp/drafts/${draftId}"]`).count()).resolves.toBe(0);
    await scriptless.close();
  });

  it("answers 404 for another person's draft and for an address that is not an id", async () => {
    const pedrosDraft = await request(testApp.app)
      .post('/api/v1/application-drafts')
      .set('Authorization', `Bearer ${await tokenFor('pedro')}`)
      .send({ programId: program.id });
    expect(pedrosDraft.status).toBe(201);
    const { context, page } = await signedInPhone();
    for (const address of [
      `/ssp/drafts/${pedrosDraft.body.id}/treatment`,
      `/ssp/drafts/${randomUUID()}/review`,
      '/ssp/drafts/not-an-id/person',
      `/ssp/applications/${pedrosDraft.body.id}`,
    ]) {
      const response = await page.goto(`${testApp.url}${address}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(ERROR_CODES.ERR_NOT_FOUND.title);
    }
    await expectAccessible(page, 'the not-found page (375 px)');
    await context.close();
  });

  it('draws a focus ring that stands out at 3:1, and on a wide screen puts "Save and continue" where Tab reaches it first', async () => {
    const { context, page } = await signedInPhone();
    await startApplication(page);
    const cost = page.getByLabel('Estimated cost');
    const save = page.getByRole('button', { name: 'Save and continue' });
    const back = page.getByRole('button', { name: 'Back' });
    for (const control of [cost, save]) {
      await tabTo(page, control);
      const ring = await measureFocusRing(control);
      expect(ring.width).toBeGreaterThanOrEqual(2);
      expect(ring.ratio).toBeGreaterThanOrEqual(3);
    }
    // The next tab stop after "Save and continue" is "Back": drawn to its right (or below it on a phone).
    await page.keyboard.press('Tab');
    await expect(back.evaluate((element) => element === element.ownerDocument.activeElement)).resolves.toBe(true);
    const [phoneSave, phoneBack] = await Promise.all([save.boundingBox(), back.boundingBox()]);
    expect(phoneBack?.y).toBeGreaterThan(phoneSave?.y ?? Infinity);
    await page.setViewportSize({ width: 1280, height: 800 });
    const [saveBox, backBox] = await Promise.all([save.boundingBox(), back.boundingBox()]);
    expect(backBox?.x).toBeGreaterThan((saveBox?.x ?? Infinity) + (saveBox?.width ?? 0));
    await expectAccessible(page, 'the treatment step (1280 px)');
    await context.close();
  });
});
