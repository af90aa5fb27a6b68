/**
 * The Self-Service Portal in French and in Arabic, in a real browser: the demo applicant walks every portal page
 * (start, each step, a refused step, the review, a sent application with its timeline, her applications, the
 * discard question) and each is in her language with no English left, passes axe, and in Arabic at 375 px is
 * right to left with nothing wider than the screen. A date shows where the program runs, in words of the page.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { loadMessages } from '../../src/platform/i18n/catalogs.js';
import { expectAccessible } from '../support/accessibility.js';
import { launchChromium, overflowsSideways, signIn } from '../support/browser.js';
import { createProgram, type ProgramFixture } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { expectTranslated } from '../support/translation.js';

// The realm allows sign-in redirects to this port (keycloak/realm.json).
const BROWSER_TEST_PORT = 3999;
const PHONE = { width: 375, height: 740 };
const TINY_PDF = path.resolve('test/fixtures/documents/tiny.pdf');
// Five hours behind UTC: the date of an evening submission differs from the UTC one.
const PROGRAM_TIME_ZONE = 'America/Lima';
const SCREENSHOTS = process.env.SSP_SCREENSHOT_DIR ?? '/tmp';

// What people and fixtures wrote: never ours to translate.
const PROGRAM_TEXTS = ['Emergency surgery (test)', 'A program made by a test.', 'Urgent surgery', 'Medical treatment'];
const ANSWERS = {
  description: 'Appendectomie après admission aux urgences.',
  cost: '1250.50',
  facility: 'Hôpital de district',
  occupation: 'Commerçante',
  region: 'Côte',
  district: 'Mombasa',
  member: 'Zawadi',
};

describe('the Self-Service Portal in French and in Arabic', () => {
  let testApp: TestApp;
  let browser: Browser;
  let program: ProgramFixture;
  const messages = loadMessages('locales');

  beforeAll(async () => {
    testApp = await startTestApp({ port: BROWSER_TEST_PORT });
    browser = await launchChromium();
    program = await createProgram(testApp.app, { timeZone: PROGRAM_TIME_ZONE });
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it.each(['fr', 'ar'] as const)('walks every portal page in %s', async (language) => {
    const t = messages.translatorFor(language);
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-GB' });
    const page = await context.newPage();
    // Every program on the start page is data (the demo's own too), as are the person's name and answers.
    const data = [...PROGRAM_TEXTS, 'Amina Yusuf', 'Amina', 'Yusuf', 'NID-1001', 'tiny.pdf', ...Object.values(ANSWERS)];

    /** The page in the language, accessible, and in Arabic right to left within the phone's width. */
    const check = async (state: string) => {
      await expectTranslated(page, language, state, { data });
      await expectAccessible(page, `${state} (${language}, 375 px)`);
      if (language === 'ar') {
        await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
        expect({ state, overflows: await overflowsSideways(page) }).toEqual({ state, overflows: false });
      }
    };
    /** A new draft from the program's own page ("Start a new application" when an open one of it is there): its id. */
    const startDraft = async (): Promise<string> => {
      await page.goto(`${testApp.url}/ssp/programs/${program.id}`);
      const apply = page.locator(`form[action="/ssp/programs/${program.id}/apply"]`);
      const fresh = apply.locator('button[name="fresh"]');
      await ((await fresh.count()) > 0 ? fresh : apply.locator('button')).click();
      await page.waitForURL(/\/ssp\/drafts\/[0-9a-f-]{36}\/treatment$/);
      return /drafts\/([0-9a-f-]{36})\//.exec(page.url())?.[1] ?? '';
    };
    const saveAndContinue = async (next: string) => {
      await page.getByRole('button', { name: t('ssp.actions.saveAndContinue') }).click();
      await page.waitForURL(new RegExp(`/${next}$`));
    };

    try {
      await signIn(page, testApp.url, 'amina', '/ssp', { language });
      await page.goto(`${testApp.url}/ssp`);
      data.push(
        ...(await page.locator('.program h3').allTextContents()),
        ...(await page.locator('.program > p:not(.muted), .draft p strong').allTextContents()),
      );
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('ssp.home.heading'));
      await check('the start page');

      await page.goto(`${testApp.url}/ssp/programs/${program.id}`);
      await check("the program's own page");
      const draftId = await startDraft();

      // 1. The treatment, first refused with its messages, then answered.
      await page.getByRole('button', { name: t('ssp.actions.saveAndContinue') }).click();
      await page.getByTestId('error-summary').waitFor();
      await expect(page.getByTestId('error-summary').innerText()).resolves.toContain(t('ssp.error.type.missing'));
      await check('the treatment step refused');
      await page.getByLabel(t('ssp.treatment.type')).selectOption('surgery');
      await page.getByLabel(t('ssp.treatment.description')).fill(ANSWERS.description);
      await page.getByLabel(t('ssp.treatment.cost')).fill(ANSWERS.cost);
      await page.getByLabel(t('ssp.treatment.facility')).fill(ANSWERS.facility);
      await check('the treatment step');
      await saveAndContinue('person');

      // 2. About you.
      await page.getByLabel(t('ssp.person.familyName')).fill('Yusuf');
      await page.getByLabel(t('ssp.person.gender')).selectOption('female');
      await page.getByLabel(t('ssp.person.birthDate')).fill('1990-02-14');
      await page.getByLabel(t('ssp.person.occupation')).fill(ANSWERS.occupation);
      await check('the person step');
      await saveAndContinue('address');

      // 3. The address.
      await page.getByLabel(t('ssp.address.region')).fill(ANSWERS.region);
      await page.getByLabel(t('ssp.address.district')).fill(ANSWERS.district);
      await check('the address step');
      await saveAndContinue('family');

      // 4. A family member, added in place: the notice says so in the language.
      const form = page.locator('form.add-member');
      await form.getByLabel(t('ssp.family.relation')).selectOption('child');
      await form.getByLabel(t('ssp.person.givenName')).fill(ANSWERS.member);
      await form.getByLabel(t('ssp.person.familyName')).fill('Yusuf');
      await form.getByLabel(t('ssp.person.gender')).selectOption('female');
      await form.getByLabel(t('ssp.person.birthDate')).fill('2016-06-30');
      await form.getByRole('button', { name: t('ssp.family.addButton') }).click();
      await page
        .getByTestId('family-notice')
        .filter({ hasText: t('ssp.family.added', { name: 'Zawadi Yusuf' }) })
        .waitFor();
      await check('the family step with a member');
      await saveAndContinue('documents');

      // 5. A document, uploaded in place.
      await page.getByLabel(t('ssp.documents.kind')).selectOption('medical-report');
      await page.getByLabel(t('ssp.documents.file'), { exact: true }).setInputFiles(TINY_PDF);
      await page.getByRole('button', { name: t('ssp.documents.upload'), exact: true }).click();
      await page
        .getByTestId('documents-notice')
        .filter({ hasText: t('ssp.documents.uploaded', { name: 'tiny.pdf' }) })
        .waitFor();
      await check('the documents step with a file');
      await saveAndContinue('review');

      // 6. The review, then the application sent: its status and timeline, dated where the program runs.
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('ssp.step.name.review'));
      await check('the review');
      await page.screenshot({ path: `${SCREENSHOTS}/ssp-review-${language}-375.png`, fullPage: true });
      await page.getByRole('button', { name: t('ssp.review.send') }).click();
      await page.waitForURL(`${testApp.url}/ssp/applications/${draftId}?submitted=1`);
      await expect(page.getByTestId('status').textContent()).resolves.toBe(t('ssp.status.SUBMITTED'));
      await expect(page.locator('.stage-name').first().innerText()).resolves.toContain(t('ssp.timeline.sent'));
      data.push((await page.getByTestId('reference').textContent()) ?? '');
      if (language === 'fr') {
        const sentAt = new Date((await page.locator('.stage time').first().getAttribute('datetime')) ?? '');
        const limaDay = new Intl.DateTimeFormat('fr', { timeZone: PROGRAM_TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
        const sent = page.locator('.stage time').first();
        // "30 novembre 2026 à 21:57 heure normale du Pérou": French month, Lima's day and clock, the zone named.
        await expect(sent.textContent()).resolves.toContain(limaDay.format(sentAt));
        await expect(sent.textContent()).resolves.toContain('heure normale du Pérou');
      }
      await check('the sent application with its timeline');
      await page.screenshot({ path: `${SCREENSHOTS}/ssp-application-${language}-375.png`, fullPage: true });

      // My applications.
      await page
        .getByRole('link', { name: t('ssp.crumbs.applications') })
        .last()
        .click();
      await page.waitForURL(`${testApp.url}/ssp/applications`);
      data.push(...(await page.locator('.application .reference').allTextContents()));
      await check('my applications');

      // The discard question, for a new draft, and the start page's notice once discarded.
      const discardId = await startDraft();
      await page.goto(`${testApp.url}/ssp/drafts/${discardId}/discard`);
      data.push(...(await page.locator('.draft p strong').allTextContents()));
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('ssp.discard.title'));
      await check('the discard question');
      await page.getByRole('button', { name: t('ssp.discard.yes') }).click();
      await page.waitForURL(`${testApp.url}/ssp?discarded=1`);
      await expect(page.locator('.ssp p.status').textContent()).resolves.toBe(t('ssp.home.discarded'));
    } finally {
      await context.close();
    }
  });
});
