/**
 * A keyboard-only walk of every page of the product, at 1280 px and at 375 px, signed out and as each
 * demo role: on each page the first Tab reaches the skip link and it moves focus to the main content;
 * Tab reaches every visible control, each with a focus ring of at least 3:1, in an order that never
 * jumps right to left along a row, and comes back round (no keyboard trap); nothing scrolls sideways;
 * axe finds no WCAG 2.2 A/AA violation. The main action of the forms is done with the keyboard too.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { listPortalsFor } from '../../src/modules/portals/index.js';
import { ROLES } from '../../src/platform/auth/principal.js';
import { problemTypeFor } from '../../src/platform/http/problem.js';
import { expectAccessible, measureFocusRing, tabTo } from '../support/accessibility.js';
import { launchChromium, signIn } from '../support/browser.js';
import { applicationFor, createProgram, uniqueCode, type ProgramFixture } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { DEMO_USER_FOR_ROLE, tokenFor } from '../support/tokens.js';

// The realm allows sign-in redirects to this port (keycloak/realm.json).
const BROWSER_TEST_PORT = 3999;
interface Viewport {
  width: number;
  height: number;
}
const DESKTOP: Viewport = { width: 1280, height: 800 };
const PHONE: Viewport = { width: 375, height: 740 };
const WIDTHS = [DESKTOP, PHONE] as const;
/** Each test walks many pages twice; on a busy machine a walk takes longer than Jest's default allows. */
const WALK_TIMEOUT = 180_000;

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One element a keyboard user can reach, as the page draws it (page coordinates). */
interface TabStop {
  key: string;
  label: string;
  first: Box;
  last: Box;
}

// The tests compile without the DOM library: what runs in the page is plain JavaScript text.
const IN_PAGE_HELPERS = `
  const describeElement = (element) => {
    const name = element.getAttribute('aria-label') || element.textContent || element.getAttribute('name') || element.id || '';
    const type = element.getAttribute('type') ? '[' + element.getAttribute('type') + ']' : '';
    return element.tagName.toLowerCase() + type + ' "' + name.replace(/\\s+/g, ' ').trim().slice(0, 50) + '"';
  };
  const toBox = (rect) => ({
    top: rect.top + scrollY, left: rect.left + scrollX, bottom: rect.bottom + scrollY, right: rect.right + scrollX,
  });
  const keyOf = (element) => {
    if (!element.dataset.walkKey) {
      window.walkUnlisted = (window.walkUnlisted || 0) + 1;
      element.dataset.walkKey = 'unlisted-' + window.walkUnlisted;
    }
    return element.dataset.walkKey;
  };
`;

/**
 * Every control a keyboard user should reach: a native control or an element in the tab order, drawn
 * (not hidden, not inside a closed disclosure), not disabled; of a radio group only the stop Tab lands
 * on (the checked one, else the first).
 */
const LIST_VISIBLE_CONTROLS = `(() => {
  ${IN_PAGE_HELPERS}
  const focusable = 'a[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]';
  const candidates = [...document.querySelectorAll(focusable)];
  const radioGroups = new Set();
  const listed = [];
  for (const element of candidates) {
    // A native control taken out of the tab order (tabindex="-1") is still one a keyboard user needs.
    const native = element.matches('a[href], button, input, select, textarea, summary');
    if ((!native && element.tabIndex < 0) || element.disabled || element.closest('[inert]')) continue;
    if (element.type === 'hidden' || !element.checkVisibility({ visibilityProperty: true })) continue;
    if (element.type === 'radio') {
      const group = (element.form ? element.form.id || element.form.action : '') + '|' + element.name;
      if (radioGroups.has(group)) continue;
      const radios = [...document.querySelectorAll('input[type=radio]')].filter((r) => r.name === element.name && r.form === element.form);
      const stop = radios.find((r) => r.checked) || radios[0];
      radioGroups.add(group);
      listed.push(stop);
      continue;
    }
    listed.push(element);
  }
  return listed.map((element, index) => {
    element.dataset.walkKey = 'control-' + index;
    const main = document.querySelector('main');
    const beforeMain = Boolean(main && main.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING);
    return { key: element.dataset.walkKey, label: describeElement(element), beforeMain };
  });
})()`;

