/**
 * Officers decide an application's stages on their own pages, in Chromium, each signed in through the real
 * login page: samuel approves the first review stage, joy (in French) the second, sena assesses it with an
 * amount (after a refused amount over the program's maximum), and amina sees the result on her status page.
 * On the way: the work queue with its filters and counts, a document viewed in place, the timeline with who
 * decided, a replayed decision, and bulk approval where one item fails and the other goes through.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/harness.js';
import { launchChromium, signIn } from '../support/browser.js';
import { expectAccessible } from '../support/accessibility.js';
import { expectTranslated } from '../support/translation.js';
import { applicationFor, createProgram, forgetOfficerVerification, type ProgramFixture } from '../support/fixtures.js';
import { tokenFor } from '../support/tokens.js';
import { selectRows } from '../../src/platform/db/sql.js';

// The realm allows sign-in redirects to this port (keycloak/realm.json).
const BROWSER_TEST_PORT = 3999;
const PHONE = { width: 375, height: 740 };
const STAGES = [
  { name: 'Social worker', kind: 'review', officer: { type: 'user', ref: 'samuel' } },
  { name: 'Junior officer', kind: 'review', officer: { type: 'user', ref: 'joy' } },
  { name: 'Senior officer', kind: 'assessment', officer: { type: 'user', ref: 'sena' } },
] as const;
const REASONS = [
  { code: 'eligible', label: 'Eligible' },
  { code: 'not-eligible', label: 'Not eligible' },
];

interface Submitted {
  id: string;
  reference: string;
}

describe('the officer pages', () => {
  let testApp: TestApp;
  let browser: Browser;
  let program: ProgramFixture;
  /** A program of its own for bulk approval, so its queue holds only those items. */
  let bulkProgram: ProgramFixture;
  let programName: string;
  /** The application decided end to end (with a document); two for bulk approval, in the order sent. */
  let decided: Submitted;
  let bulk: Submitted[];

  async function submit(programId: string, documents: object[] = []): Promise<Submitted> {
    const res = await request(testApp.app)
      .post('/api/v1/applications')
      .set('Authorization', `Bearer ${await tokenFor('amina')}`)
      .send(applicationFor(programId, { documents }));
    if (res.status !== 201) throw new Error(`not submitted: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id as string, reference: res.body.reference as string };
  }

  beforeAll(async () => {
    testApp = await startTestApp({ port: BROWSER_TEST_PORT });
    browser = await launchChromium();
    program = await createProgram(testApp.app, { stages: [...STAGES], reasonCodes: REASONS, timeZone: 'Africa/Nairobi' });
    bulkProgram = await createProgram(testApp.app, { stages: [...STAGES], reasonCodes: REASONS, timeZone: 'Africa/Nairobi' });
    const token = await tokenFor('amina');
    const uploaded = await request(testApp.app)
      .post('/api/v1/documents')
      .set('Authorization', `Bearer ${token}`)
      .field('kind', 'medical-report')
      .attach('file', await readFile(path.resolve('test/fixtures/documents/tiny.pdf')), 'report.pdf');
    expect(uploaded.status).toBe(201);
    bulk = [await submit(bulkProgram.id), await submit(bulkProgram.id)];
    // An officer corrected Amina's occupation in the registry; she applies again with her own: a proposed change.
    const registrant = (await request(testApp.app).get('/api/v1/me/registrant').set('Authorization', `Bearer ${token}`)).body as {
      id: string;
      version: number;
    };
    const corrected = await request(testApp.app)
      .patch(`/api/v1/registrants/${registrant.id}`)
      .set('Authorization', `Bearer ${await tokenFor('samuel')}`)
      .send({ version: registrant.version, occupation: 'Tailor' });
    expect(corrected.status).toBe(200);
    decided = await submit(program.id, [{ documentId: uploaded.body.id as string, kind: 'medical-report' }]);
    const read = await request(testApp.app).get(`/api/v1/programs/${program.id}`).set('Authorization', `Bearer ${token}`);
    programName = read.body.name as string;
  });
  afterAll(async () => {
    // Amina's record is hers again for the other test files (see forgetOfficerVerification).
    if (testApp) await forgetOfficerVerification(testApp.runtime.database.sequelize, 'NID-1001');
    await browser?.close();
    await testApp?.close();
  });

  async function signedIn(
    username: string,
    returnTo: string,
    language: 'en' | 'fr' = 'en',
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, testApp.url, username, returnTo, { language });
    // Switching the language comes back to the path without its query (the filter): go where the test meant.
    await page.goto(`${testApp.url}${returnTo}`);
    return { context, page };
  }

  const queueOf = (page: Page) => page.getByTestId('queue-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-reference')));
  const queuePath = (programId = program.id) => `/officer?programId=${programId}`;

  it('lets each designated officer decide their stage in turn, and the applicant sees the result', async () => {
    // The home page's officer card leads to the queue.
    const samuel = await signedIn('samuel', '/');
    await expect(samuel.page.locator('a[href="/officer"]').count()).resolves.toBeGreaterThan(0);

    // Samuel's queue of this program: oldest first, with how many wait at his stage.
    await samuel.page.goto(`${testApp.url}${queuePath()}`);
    await expect(queueOf(samuel.page)).resolves.toEqual([decided.reference]);
    await expect(samuel.page.getByTestId('stage-count').allInnerTexts()).resolves.toEqual([
      `Social worker (${programName}): 1 application`,
    ]);
    await expectAccessible(samuel.page, 'the work queue');
    // Waiting at least a day: nothing yet.
    await samuel.page.selectOption('#f-minWaitHours', '24');
    await samuel.page.getByRole('button', { name: 'Show applications' }).click();
    await samuel.page.waitForURL(/minWaitHours=24/);
    await expect(samuel.page.getByTestId('queue-item').count()).resolves.toBe(0);
    await expect(samuel.page.getByText('Nothing is waiting for you.').isVisible()).resolves.toBe(true);

    // The application: the snapshot, the document viewed in place.
    await samuel.page.goto(`${testApp.url}${queuePath()}`);
    await samuel.page.getByRole('link', { name: decided.reference }).click();
    await samuel.page.getByTestId('decision-form').waitFor();
    await expect(samuel.page.getByTestId('applicant').innerText()).resolves.toContain('Amina Yusuf');
    await expect(samuel.page.getByTestId('address').innerText()).resolves.toBe('Likoni, Mombasa, Coast');
    await expect(samuel.page.getByTestId('estimated-cost').innerText()).resolves.toBe('USD\u00a01,200.50');
    await expect(samuel.page.getByTestId('family').innerText()).resolves.toContain('Zawadi Yusuf · Child');
    const documentLink = samuel.page.getByRole('link', { name: 'View report.pdf' });
    const shown = await samuel.page.request.get(`${testApp.url}${await documentLink.getAttribute('href')}`);
    expect({
      status: shown.status(),
      type: shown.headers()['content-type'],
      disposition: shown.headers()['content-disposition'],
      cache: shown.headers()['cache-control'],
      pdf: (await shown.body()).subarray(0, 5).toString(),
    }).toEqual({
      status: 200,
      type: 'application/pdf',
      disposition: 'inline; filename=report.pdf',
      cache: 'private, no-store',
      pdf: '%PDF-',
    });
    await expectAccessible(samuel.page, 'the application page at a review stage');

    // The first-stage officer accepts the proposed registry change in place; the page says so and keeps focus there.
    const proposals = samuel.page.getByTestId('proposals');
    await expect(proposals.getByTestId('proposal').innerText()).resolves.toMatch(
      /occupation\s+In the registry\s+Tailor\s+Proposed\s+Trader/,
    );
    await proposals.getByRole('button', { name: 'Accept occupation' }).click();
    await samuel.page.getByTestId('proposal-decision').waitFor();
    await expect(samuel.page.getByTestId('proposal-decision').innerText()).resolves.toMatch(/^Accepted by samuel on /);
    await expect(samuel.page.getByTestId('live-region').innerText()).resolves.toBe('The proposed occupation was accepted.');
    await expect(samuel.page.locator('#proposal-occupation').evaluate((e) => e.ownerDocument.activeElement === e)).resolves.toBe(true);
    await expectAccessible(samuel.page, 'a proposed registry change accepted');

    // Sent with nothing chosen: the page says what is missing, next to each field.
    await samuel.page.getByTestId('decide').click();
    await samuel.page.getByTestId('error-summary').waitFor();
    await expect(samuel.page.getByTestId('error-summary').locator('a').allInnerTexts()).resolves.toEqual([
      'Choose whether to approve or reject.',
      'Choose one of the program’s reasons.',
    ]);
    await expect(samuel.page.locator('#f-reasonCode').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(samuel.page, 'a decision sent with nothing chosen');

    await samuel.page.check('#f-decision-approve');
    await samuel.page.selectOption('#f-reasonCode', 'eligible');
    await samuel.page.fill('#f-reasonText', 'Enrolled; no duplicate found.');
    await samuel.page.getByTestId('decide').click();
    await samuel.page.waitForURL(/\/officer#queue-notice$/);
    await expect(samuel.page.getByTestId('queue-notice').innerText()).resolves.toBe(
      `Application ${decided.reference} was approved at your stage.`,
    );
    await expect(samuel.page.getByTestId('queue-notice').evaluate((e) => e.ownerDocument.activeElement === e)).resolves.toBe(true);
    await expectAccessible(samuel.page, 'the queue after a decision');
    await samuel.context.close();

    // Joy, in French: the queue and the application with Samuel's decision, then her own.
    const joy = await signedIn('joy', queuePath(), 'fr');
    // What people wrote: the program's own words (its reason labels are offered on the queue too).
    // The queue's program filter lists every program Joy officiates, those of other test files too.
    const programNames = (
      await selectRows<{ name: string }>(testApp.runtime.database.sequelize, 'SELECT name FROM programs ORDER BY length(name) DESC')
    ).map((row) => row.name);
    const people = [programName, 'Social worker', 'Junior officer', 'Senior officer', 'Not eligible', ...programNames];
    await expect(queueOf(joy.page)).resolves.toEqual([decided.reference]);
    await expectTranslated(joy.page, 'fr', 'the work queue', { data: people });
    await expectAccessible(joy.page, 'the work queue in French');
    await joy.page.getByRole('link', { name: decided.reference }).click();
    await joy.page.getByTestId('decision-form').waitFor();
    await expect(joy.page.getByTestId('timeline-stage').first().innerText()).resolves.toContain('Décidé par Samuel Mensah');
    await expectTranslated(joy.page, 'fr', 'the application page', {
      data: [
        ...people,
        'Amina Yusuf',
        'Zawadi Yusuf',
        'Trader',
        'Urgent surgery',
        'Appendectomy after admission through the emergency ward.',
        'County Referral Hospital',
        'Likoni, Mombasa, Coast',
        'Samuel Mensah',
        'Enrolled; no duplicate found.',
      ],
    });
    await expectAccessible(joy.page, 'the application page in French');
    await joy.page.check('#f-decision-approve');
    await joy.page.selectOption('#f-reasonCode', 'eligible');
    await joy.page.getByTestId('decide').click();
    await joy.page.waitForURL(/\/officer#queue-notice$/);
    await expect(joy.page.getByTestId('queue-notice').innerText()).resolves.toBe(
      `La demande ${decided.reference} a été approuvée à votre étape.`,
    );
    await joy.context.close();

    // Sena assesses: an amount over the program's maximum is refused next to the field, then an amount goes through.
    const sena = await signedIn('sena', queuePath());
    await sena.page.getByRole('link', { name: decided.reference }).click();
    await sena.page.getByTestId('decision-form').waitFor();
    await expect(sena.page.locator('#f-amount-hint').innerText()).resolves.toBe(
      'At most USD\u00a05,000, the program’s maximum. The estimated cost is USD\u00a01,200.50.',
    );
    await expectAccessible(sena.page, 'the application page at the assessment stage');
    await sena.page.check('#f-decision-approve');
    await sena.page.selectOption('#f-reasonCode', 'eligible');
    await sena.page.fill('#f-amount', '6000');
    await sena.page.fill('#f-overrideReason', 'The surgeon expects complications.');
    await sena.page.getByTestId('decide').click();
    await sena.page.getByTestId('f-amount-error').waitFor();
    // The visually hidden "Error:" is read before the message by a screen reader.
    await expect(sena.page.getByTestId('f-amount-error').evaluate((e) => e.textContent?.trim())).resolves.toBe(
      'Error: Enter an amount of at most USD\u00a05,000, the program’s maximum.',
    );
    await expect(sena.page.locator('#f-amount').inputValue()).resolves.toBe('6000');
    await expect(sena.page.getByTestId('error-summary').locator('a').getAttribute('href')).resolves.toBe('#f-amount');
    await expectAccessible(sena.page, 'an amount over the maximum, refused');

    await sena.page.fill('#f-amount', '1100');
    await sena.page.fill('#f-overrideReason', '');
    const form = sena.page.getByTestId('decision-form');
    // What the browser would send (the chosen radio only), to send it a second time.
    const fields = Object.fromEntries(
      await form.locator('input[name], select[name], textarea[name]').evaluateAll((elements) =>
        elements
          .map((e) => e as unknown as { name: string; value: string; type?: string; checked?: boolean })
          .filter((e) => e.type !== 'radio' || e.checked)
          .map((e) => [e.name, e.value] as [string, string]),
      ),
    );
    const action = await form.getAttribute('action');
    await sena.page.getByTestId('decide').click();
    await sena.page.waitForURL(/\/officer#queue-notice$/);
    await expect(sena.page.getByTestId('queue-notice').innerText()).resolves.toBe(
      `Application ${decided.reference} was approved at your stage.`,
    );
    // The same form sent again (a double submit) gets the same result: back to the queue, nothing decided twice.
    const again = await sena.page.request.post(`${testApp.url}${action}`, { form: fields, maxRedirects: 0 });
    expect({ status: again.status(), location: again.headers().location }).toEqual({ status: 303, location: '/officer#queue-notice' });
    await sena.page.goto(`${testApp.url}/officer/applications/${decided.id}`);
    await expect(sena.page.getByTestId('assessed-amount').innerText()).resolves.toBe('USD\u00a01,100');
    await expect(sena.page.getByTestId('ended').isVisible()).resolves.toBe(true);
    await expectAccessible(sena.page, 'an approved application');
    await sena.context.close();

    // Amina sees the result on her status page.
    const amina = await signedIn('amina', `/ssp/applications/${decided.id}`);
    await expect(amina.page.getByTestId('status').innerText()).resolves.toContain('Approved');
    await expect(amina.page.locator('.stage').last().innerText()).resolves.toContain('Approved');
    await expectAccessible(amina.page, "the applicant's status page after the last stage");
    await amina.context.close();
  });

  it('approves the chosen review items one by one, reporting the one that could not be approved', async () => {
    const samuel = await signedIn('samuel', queuePath(bulkProgram.id));
    await expect(queueOf(samuel.page)).resolves.toEqual(bulk.map((b) => b.reference));
    // Nothing chosen: said at the bulk form, which keeps the queue's filter.
    await samuel.page.getByRole('button', { name: 'Approve the chosen applications' }).click();
    await samuel.page.getByTestId('bulk-error').waitFor();
    await expect(samuel.page.getByTestId('bulk-error').innerText()).resolves.toContain('Choose at least one application to approve.');
    await expect(queueOf(samuel.page)).resolves.toEqual(bulk.map((b) => b.reference));
    await expectAccessible(samuel.page, 'a bulk approval with nothing chosen');

    for (const item of bulk) await samuel.page.getByLabel(`Choose ${item.reference}`).check();
    await samuel.page.selectOption('#f-reasonCode', 'eligible');
    // Meanwhile the second is decided elsewhere: its stage is no longer the one to decide.
    const elsewhere = await request(testApp.app)
      .post(`/api/v1/applications/${bulk[1]?.id}/stages/1/decision`)
      .set('Authorization', `Bearer ${await tokenFor('samuel')}`)
      .send({ decision: 'approve', reasonCode: 'eligible' });
    expect(elsewhere.status).toBe(201);
    await samuel.page.getByRole('button', { name: 'Approve the chosen applications' }).click();
    await samuel.page.getByTestId('bulk-results').waitFor();
    await expect(samuel.page.getByTestId('queue-notice').locator('p').innerText()).resolves.toBe(
      '1 application approved; 1 could not be approved.',
    );
    await expect(samuel.page.getByTestId('bulk-result').allInnerTexts()).resolves.toEqual([
      `${bulk[0]?.reference}: Approved`,
      `${bulk[1]?.reference}: This stage is not the one being decided now`,
    ]);
    await expectAccessible(samuel.page, 'the results of a bulk approval');
    // Nothing is left for Samuel in this program; at 375 px the page still fits.
    await samuel.page.setViewportSize(PHONE);
    await expect(queueOf(samuel.page)).resolves.toEqual([]);
    await expect(samuel.page.locator('html').evaluate((e) => e.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(samuel.page, 'the results of a bulk approval (375 px)');
    await samuel.context.close();
  });
});
