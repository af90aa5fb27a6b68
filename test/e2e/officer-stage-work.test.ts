/**
 * What an officer does at a stage, on the application page in Chromium: each document viewed in place and
 * marked verified, or rejected with a reason (asked for first); the stage's eligibility checklist answered
 * (an unanswered item refused at that item, then a "no" that needs words); a fraud signal reviewed with a
 * note, linking to the other application; a clean application saying no signal was found. In place with
 * htmx, and by a plain post without JavaScript; at 375 px; and once in Arabic, right to left.
 * On a database of this file's own: the run's shared one holds other files' applications of the same
 * demo applicants, so "no signal" could not be seen there.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { createDatabaseIfMissing, dropDatabase } from '../../src/platform/db/embedded-postgres.js';
import { selectRows } from '../../src/platform/db/sql.js';
import { expectAccessible } from '../support/accessibility.js';
import { launchChromium, overflowsSideways, signIn } from '../support/browser.js';
import { readTestEnvironment } from '../support/environment.js';
import { applicationFor, createProgram, type ProgramOptions } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { expectSwapOutcome, markLiveRegion } from '../support/in-page-updates.js';
import { tokenFor } from '../support/tokens.js';
import { expectTranslated } from '../support/translation.js';

// The realm allows sign-in redirects to this port (keycloak/realm.json).
const BROWSER_TEST_PORT = 3999;
const PHONE = { width: 375, height: 740 };
const RESIDENT = { code: 'resident', label: 'Lives in the program’s region' };
const URGENT = { code: 'urgent', label: 'The treatment cannot wait' };
const COST_CHECKED = { code: 'cost-checked', label: 'The cost matches the hospital’s quote' };
const STAGES: NonNullable<ProgramOptions['stages']> = [
  { name: 'Social worker', kind: 'review', officer: { type: 'user', ref: 'samuel' }, checklist: [RESIDENT, URGENT] },
  { name: 'Senior officer', kind: 'assessment', officer: { type: 'user', ref: 'sena' }, checklist: [COST_CHECKED] },
];
const REASONS = [
  { code: 'eligible', label: 'Eligible' },
  { code: 'not-eligible', label: 'Not eligible' },
];
const PEDRO = {
  applicant: {
    givenName: 'Pedro',
    familyName: 'Alves',
    gender: 'male',
    birthDate: '1985-09-03',
    occupation: 'Driver',
    phone: '+254 711 000003',
    address: { region: 'Nairobi', district: 'Westlands', locality: 'Parklands' },
  },
  familyMembers: [{ relation: 'child', givenName: 'Tiago', familyName: 'Alves', gender: 'male', birthDate: '2014-01-20' }],
};

interface Submitted {
  id: string;
  reference: string;
}

describe('an officer at their stage', () => {
  const database = `iaod_stage_work_${Date.now()}_${process.pid}`;
  const adminUrl = Object.assign(new URL(readTestEnvironment().databaseUrl), { pathname: '/postgres' }).href;
  let testApp: TestApp;
  let browser: Browser;
  /** Amina's application with a PDF and an image, decided here; her earlier one, which it is a signal of; Pedro's, clean. */
  let worked: Submitted;
  let earlier: Submitted;
  let clean: Submitted;

  async function upload(user: 'amina' | 'pedro', fixture: string, kind: string): Promise<{ documentId: string; kind: string }> {
    const res = await request(testApp.app)
      .post('/api/v1/documents')
      .set('Authorization', `Bearer ${await tokenFor(user)}`)
      .field('kind', kind)
      .attach(
        'file',
        await readFile(path.resolve('test/fixtures/documents', fixture)),
        fixture === 'tiny.pdf' ? 'report.pdf' : 'photo.png',
      );
    if (res.status !== 201) throw new Error(`not uploaded: ${res.status} ${JSON.stringify(res.body)}`);
    return { documentId: res.body.id as string, kind };
  }

  async function submit(user: 'amina' | 'pedro', body: object): Promise<Submitted> {
    const res = await request(testApp.app)
      .post('/api/v1/applications')
      .set('Authorization', `Bearer ${await tokenFor(user)}`)
      .send(body);
    if (res.status !== 201) throw new Error(`not submitted: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id as string, reference: res.body.reference as string };
  }

  beforeAll(async () => {
    await createDatabaseIfMissing(adminUrl, database);
    testApp = await startTestApp({
      port: BROWSER_TEST_PORT,
      env: { DATABASE_URL: Object.assign(new URL(adminUrl), { pathname: `/${database}` }).href },
    });
    browser = await launchChromium();
    const program = await createProgram(testApp.app, { stages: STAGES, reasonCodes: REASONS, timeZone: 'Africa/Nairobi' });
    clean = await submit('pedro', applicationFor(program.id, PEDRO));
    earlier = await submit('amina', applicationFor(program.id));
    const documents = [await upload('amina', 'tiny.pdf', 'medical-report'), await upload('amina', 'tiny.png', 'prescription')];
    worked = await submit('amina', applicationFor(program.id, { documents }));
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
    await dropDatabase(adminUrl, database);
  });

  async function signedIn(
    username: string,
    returnTo: string,
    language: 'en' | 'ar' = 'en',
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, testApp.url, username, returnTo, { language });
    await page.goto(`${testApp.url}${returnTo}`);
    return { context, page };
  }

  const pageOf = (application: Submitted) => `/officer/applications/${application.id}`;
  /** A message as a screen reader reads it: the visually hidden "Error:" first. */
  const spoken = (locator: Locator) => locator.evaluate((e) => e.textContent?.replace(/\s+/g, ' ').trim());
  const documentItem = (page: Page, name: string) => page.getByTestId('document').filter({ has: page.getByRole('heading', { name }) });

  it('views and verifies documents, reviews a signal and answers the checklist before approving', async () => {
    const { context, page } = await signedIn('samuel', pageOf(worked));
    await page.getByTestId('decision-form').waitFor();

    // The image is shown and the PDF is framed in the page: the document's own headers let its origin frame it.
    const report = documentItem(page, 'report.pdf');
    const photo = documentItem(page, 'photo.png');
    await expect(
      photo.getByTestId('document-image').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).resolves.toBeGreaterThan(0);
    const frameSource = await report.getByTestId('document-frame').getAttribute('src');
    const framed = await page.request.get(`${testApp.url}${frameSource}`);
    expect({
      status: framed.status(),
      type: framed.headers()['content-type'],
      framing: framed.headers()['x-frame-options'],
      policy: framed.headers()['content-security-policy'],
    }).toEqual({
      status: 200,
      type: 'application/pdf',
      framing: 'SAMEORIGIN',
      policy: "default-src 'none'; img-src 'self'; object-src 'self'; frame-ancestors 'self'",
    });
    const frame = page.frames().find((f) => f.url().endsWith(frameSource ?? '-'));
    expect(frame?.url()).toBe(`${testApp.url}${frameSource}`);
    await expect(report.getByTestId('document-link').innerText()).resolves.toBe('View report.pdf');
    await expect(report.getByTestId('document-verdict').innerText()).resolves.toBe('Not checked yet.');

    // The signal: Amina's earlier application, linked, with its evidence in words.
    const signal = page.getByTestId('signal').filter({ hasText: earlier.reference });
    await expect(signal.locator('h3').innerText()).resolves.toBe('The same person applied again');
    await expect(signal.getByRole('link', { name: earlier.reference }).getAttribute('href')).resolves.toBe(pageOf(earlier));
    await expect(signal.getByTestId('signal-evidence').innerText()).resolves.toBe(
      'Same registry record.\nSame name, date of birth and region.',
    );
    await expectAccessible(page, 'the application page with documents, signals and a checklist');
    await page.setViewportSize(PHONE);
    await expect(overflowsSideways(page)).resolves.toBe(false);
    await expectAccessible(page, 'the application page at 375 px');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Rejected without a reason: asked for next to the field, in place, and nothing recorded.
    await markLiveRegion(page);
    await report.getByRole('button', { name: 'Rejected report.pdf' }).click();
    await expectSwapOutcome(page, { announced: 'Write why report.pdf is rejected.', focused: page.locator('#documents-errors') });
    await expect(spoken(report.getByTestId('document-reason-error'))).resolves.toBe('Error: Write why report.pdf is rejected.');
    await expect(page.locator('#documents-errors a').getAttribute('href')).resolves.toMatch(/^#f-reason-[0-9a-f-]{36}$/);
    await expect(report.getByTestId('document-verdict').innerText()).resolves.toBe('Not checked yet.');
    await expectAccessible(page, 'a document rejected without a reason');

    await report.getByLabel('Reason to reject report.pdf').fill('The stamp of the hospital is missing.');
    await markLiveRegion(page);
    await report.getByRole('button', { name: 'Rejected report.pdf' }).click();
    await expectSwapOutcome(page, { announced: 'report.pdf is marked rejected.', focused: report });
    await expect(report.getByTestId('document-verdict').innerText()).resolves.toMatch(/^Rejected by Samuel Mensah on .+:$/);
    await expect(report.getByTestId('document-verdict-reason').innerText()).resolves.toBe('“The stamp of the hospital is missing.”');
    await expectAccessible(page, 'a document rejected with a reason');

    await markLiveRegion(page);
    await photo.getByRole('button', { name: 'Verified photo.png' }).click();
    await expectSwapOutcome(page, { announced: 'photo.png is marked verified.', focused: photo });
    await expect(photo.getByTestId('document-verdict').innerText()).resolves.toMatch(/^Verified by Samuel Mensah on .+\.$/);
    await expectAccessible(page, 'a document verified');

    // Without JavaScript the same form posts and comes back: the page with the error, or a redirect once recorded.
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    const action = await report.getByTestId('verify-form').getAttribute('action');
    const refused = await page.request.post(`${testApp.url}${action}`, {
      form: { _csrf: csrf, verdict: 'rejected', reason: ' ' },
      maxRedirects: 0,
    });
    expect(refused.status()).toBe(400);
    expect(await refused.text()).toContain('Write why report.pdf is rejected.');
    const plain = await page.request.post(`${testApp.url}${action}`, { form: { _csrf: csrf, verdict: 'verified' }, maxRedirects: 0 });
    expect({ status: plain.status(), location: plain.headers().location }).toEqual({
      status: 303,
      location: `${pageOf(worked)}#${(await report.getAttribute('id')) ?? ''}`,
    });
    await page.reload();
    await expect(documentItem(page, 'report.pdf').getByTestId('document-verdict').innerText()).resolves.toMatch(
      /^Verified by Samuel Mensah/,
    );

    // The signal reviewed: a note is needed, then who, when and the note are shown.
    await markLiveRegion(page);
    await signal.getByRole('button', { name: `Mark reviewed The same person applied again ${earlier.reference}` }).click();
    await expectSwapOutcome(page, { announced: 'Write a note saying what you concluded.', focused: page.locator('#signals-errors') });
    await expect(spoken(signal.getByTestId('signal-note-error'))).resolves.toBe('Error: Write a note saying what you concluded.');
    await expectAccessible(page, 'a signal reviewed without a note');
    // With the keyboard alone: the note, then Tab to its button and Enter.
    await signal.getByRole('textbox').focus();
    await page.keyboard.type('Her earlier application was for another treatment.');
    await markLiveRegion(page);
    await page.keyboard.press('Tab');
    await expect(signal.getByRole('button', { name: /^Mark reviewed/ }).evaluate((e) => e === e.ownerDocument.activeElement)).resolves.toBe(
      true,
    );
    await page.keyboard.press('Enter');
    await expectSwapOutcome(page, { announced: 'The signal is marked reviewed.', focused: signal });
    await expect(signal.getByTestId('signal-review').innerText()).resolves.toMatch(/^Reviewed by Samuel Mensah on .+:$/);
    await expect(signal.getByTestId('signal-note').innerText()).resolves.toBe('“Her earlier application was for another treatment.”');
    await expectAccessible(page, 'a signal reviewed');

    // The checklist: one item left unanswered is refused at that item, with what was chosen kept.
    const checklist = page.getByTestId('checklist');
    await expect(checklist.locator('legend').allInnerTexts()).resolves.toEqual([RESIDENT.label, URGENT.label]);
    await checklist.getByRole('group', { name: RESIDENT.label }).getByLabel('Yes').check();
    await page.check('#f-decision-approve');
    await page.selectOption('#f-reasonCode', 'eligible');
    await page.getByTestId('decide').click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    await expect(summary.locator('a').allInnerTexts()).resolves.toEqual([`Answer “${URGENT.label}”: yes or no.`]);
    await expect(summary.locator('a').getAttribute('href')).resolves.toBe('#f-checklist-urgent-yes');
    await expect(spoken(page.getByTestId('f-checklist-urgent-error'))).resolves.toBe(`Error: Answer “${URGENT.label}”: yes or no.`);
    await expect(page.locator('#f-checklist-resident-yes').isChecked()).resolves.toBe(true);
    await expect(page.locator('#f-decision-approve').isChecked()).resolves.toBe(true);
    await expect(page.locator('#f-reasonCode').inputValue()).resolves.toBe('eligible');
    await expectAccessible(page, 'a checklist item left unanswered');

    // Approving over a "no" needs words; then the decision goes through with both answers.
    await page.check('#f-checklist-urgent-no');
    await page.getByTestId('decide').click();
    await page.getByTestId('f-reasonText-error').waitFor();
    await expect(spoken(page.getByTestId('f-reasonText-error'))).resolves.toBe(
      `Error: “${URGENT.label}” is answered no: write why you approve anyway.`,
    );
    await expect(page.locator('#f-checklist-urgent-no').isChecked()).resolves.toBe(true);
    await expectAccessible(page, 'a checklist "no" without words');
    await page.fill('#f-reasonText', 'Not urgent, but the cost will grow if it waits.');
    await page.getByTestId('decide').click();
    await page.waitForURL(/\/officer#queue-notice$/);
    await expect(page.getByTestId('queue-notice').innerText()).resolves.toBe(`Application ${worked.reference} was approved at your stage.`);
    const recorded = await selectRows<{ checklist: Record<string, boolean> }>(
      testApp.runtime.database.sequelize,
      'SELECT checklist FROM application_decisions WHERE application_id = :id',
      { id: worked.id },
    );
    expect(recorded).toEqual([{ checklist: { resident: true, urgent: false } }]);

    // Without JavaScript a signal is reviewed by a plain post: refused without a note, then recorded.
    const review = `${testApp.url}${pageOf(earlier)}/signals/same-person.${worked.id}/review`;
    const noNote = await page.request.post(review, { form: { _csrf: csrf, note: '' }, maxRedirects: 0 });
    expect(noNote.status()).toBe(400);
    expect(await noNote.text()).toContain('Write a note saying what you concluded.');
    const noted = await page.request.post(review, { form: { _csrf: csrf, note: 'Same person, two treatments.' }, maxRedirects: 0 });
    expect({ status: noted.status(), location: noted.headers().location }).toEqual({
      status: 303,
      location: `${pageOf(earlier)}#signal-same-person-${worked.id}`,
    });

    // Pedro's application shares nothing with anyone: the panel says so.
    await page.goto(`${testApp.url}${pageOf(clean)}`);
    await expect(page.getByTestId('no-signals').innerText()).resolves.toBe('No fraud signals were found for this application.');
    await expectAccessible(page, 'an application without signals');
    await context.close();
  }, 150_000); // One walk through every state of the page, with ten accessibility checks: longer than one step.

  it('walks the page in Arabic, right to left', async () => {
    const { context, page } = await signedIn('sena', pageOf(worked), 'ar');
    await page.getByTestId('decision-form').waitFor();
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    const typed = [
      'Emergency surgery (test)',
      'Social worker',
      'Senior officer',
      'Not eligible',
      'Eligible',
      'Amina Yusuf',
      'Zawadi Yusuf',
      'Trader',
      'Urgent surgery',
      'Appendectomy after admission through the emergency ward.',
      'County Referral Hospital',
      'Likoni, Mombasa, Coast',
      'Samuel Mensah',
      'Not urgent, but the cost will grow if it waits.',
      'The stamp of the hospital is missing.',
      'Her earlier application was for another treatment.',
      'report.pdf',
      'photo.png',
      COST_CHECKED.label,
      RESIDENT.label,
      URGENT.label,
      worked.reference,
      earlier.reference,
    ];
    await expect(page.getByTestId('signal').first().locator('h3').innerText()).resolves.toBe('الشخص نفسه قدّم طلبًا آخر');
    // Samuel's answers to his stage's checklist, in the timeline.
    await expect(page.getByTestId('checklist-answer').allInnerTexts()).resolves.toEqual([`${RESIDENT.label}: نعم`, `${URGENT.label}: لا`]);
    await expectTranslated(page, 'ar', 'the application page', { data: typed });
    await expectAccessible(page, 'the application page in Arabic');

    // Sena's own verdict on the image, in place, said in Arabic.
    const photo = documentItem(page, 'photo.png');
    await markLiveRegion(page);
    await photo.getByRole('button', { name: 'مرفوض photo.png' }).click();
    await expectSwapOutcome(page, { announced: 'اكتب لماذا رُفض photo.png.', focused: page.locator('#documents-errors') });
    await expectTranslated(page, 'ar', 'a document rejected without a reason', { data: typed });
    await expectAccessible(page, 'a document rejected without a reason, in Arabic');

    // The checklist left unanswered, in Arabic, at 375 px.
    await page.setViewportSize(PHONE);
    await page.getByTestId('decide').click();
    await page.getByTestId('f-checklist-cost-checked-error').waitFor();
    expect(await page.getByTestId('f-checklist-cost-checked-error').innerText()).toContain(`«${COST_CHECKED.label}»`);
    await expect(overflowsSideways(page)).resolves.toBe(false);
    await expectTranslated(page, 'ar', 'a decision refused in Arabic', { data: typed });
    await expectAccessible(page, 'a decision refused in Arabic at 375 px');
    await context.close();
  });
});