/** What a tab stop is: where it is drawn, and how its focus ring looks against what is behind it. */
const DESCRIBE_STOP = `
  const describeStop = (element) => {
    const style = getComputedStyle(element);
    let background = '';
    for (let node = element.parentElement; node && !background; node = node.parentElement) {
      const color = getComputedStyle(node).backgroundColor;
      if (color !== 'rgba(0, 0, 0, 0)') background = color;
    }
    const rects = element.getClientRects();
    const whole = element.getBoundingClientRect();
    return {
      key: keyOf(element),
      label: describeElement(element),
      look: [style.outlineStyle, style.outlineWidth, style.outlineColor, background].join(' '),
      first: toBox(rects[0] || whole),
      last: toBox(rects[rects.length - 1] || whole),
    };
  };
`;

/** The element that has the focus now, or null when the focus is on the page itself (between cycles). */
const DESCRIBE_FOCUS = `(() => {
  ${IN_PAGE_HELPERS}
  ${DESCRIBE_STOP}
  const element = document.activeElement;
  if (!element || element === document.body || element === document.documentElement) return null;
  return describeStop(element);
})()`;

/** From now on, each element that receives the focus is noted in order: the page is read once per cycle, not after every Tab. */
const NOTE_EACH_FOCUS = `(() => {
  ${IN_PAGE_HELPERS}
  ${DESCRIBE_STOP}
  window.walkLog = [];
  document.addEventListener('focusin', (event) => window.walkLog.push(describeStop(event.target)));
  document.addEventListener('focusout', (event) => { if (!event.relatedTarget) window.walkLog.push(null); });
})()`;

const SIDEWAYS_SCROLL = '({ scrollWidth: document.scrollingElement.scrollWidth, innerWidth: innerWidth })';

/** Same row: the two boxes share most of the height of the smaller one. */
function onSameRow(a: Box, b: Box): boolean {
  const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  const smaller = Math.min(a.bottom - a.top, b.bottom - b.top);
  return smaller > 1 && overlap > smaller / 2;
}

interface Focused extends TabStop {
  /** The outline and the background behind it: stops that look alike get one measurement. */
  look: string;
}

async function focused(page: Page): Promise<Focused | null> {
  return (await page.evaluate(DESCRIBE_FOCUS)) as Focused | null;
}

/**
 * The keyboard walk of the page as it is now (freshly loaded): skip link, then every tab stop round
 * the whole cycle back to the first one. Answers the stops in the order Tab reached them.
 */
async function walkWithKeyboard(page: Page, state: string): Promise<TabStop[]> {
  const expected = (await page.evaluate(LIST_VISIBLE_CONTROLS)) as { key: string; label: string; beforeMain: boolean }[];

  // The first Tab reaches the skip link; Enter on it puts the focus on the main content.
  await page.keyboard.press('Tab');
  const skip = await focused(page);
  expect({ state, first: skip?.label }).toEqual({ state, first: 'a "Skip to main content"' });
  await page.keyboard.press('Enter');
  await expect(page.evaluate('document.activeElement.id')).resolves.toBe('main');

  // Round the whole cycle: from the main content to the end, past the page's edge, and back.
  await page.evaluate(NOTE_EACH_FOCUS);
  // A date field takes a press for each of its parts, with no focus event between them: room for those.
  const maxPresses = 2 * expected.length + 10;
  let log: (Focused | null)[] = [];
  let cycleEnd = -1;
  for (let press = 0; cycleEnd < 0; press += 1) {
    if (press > maxPresses) {
      const labels = log.map((stop) => stop?.label ?? '(the page itself)');
      throw new Error(`Tab did not come back round after ${maxPresses} presses on ${state} (a keyboard trap?): ${labels.join(' → ')}`);
    }
    await page.keyboard.press('Tab');
    // Read the notes only once a full cycle may be complete.
    if (press + 1 >= expected.length + 2) {
      log = (await page.evaluate('window.walkLog')) as (Focused | null)[];
      const firstKey = log.find((stop) => stop !== null)?.key;
      cycleEnd = log.findIndex((stop, index) => index > 0 && stop !== null && stop.key === firstKey);
    }
  }
  // The focus leaves the page past the last control (to the browser) and comes back to the first.
  // A focus event noted twice in a row for one control (a loaded machine can fire it again as a field's
  // suggestion list closes) is one stop; the same control reached again later is a real repeat.
  const stops = log
    .slice(0, cycleEnd)
    .filter((stop): stop is Focused => stop !== null)
    .filter((stop, index, all) => index === 0 || all[index - 1]?.key !== stop.key);
  // The skip link skipped the header: the first stop is the first control from the main content on.
  const firstInMain = expected.find((control) => !control.beforeMain);
  expect({ state, afterSkip: stops[0]?.label, key: stops[0]?.key }).toEqual({
    state,
    afterSkip: firstInMain?.label,
    key: firstInMain?.key,
  });

  // Every visible control reached once, and nothing else.
  const reached = stops.map((stop) => stop.key);
  const missed = expected.filter((control) => !reached.includes(control.key)).map((control) => control.label);
  const unexpected = stops.filter((stop) => !expected.some((control) => control.key === stop.key)).map((stop) => stop.label);
  expect({ state, missed, unexpected }).toEqual({ state, missed: [], unexpected: [] });
  const repeated = reached.filter((key, index) => reached.indexOf(key) !== index);
  expect({ state, repeated }).toEqual({ state, repeated: [] });

  // Each look of focus ring, measured once on a control that has it, reached by Tab.
  const looks = new Map<string, Focused>();
  for (const stop of stops) if (!looks.has(stop.look)) looks.set(stop.look, stop);
  for (const stop of looks.values()) {
    const control = page.locator(`[data-walk-key="${stop.key}"]`);
    const hasFocus = await control.evaluate((element) => element === element.ownerDocument.activeElement);
    if (!hasFocus) await tabTo(page, control, maxPresses);
    const ring = await measureFocusRing(control);
    if (ring.width < 2 || ring.ratio < 3) {
      throw new Error(`faint focus ring on ${stop.label} (${state}): ${ring.width}px ${ring.color} on ${ring.background}, ${ring.ratio}:1`);
    }
  }

  // Along a row, Tab goes left to right (the cycle starts in main; compare neighbours only).
  for (let index = 1; index < stops.length; index += 1) {
    const before = stops[index - 1] as TabStop;
    const after = stops[index] as TabStop;
    if (onSameRow(before.last, after.first) && after.first.left < before.last.left - 1) {
      throw new Error(`Tab jumps right to left on ${state}: ${before.label} → ${after.label}`);
    }
  }
  return stops;
}

