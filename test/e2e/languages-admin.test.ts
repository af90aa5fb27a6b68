/**
 * Program administration in French and in Arabic: the program manager walks every page and state (the
 * programs list, a refused new program, the program, a stage added, a stale save, the officer groups) and
 * each is in the page's language, with no English of ours left, and passes axe. Arabic is checked on a
 * phone: right to left, nothing wider than the screen.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Browser } from 'playwright-core';
import type { components } from '../../src/generated/openapi.js';
import { loadMessages, type Translate } from '../../src/platform/i18n/catalogs.js';
import { formatMoney } from '../../src/web/money.js';
import { expectAccessible } from '../support/accessibility.js';
import { launchChromium, overflowsSideways, signIn } from '../support/browser.js';
import { createProgram } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { tokenFor } from '../support/tokens.js';
import { expectTranslated } from '../support/translation.js';

type Program = components['schemas']['Program'];
type OfficerGroup = components['schemas']['OfficerGroup'];

// The realm allows sign-in redirects to this port (keycloak/realm.json).
const BROWSER_TEST_PORT = 3999;
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
/** Set to a folder (e.g. /tmp) to keep a screenshot of each page and state in each language. */
const SCREENSHOT_DIR = process.env.IAOD_SCREENSHOT_DIR;

/** What the fixtures wrote (program texts, people's names): not ours to translate. */
const FIXTURE_TEXTS = [
  'Emergency surgery (test)',
  'A program made by a test.',
  'Urgent surgery',
  'Medical treatment',
  'Eligible',
  'Social worker',
  'Senior officer',
  'Maria Okafor',
  'Samuel Mensah',
  'Sena Kofi',
  'Joy Banda',
];

