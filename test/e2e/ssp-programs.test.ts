/**
 * The open programs on the Self-Service Portal's start page come in pages, so every program can be found however
 * many there are; each program has a page of its own (the link a program gives out) with its Apply button. On a
 * database of its own, so the number of programs is this file's; in a real browser at 375 px, with axe on each state.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ERROR_CODES } from '../../src/platform/http/error-codes.js';
import { expectAccessible, tabTo } from '../support/accessibility.js';
import { launchChromium, overflowsSideways, signIn } from '../support/browser.js';
import { tokenFor } from '../support/tokens.js';
import { createProgram, type ProgramFixture } from '../support/fixtures.js';
import { startTestAppOnOwnDatabase } from '../support/own-database.js';
import type { TestApp } from '../support/harness.js';

// The realm allows sign-in redirects to this port (keycloak/realm.json).
const BROWSER_TEST_PORT = 3999;
const PHONE = { width: 375, height: 740 };
const PER_PAGE = 20;
const ON_SECOND_PAGE = 3;

describe('the programs on the Self-Service Portal', () => {
  let testApp: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Named so that they sort after the demo's programs: the last one is on the second page. */
  const made: ProgramFixture[] = [];
  let closed: ProgramFixture;

  beforeAll(async () => {
    testApp = await startTestAppOnOwnDatabase('ssp_programs', { port: BROWSER_TEST_PORT });
    const pool = testApp.runtime.database.pool;
    const open = (await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM programs WHERE state = 'open'")).rows[0]?.n ?? 0;
    for (let i = open; i < PER_PAGE + ON_SECOND_PAGE; i++) {
      made.push(await createProgram(testApp.app, { name: `Zz paged program ${String(i).padStart(2, '0')}` }));
    }
    closed = await createProgram(testApp.app, { name: 'Zz closed program', open: false });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: PHONE, locale: 'en-GB' });
    page = await context.newPage();
    await signIn(page, testApp.url, 'amina', '/ssp');
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  const cards = () => page.locator('.card.program');

  it('shows the programs twenty at a time, and the pages before and after reach every one', async () => {
    await page.goto(`${testApp.url}/ssp`);
    await expect(cards().count()).resolves.toBe(PER_PAGE);
    const pages = page.getByRole('navigation', { name: 'Pages of programs' });
    await expect(pages.innerText()).resolves.toContain('Page 1 of 2');
    await expect(pages.getByRole('link', { name: 'Previous programs' }).count()).resolves.toBe(0);
    expect(await overflowsSideways(page)).toBe(false);
    await expectAccessible(page, 'the start page, first page of programs (375 px)');

    // With the keyboard alone, to the next page.
    await tabTo(page, pages.getByRole('link', { name: 'More programs' }), 200);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${testApp.url}/ssp?page=2#programs-heading`);
    await expect(cards().count()).resolves.toBe(ON_SECOND_PAGE);
    const last = made.at(-1);
    await expect(page.locator(`form[action="/ssp/programs/${last?.id}/apply"]`).count()).resolves.toBe(1);
    await expect(pages.innerText()).resolves.toContain('Page 2 of 2');
    await expect(pages.getByRole('link', { name: 'More programs' }).count()).resolves.toBe(0);
    expect(await overflowsSideways(page)).toBe(false);
    await expectAccessible(page, 'the start page, last page of programs (375 px)');

    await pages.getByRole('link', { name: 'Previous programs' }).click();
    await page.waitForURL(`${testApp.url}/ssp?page=1#programs-heading`);
    await expect(cards().count()).resolves.toBe(PER_PAGE);

    // A page past the last shows the last; one that is not a number, the first. A closed program is on neither.
    await page.goto(`${testApp.url}/ssp?page=99`);
    await expect(cards().count()).resolves.toBe(ON_SECOND_PAGE);
    await page.goto(`${testApp.url}/ssp?page=two`);
    await expect(cards().count()).resolves.toBe(PER_PAGE);
    for (const address of ['/ssp?page=1', '/ssp?page=2']) {
      await page.goto(`${testApp.url}${address}`);
      await expect(page.locator(`form[action="/ssp/programs/${closed.id}/apply"]`).count()).resolves.toBe(0);
    }
  });

  it("gives each open program a page of its own to apply from, and names a draft's program wherever it is listed", async () => {
    const last = made.at(-1) as ProgramFixture;
    await page.goto(`${testApp.url}/ssp/programs/${last.id}`);
    await expect(page.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(`Zz paged program ${PER_PAGE + ON_SECOND_PAGE - 1}`);
    await expectAccessible(page, "a program's own page (375 px)");
    await page.getByRole('button', { name: /^Apply/ }).click();
    await page.waitForURL(/\/ssp\/drafts\/[0-9a-f-]{36}\/treatment$/);
    const draftId = /drafts\/([0-9a-f-]{36})\//.exec(page.url())?.[1] ?? '';

    // The draft's program is on the second page; the first still names it, and its own page continues the draft.
    await page.goto(`${testApp.url}/ssp`);
    const draft = page.locator('.card.draft').filter({ has: page.locator(`a[href="/ssp/drafts/${draftId}"]`) });
    await expect(draft.innerText()).resolves.toContain(`Zz paged program ${PER_PAGE + ON_SECOND_PAGE - 1}`);
    await page.goto(`${testApp.url}/ssp/programs/${last.id}`);
    await expect(page.getByRole('button', { name: /^Continue your application/ }).count()).resolves.toBe(1);
    await expectAccessible(page, "a program's own page with a draft to continue (375 px)");

    const discarded = await request(testApp.app)
      .delete(`/api/v1/application-drafts/${draftId}`)
      .set('Authorization', `Bearer ${await tokenFor('amina')}`);
    expect(discarded.status).toBe(204);
  });

  it('answers 404 in plain words for a closed program, an unknown one and an address that is not an id', async () => {
    for (const address of [`/ssp/programs/${closed.id}`, `/ssp/programs/${randomUUID()}`, '/ssp/programs/not-an-id']) {
      const response = await page.goto(`${testApp.url}${address}`);
      expect({ address, status: response?.status() }).toEqual({ address, status: 404 });
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(ERROR_CODES.ERR_NOT_FOUND.title);
    }
    await expectAccessible(page, 'the not-found page for a program (375 px)');
  });
});