describe('a keyboard-only walk of every page', () => {
  let testApp: TestApp;
  let browser: Browser;
  let program: ProgramFixture;
  let groupCode: string;
  let applicationId: string;

  beforeAll(async () => {
    testApp = await startTestApp({ port: BROWSER_TEST_PORT });
    browser = await launchChromium();
    // Named to sort first: the portal lists the first 50 open programs by name (see quotas.test.ts).
    program = await createProgram(testApp.app, { name: 'Aa keyboard walk (test)' });
    groupCode = uniqueCode('walk').toLowerCase();
    const group = await request(testApp.app)
      .put(`/api/v1/officer-groups/${groupCode}`)
      .set('Authorization', `Bearer ${await tokenFor('maria')}`)
      .send({ name: 'Keyboard walkers', members: ['joy', 'samuel'] });
    expect(group.status).toBe(200);
    const submitted = await request(testApp.app)
      .post('/api/v1/applications')
      .set('Authorization', `Bearer ${await tokenFor('amina')}`)
      .send(applicationFor(program.id));
    expect(submitted.status).toBe(201);
    applicationId = submitted.body.id as string;
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  async function contextFor(username?: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: WIDTHS[0] });
    const page = await context.newPage();
    if (username) await signIn(page, testApp.url, username);
    return { context, page };
  }

  /**
   * Loads the page at each width, checks that nothing scrolls sideways and what axe finds, and walks it
   * with the keyboard. Answers the tab stops at each width.
   */
  async function walkPage(page: Page, path: string, state: string, widths: readonly Viewport[] = WIDTHS): Promise<Map<number, TabStop[]>> {
    const walks = new Map<number, TabStop[]>();
    for (const size of widths) {
      await page.setViewportSize(size);
      await page.goto(`${testApp.url}${path}`);
      const named = `${state} (${size.width} px)`;
      const sideways = (await page.evaluate(SIDEWAYS_SCROLL)) as { scrollWidth: number; innerWidth: number };
      expect({ named, scrollsSideways: sideways.scrollWidth > sideways.innerWidth }).toEqual({ named, scrollsSideways: false });
      await expectAccessible(page, named);
      walks.set(size.width, await walkWithKeyboard(page, named));
    }
    return walks;
  }

  it(
    'walks the public pages signed out: home, API reference, error types, one error type, privacy notice, not found',
    async () => {
      const { context, page } = await contextFor();
      await walkPage(page, '/', 'the home page signed out');
      // The reference has some 430 tab stops: walked on the wide screen; at 375 px its axe run and its
      // width are checked by test/e2e/sign-in.test.ts, the same page in the same order.
      await walkPage(page, '/docs', 'the API reference', [DESKTOP]);
      await walkPage(page, '/problems', 'the error types');
      await walkPage(page, problemTypeFor('ERR_NOT_FOUND'), 'one error type');
      await walkPage(page, '/privacy', 'the privacy notice');
      await walkPage(page, '/no-such-page', 'the not-found page');
      await context.close();
    },
    WALK_TIMEOUT,
  );

  it(
    'walks the home page as each demo role, and the page of each portal that is not open yet',
    async () => {
      for (const role of ROLES) {
        const { context, page } = await contextFor(DEMO_USER_FOR_ROLE[role]);
        await walkPage(page, '/', `the home page as ${role}`);
        const open = ['/ssp', '/admin', '/officer', '/vouchers', '/dashboards', '/audit'];
        for (const portal of listPortalsFor([role]).filter((p) => !open.includes(p.href))) {
          await walkPage(page, portal.href, `${portal.title} (not open yet) as ${role}`);
        }
        if (role === 'analyst') await walkPage(page, '/dashboards', 'the dashboards');
        if (role === 'auditor') await walkPage(page, '/audit', 'the audit trail');
        // The officers' work queue is open: walked as each officer role sees it.
        if (role === 'reviewer' || role === 'assessor') await walkPage(page, '/officer', `the work queue as ${role}`);
        if (role === 'issuing-officer') await walkPage(page, '/vouchers', 'the voucher issuance page');
        await context.close();
      }
    },
    WALK_TIMEOUT,
  );

  it(
    'walks the Self-Service Portal, and fills in a step, adds a family member and discards a draft with the keyboard only',
    async () => {
      const { context, page } = await contextFor('amina');
      await walkPage(page, '/ssp', 'the portal start page');

      // Apply, with the keyboard.
      await page.setViewportSize(DESKTOP);
      await page.goto(`${testApp.url}/ssp/programs/${program.id}`);
      await tabTo(page, page.locator(`form[action="/ssp/programs/${program.id}/apply"]`).getByRole('button', { name: /^Apply/ }), 200);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/ssp\/drafts\/[0-9a-f-]{36}\/treatment$/);
      const draftId = /drafts\/([0-9a-f-]{36})\//.exec(page.url())?.[1] ?? '';
      const draft = `/ssp/drafts/${draftId}`;

      // The treatment step, filled in and sent with the keyboard only.
      await tabTo(page, page.getByLabel('Type of treatment'));
      await page.keyboard.type('Urgent');
      await tabTo(page, page.getByLabel('What treatment is needed?'));
      await page.keyboard.type('Appendectomy after admission through the emergency ward.');
      await tabTo(page, page.getByLabel('Estimated cost'));
      await page.keyboard.type('1200');
      await tabTo(page, page.getByLabel('Hospital or clinic'));
      await page.keyboard.type('County Referral Hospital');
      await tabTo(page, page.getByRole('button', { name: 'Save and continue' }));
      await page.keyboard.press('Enter');
      await page.waitForURL(`${testApp.url}${draft}/person`);
      const amina = await tokenFor('amina');
      const saved = await request(testApp.app).get(`/api/v1/application-drafts/${draftId}`).set('Authorization', `Bearer ${amina}`);
      expect(saved.body.data.treatment).toEqual({
        type: 'surgery',
        description: 'Appendectomy after admission through the emergency ward.',
        estimatedCost: '1200',
        currency: program.currency,
        facility: 'County Referral Hospital',
      });
      // The rest of the draft through the API, so each step and the review show a complete application.
      const completed = await request(testApp.app)
        .put(`/api/v1/application-drafts/${draftId}`)
        .set('Authorization', `Bearer ${amina}`)
        .send(applicationFor(program.id));
      expect(completed.status).toBe(200);

      for (const step of ['treatment', 'person', 'address', 'family', 'documents']) {
        const walks = await walkPage(page, `${draft}/${step}`, `the ${step} step`);
        // On a wide screen the two buttons share a row: Tab reaches the left one first.
        const stops = walks.get(DESKTOP.width) ?? [];
        const save = stops.findIndex((stop) => stop.label.includes('"Save and continue"'));
        const back = stops.findIndex((stop) => stop.label.includes('"Back"'));
        expect({ step, save: save >= 0, back: back >= 0 }).toEqual({ step, save: true, back: true });
        const [first, second] = save < back ? [stops[save], stops[back]] : [stops[back], stops[save]];
        expect({ step, leftToRight: (first?.last.right ?? Infinity) <= (second?.first.left ?? 0) }).toEqual({ step, leftToRight: true });
      }

      // A family member added with the keyboard only (an in-place update of the page).
      await page.setViewportSize(DESKTOP);
      await page.goto(`${testApp.url}${draft}/family`);
      const addMember = page.locator('form.add-member');
      await tabTo(page, addMember.getByLabel('How are they related to you?'));
      await page.keyboard.type('Spouse');
      await tabTo(page, addMember.getByLabel('Given name'));
      await page.keyboard.type('Juma');
      await tabTo(page, addMember.getByLabel('Family name'));
      await page.keyboard.type('Yusuf');
      await tabTo(page, addMember.getByLabel('Gender'));
      await page.keyboard.type('Male');
      await tabTo(page, addMember.getByLabel('Birth date'));
      // Chromium's date field in the en-US locale: month, day, year.
      await page.keyboard.type('09011985');
      await tabTo(page, addMember.getByRole('button', { name: 'Add family member' }));
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Juma Yusuf was added.' }).waitFor();
      await expect(page.locator('.member-name').allTextContents()).resolves.toEqual(['Zawadi Yusuf', 'Juma Yusuf']);
      await expectAccessible(page, 'the family step after adding a member with the keyboard (1280 px)');

      await walkPage(page, `${draft}/review`, 'the review step');
      await walkPage(page, '/ssp/applications', 'my applications');
      await walkPage(page, `/ssp/applications/${applicationId}`, 'the status of a sent application');
      await walkPage(page, `${draft}/discard`, 'the question before discarding a draft');

      // Discarded, with the keyboard.
      await tabTo(page, page.getByRole('button', { name: 'Yes, discard it' }));
      await page.keyboard.press('Enter');
      await page.waitForURL(`${testApp.url}/ssp?discarded=1`);
      await expect(page.locator(`a[href="${draft}"]`).count()).resolves.toBe(0);
      await context.close();
    },
    WALK_TIMEOUT,
  );

  it(
    'walks the program administration pages, and adds a stage, finds a program and saves a group with the keyboard only',
    async () => {
      const { context, page } = await contextFor('maria');
      await walkPage(page, '/admin', 'the programs');
      await walkPage(page, '/admin/programs/new', 'a new program');
      await walkPage(page, `/admin/programs/${program.id}`, "a program's details and stage editor");
      await walkPage(page, '/admin/officer-groups', 'the officer groups');
      await walkPage(page, `/admin/officer-groups/${groupCode}`, 'an officer group');

      // A stage added with the keyboard only: type, Space on a radio button, Enter on the button.
      await page.setViewportSize(DESKTOP);
      await page.goto(`${testApp.url}/admin/programs/${program.id}`);
      const addStage = page.locator('form.add-stage');
      await tabTo(page, addStage.getByLabel('Stage name'));
      await page.keyboard.type('Keyboard review');
      await tabTo(page, addStage.getByRole('radio', { name: /^Review/ }));
      await page.keyboard.press('Space');
      await tabTo(page, addStage.getByLabel('Username or group code'));
      await page.keyboard.type('joy');
      await tabTo(page, addStage.getByRole('button', { name: 'Add stage' }));
      await page.keyboard.press('Enter');
      await page.getByTestId('stage').filter({ hasText: 'Keyboard review' }).waitFor();
      await expect(page.getByTestId('stage').count()).resolves.toBe(3);
      await expectAccessible(page, 'the stage editor after adding a stage with the keyboard (1280 px)');

      // Find a program by its code, with the keyboard.
      await page.goto(`${testApp.url}/admin`);
      await tabTo(page, page.getByLabel('Program code'));
      await page.keyboard.type(program.code);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/admin\?/);
      await expect(page.getByTestId('program-row').count()).resolves.toBe(1);

      // Rename a group and save it, with the keyboard.
      await page.goto(`${testApp.url}/admin/officer-groups/${groupCode}`);
      await tabTo(page, page.getByLabel('Name', { exact: true }));
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('Keyboard walkers (renamed)');
      await tabTo(page, page.getByRole('button', { name: 'Save group' }));
      await page.keyboard.press('Enter');
      await page.getByTestId('notice').waitFor();
      await expect(page.getByTestId('group-row').filter({ hasText: groupCode }).innerText()).resolves.toContain(
        'Keyboard walkers (renamed)',
      );
      await context.close();
    },
    WALK_TIMEOUT,
  );
});