describe('program administration in French and in Arabic', () => {
  let testApp: TestApp;
  let browser: Browser;
  const messages = loadMessages('locales');

  beforeAll(async () => {
    testApp = await startTestApp({ port: BROWSER_TEST_PORT });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  async function api() {
    const token = await tokenFor('maria');
    return {
      get: (url: string) => request(testApp.app).get(url).set('Authorization', `Bearer ${token}`),
      send: (method: 'patch' | 'put', url: string, body: object) =>
        request(testApp.app)[method](url).set('Authorization', `Bearer ${token}`).send(body),
    };
  }

  /** Every group's name and members as the groups page lists them (other test files may have made some). */
  async function groupTexts(): Promise<string[]> {
    const groups = ((await (await api()).get('/api/v1/officer-groups')).body as { items: OfficerGroup[] }).items;
    return groups.flatMap((group) => [group.name, ...group.members.map((member) => member.displayName ?? member.subject)]);
  }

  it.each([
    ['fr', DESKTOP],
    ['ar', PHONE],
  ] as const)('shows every administration page in %s', async (lang, viewport) => {
    const t: Translate = messages.translatorFor(lang);
    const program = await createProgram(testApp.app, { open: false });
    const client = await api();
    const groupCode = `night-${randomUUID().slice(0, 8)}`;
    expect((await client.send('put', `/api/v1/officer-groups/${groupCode}`, { name: 'Night reviewers', members: ['joy'] })).status).toBe(
      200,
    );
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();

    /** The checks every state gets: the language, axe, and in Arabic the phone's layout. */
    async function expectInLanguage(state: string, data: string[] = []): Promise<void> {
      await page.waitForLoadState('domcontentloaded');
      await expectTranslated(page, lang, state, { data: [...FIXTURE_TEXTS, ...data] });
      await expectAccessible(page, `${state} (${lang})`);
      if (SCREENSHOT_DIR) {
        const name = `admin-${lang}-${state.replace(/\W+/g, '-')}.png`;
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, name), fullPage: true });
      }
      if (lang === 'ar') {
        await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
        expect({ state, overflows: await overflowsSideways(page) }).toEqual({ state, overflows: false });
      }
    }

    try {
      await signIn(page, testApp.url, 'maria', '/admin', { language: lang });

      // The programs list, found by code.
      await page.goto(`${testApp.url}/admin?code=${program.code}`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('admin.programs.title'));
      const row = page.getByTestId('program-row').filter({ hasText: program.code });
      await expect(row.innerText()).resolves.toContain(formatMoney('5000.00', 'USD', lang));
      await expect(row.innerText()).resolves.toContain(t('admin.program.state.closed'));
      await expectInLanguage('the programs list');

      // A new program sent empty: refused, with the problems listed in the page's language.
      await page.getByRole('link', { name: t('admin.programs.new') }).click();
      await page.getByRole('button', { name: t('admin.programNew.create') }).click();
      const summary = page.getByTestId('error-summary');
      await expect(summary.getByRole('heading').textContent()).resolves.toBe(t('errorSummary.title'));
      await expect(summary.getByRole('link', { name: t('admin.fix.program.currency') }).count()).resolves.toBe(1);
      await expectInLanguage('the new program form with errors');

      // The program: its maximum amount as money in the page's language.
      await page.goto(`${testApp.url}/admin/programs/${program.id}`);
      await expect(page.getByTestId('program-state').textContent()).resolves.toBe(t('admin.program.state.closed'));
      await expect(page.locator('main').innerText()).resolves.toContain(
        t('admin.program.summary', { maxAmount: formatMoney('5000.00', 'USD', lang), days: 30, timeZone: 'UTC' }),
      );
      await expectInLanguage('the program page', [program.code]);

      // A stage added in place.
      const addForm = page.locator('form.add-stage');
      await addForm.getByLabel(t('admin.stage.name'), { exact: true }).fill('Triage');
      await addForm.getByLabel(t('admin.stage.officer.ref')).fill('joy');
      await addForm.getByRole('button', { name: t('admin.stages.add') }).click();
      await expect(page.getByTestId('stage-notice').textContent()).resolves.toBe(t('admin.stage.notice.added'));
      await expect(page.getByTestId('stage-kind').allTextContents()).resolves.toEqual([
        t('admin.stage.kindShown.review'),
        t('admin.stage.kindShown.assessment'),
        t('admin.stage.kindShown.review'),
      ]);
      await expectInLanguage('the stage editor after adding a stage', ['Triage']);

      // A request that fails is told by the page's script, in the page's words.
      await page.route('**/stages', (route) => route.fulfill({ status: 500, body: 'Server error' }), { times: 1 });
      await addForm.getByRole('button', { name: t('admin.stages.add') }).click();
      await page.getByTestId('request-error').waitFor();
      await expect(page.getByTestId('request-error').textContent()).resolves.toBe(t('admin.request.failed', { status: '500' }));

      // Someone renames the program meanwhile: the page's save is shown beside what is saved now.
      const stored = (await client.get(`/api/v1/programs/${program.id}`)).body as Program;
      expect(
        (await client.send('patch', `/api/v1/programs/${program.id}`, { version: stored.version, name: 'Renamed elsewhere' })).status,
      ).toBe(200);
      await page.getByLabel(t('admin.program.description')).fill('Typed on a stale page.');
      await page.getByRole('button', { name: t('admin.program.saveDetails') }).click();
      const stale = page.getByTestId('stale-edit');
      await expect(stale.getByRole('heading').textContent()).resolves.toBe(t('admin.stale.heading', { what: 'program' }));
      await expect(stale.getByTestId('stale-field').allTextContents()).resolves.toEqual([
        t('admin.program.name'),
        t('admin.program.description'),
      ]);
      await expectInLanguage('the program details after a stale save', ['Renamed elsewhere', 'Typed on a stale page.', 'Triage']);

      // The officer groups.
      await page.getByRole('link', { name: t('admin.nav.groups') }).click();
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('admin.groups.title'));
      await expect(page.getByTestId('group-row').filter({ hasText: groupCode }).count()).resolves.toBe(1);
      await expectInLanguage('the officer groups', await groupTexts());
    } finally {
      await context.close();
    }
  });
});
