/**
 * The program manager edits a program's approval stages in Chromium, signed in through the real login
 * page. Every change is checked twice: on the page and through the API, so the stored order, kinds and
 * officers are what the page shows.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { components } from '../../src/generated/openapi.js';
import { ERROR_CODES } from '../../src/platform/http/error-codes.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { launchChromium, signIn } from '../support/browser.js';
import { expectAccessible, measureFocusRing, tabTo } from '../support/accessibility.js';
import { createProgram } from '../support/fixtures.js';
import { expectSwapOutcome, markLiveRegion } from '../support/in-page-updates.js';
import { subjectOf, tokenFor } from '../support/tokens.js';

type Program = components['schemas']['Program'];
type OfficerGroup = components['schemas']['OfficerGroup'];

// The realm allows sign-in redirects to this port (keycloak/realm.json).
const BROWSER_TEST_PORT = 3999;
const CONFLICT = 'Changed by someone else since you read it: here is the current version.';
/** Set to a folder (e.g. /tmp) to keep screenshots of the editor, desktop and 375 px wide. */
const SCREENSHOT_DIR = process.env.IAOD_SCREENSHOT_DIR;

interface StageAsShown {
  position: number;
  name: string;
  kind: string;
  officer: { type: string; ref: string };
}

describe('the stage editor on the program administration pages', () => {
  let testApp: TestApp;
  let browser: Browser;
  /** The run's provider gives each officer a subject; the API shows stage officers by it. */
  const subjects = { samuel: '', joy: '', sena: '' };

  beforeAll(async () => {
    testApp = await startTestApp({ port: BROWSER_TEST_PORT });
    browser = await launchChromium();
    for (const name of ['samuel', 'joy', 'sena'] as const) subjects[name] = await subjectOf(name);
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  async function api(): Promise<{
    get(url: string): Promise<request.Response>;
    send(method: 'post' | 'patch' | 'put', url: string, body: object): Promise<request.Response>;
  }> {
    const token = await tokenFor('maria');
    return {
      get: (url) => request(testApp.app).get(url).set('Authorization', `Bearer ${token}`),
      send: (method, url, body) => request(testApp.app)[method](url).set('Authorization', `Bearer ${token}`).send(body),
    };
  }

  async function storedProgram(id: string): Promise<Program> {
    const response = await (await api()).get(`/api/v1/programs/${id}`);
    expect(response.status).toBe(200);
    return response.body as Program;
  }

  function asShown(program: Program): StageAsShown[] {
    return program.stages.map(({ position, name, kind, officer }) => ({
      position,
      name,
      kind,
      officer: { type: officer.type, ref: officer.ref },
    }));
  }

  function stagesOnPage(page: Page): Promise<StageAsShown[]> {
    return page.getByTestId('stage').evaluateAll((items) =>
      items.map((item) => {
        const text = (id: string) => item.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? '';
        const officer = item.querySelector('[data-testid="stage-officer"]');
        return {
          position: Number(text('stage-position')),
          name: text('stage-name'),
          kind: text('stage-kind'),
          officer: { type: officer?.getAttribute('data-officer-type') ?? '', ref: officer?.getAttribute('data-officer-ref') ?? '' },
        };
      }),
    );
  }

  /** The page shows exactly the stages the API has stored, in the same order. */
  async function expectPageMatchesStore(page: Page, programId: string): Promise<Program> {
    const stored = await storedProgram(programId);
    await expect(stagesOnPage(page)).resolves.toEqual(asShown(stored));
    await expect(page.getByTestId('program-version').textContent()).resolves.toBe(String(stored.version));
    return stored;
  }

  /**
   * Runs an action that htmx answers with a new stage editor, and waits until it is swapped in; the live
   * region is marked first, for expectSwapOutcome to check it was not replaced.
   */
  async function inStageEditor(page: Page, action: () => Promise<void>): Promise<void> {
    await markLiveRegion(page);
    await page.locator('#stages').evaluate((element) => element.setAttribute('data-replaced', 'no'));
    await action();
    await page.locator('#stages:not([data-replaced])').waitFor();
  }

  /** The "There is a problem" list: its title, each link's words and target, and whether it holds focus. */
  async function errorSummaryOf(page: Page, within: Locator = page.locator('body')) {
    const summary = within.getByTestId('error-summary');
    await summary.waitFor();
    await page.waitForLoadState('domcontentloaded');
    return summary.evaluate((element) => ({
      title: element.querySelector('h2')?.textContent?.trim() ?? '',
      links: [...element.querySelectorAll('a')].map((a) => ({ message: a.textContent?.trim() ?? '', href: a.getAttribute('href') ?? '' })),
      focused: element.ownerDocument.activeElement === element,
    }));
  }

  /** The panel of a save refused as stale: each changed field with what was typed and what is saved now. */
  async function staleChangesOf(page: Page) {
    const stale = page.getByTestId('stale-edit');
    await stale.waitFor();
    await page.waitForLoadState('domcontentloaded');
    return stale.evaluate((panel) => ({
      focused: panel.ownerDocument.activeElement === panel,
      changes: [...panel.querySelectorAll('[data-testid="stale-change"]')].map((row) => {
        const text = (id: string) => row.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? '';
        return { field: text('stale-field'), entered: text('stale-entered'), saved: text('stale-saved') };
      }),
    }));
  }

  /** Follows a link of the summary; the field it names takes focus, as the keyboard would have it. */
  async function followSummaryLink(page: Page, message: string): Promise<string> {
    await page.getByTestId('error-summary').getByRole('link', { name: message }).click();
    return page.evaluate('document.activeElement.id') as Promise<string>;
  }

  function stage(page: Page, name: string): Locator {
    return page.getByTestId('stage').filter({ has: page.getByTestId('stage-name').getByText(name, { exact: true }) });
  }

  async function managerOnEditor(programId: string): Promise<{ page: Page; cspErrors: string[] }> {
    const page = await browser.newPage();
    const cspErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
    });
    await signIn(page, testApp.url, 'maria', '/admin');
    await page.goto(`${testApp.url}/admin/programs/${programId}`);
    return { page, cspErrors };
  }

  it('lets a manager add, move, reassign and remove stages and open the program, each change stored as shown', async () => {
    const program = await createProgram(testApp.app, { open: false });
    const groupCode = `juniors-${randomUUID().slice(0, 8)}`;
    const page = await browser.newPage();
    const cspErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
    });
    await signIn(page, testApp.url, 'maria', '/admin');

    // The programs list shows the new program, closed, with its two stages.
    await page.getByLabel('Program code').fill(program.code);
    await page.getByRole('button', { name: 'Find' }).click();
    const row = page.getByTestId('program-row').filter({ hasText: program.code });
    await expect(row.innerText()).resolves.toMatch(/Closed[\s\S]*2[\s\S]*USD[\s\S]*USD\s5,000/);
    await expectAccessible(page, 'the programs list, filtered');

    // The group exists before a stage is designated to it; an applicant cannot be one of its members.
    await page.getByRole('link', { name: 'Officer groups' }).click();
    await page.getByLabel('Code').fill(groupCode);
    await page.getByLabel('Name').fill('Junior officers');
    await page.getByLabel('Members').fill('joy, samuel\npedro');
    await page.getByRole('button', { name: 'Create group' }).click();
    await expect(page.getByTestId('error-members').textContent()).resolves.toContain('Pedro Alves (pedro) is not a reviewer or assessor');
    await expect(page.getByLabel('Members').inputValue()).resolves.toBe('joy, samuel\npedro');
    const groupSummary = await errorSummaryOf(page);
    expect(groupSummary).toMatchObject({ title: 'There is a problem', focused: true });
    expect(groupSummary.links).toEqual([
      { message: expect.stringContaining('Pedro Alves (pedro) is not a reviewer or assessor'), href: '#group-members' },
    ]);
    await expectAccessible(page, 'the officer groups page with a refused member');
    await page.getByLabel('Members').fill('joy, samuel');
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.getByTestId('notice').waitFor();
    const groupRow = page.getByTestId('group-row').filter({ hasText: groupCode });
    await expect(groupRow.getByTestId('group-members').innerText()).resolves.toBe('Joy Banda (joy), Samuel Mensah (samuel)');
    await expectAccessible(page, 'the officer groups page after creating a group');
    const groups = (await (await api()).get('/api/v1/officer-groups')).body as { items: OfficerGroup[] };
    expect(groups.items.find((g) => g.code === groupCode)).toEqual({
      code: groupCode,
      name: 'Junior officers',
      version: 1,
      members: [
        { subject: subjects.joy, username: 'joy', displayName: 'Joy Banda' },
        { subject: subjects.samuel, username: 'samuel', displayName: 'Samuel Mensah' },
      ],
    });

    await page.getByRole('link', { name: 'Programs' }).click();
    await page.getByLabel('Program code').fill(program.code);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('link', { name: program.code }).click();
    await page.waitForURL(`${testApp.url}/admin/programs/${program.id}`);
    await expect(page.getByTestId('snapshot-note').textContent()).resolves.toContain(
      'Applications already running keep the stages they started with.',
    );
    await expectPageMatchesStore(page, program.id);
    await expectAccessible(page, 'the program page with its stage editor');
    // htmx swaps fragments: a full reload would lose this mark.
    await page.locator('body').evaluate((body) => body.setAttribute('data-not-reloaded', 'yes'));

    // Add a review stage at position 2, designated to the user joy.
    const addForm = page.locator('form.add-stage');
    await inStageEditor(page, async () => {
      await addForm.getByLabel('Stage name').fill('Junior officer');
      await addForm.getByLabel('Review').check();
      await addForm.getByLabel('A named user').check();
      await addForm.getByLabel('Username or group code').fill('joy');
      await addForm.getByLabel('Position (optional)').fill('2');
      await addForm.getByRole('button', { name: 'Add stage' }).click();
    });
    await expect(page.getByTestId('stage-notice').textContent()).resolves.toBe('Stage added.');
    await expectSwapOutcome(page, { announced: 'Stage added.', focused: stage(page, 'Junior officer') });
    await expectAccessible(page, 'the stage editor after adding a stage');
    await expect(stage(page, 'Junior officer').getByTestId('stage-officer').innerText()).resolves.toBe('User Joy Banda (joy)');
    let stored = await expectPageMatchesStore(page, program.id);
    expect(asShown(stored)).toEqual([
      { position: 1, name: 'Social worker', kind: 'review', officer: { type: 'user', ref: subjects.samuel } },
      { position: 2, name: 'Junior officer', kind: 'review', officer: { type: 'user', ref: subjects.joy } },
      { position: 3, name: 'Senior officer', kind: 'assessment', officer: { type: 'user', ref: subjects.sena } },
    ]);

    // Move it up to the first place.
    await inStageEditor(page, () => stage(page, 'Junior officer').getByRole('button', { name: 'Move up' }).click());
    await expectSwapOutcome(page, { announced: 'Stage moved.', focused: stage(page, 'Junior officer') });
    stored = await expectPageMatchesStore(page, program.id);
    expect(stored.stages.map((s) => s.name)).toEqual(['Junior officer', 'Social worker', 'Senior officer']);
    await expectAccessible(page, 'the stage editor after moving a stage');

    // Designate the social worker's stage to the group instead of one user.
    const socialWorker = stage(page, 'Social worker');
    await socialWorker.locator('summary').click();
    await inStageEditor(page, async () => {
      await socialWorker.getByLabel('A group').check();
      await socialWorker.getByLabel('Username or group code').fill(groupCode);
      await socialWorker.getByRole('button', { name: 'Save stage' }).click();
    });
    await expect(page.getByTestId('stage-notice').textContent()).resolves.toBe('Stage changed.');
    await expectSwapOutcome(page, { announced: 'Stage changed.', focused: stage(page, 'Social worker') });
    await expectAccessible(page, 'the stage editor after designating a group');
    await expect(stage(page, 'Social worker').getByTestId('stage-officer').innerText()).resolves.toBe(
      `Group Junior officers (${groupCode})`,
    );
    stored = await expectPageMatchesStore(page, program.id);
    expect(stored.stages[1]).toMatchObject({ name: 'Social worker', kind: 'review', officer: { type: 'group', ref: groupCode } });

    // Remove the junior officer's stage, after confirming.
    page.once('dialog', (dialog) => void dialog.accept());
    await inStageEditor(page, () => stage(page, 'Junior officer').getByRole('button', { name: 'Remove' }).click());
    // The stage is gone: focus goes to the message that says so.
    await expectSwapOutcome(page, { announced: 'Stage removed.', focused: page.getByTestId('stage-notice') });
    stored = await expectPageMatchesStore(page, program.id);
    expect(asShown(stored)).toEqual([
      { position: 1, name: 'Social worker', kind: 'review', officer: { type: 'group', ref: groupCode } },
      { position: 2, name: 'Senior officer', kind: 'assessment', officer: { type: 'user', ref: subjects.sena } },
    ]);
    await expect(page.locator('body').getAttribute('data-not-reloaded')).resolves.toBe('yes');
    await expectAccessible(page, 'the stage editor after removing a stage');
    await page.setViewportSize({ width: 375, height: 812 });
    await expectAccessible(page, 'the stage editor (375 px)');
    await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(375);
    await page.setViewportSize({ width: 1280, height: 720 });

    if (SCREENSHOT_DIR) {
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'stage-editor-desktop.png'), fullPage: true });
      await page.setViewportSize({ width: 375, height: 812 });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'stage-editor-375.png'), fullPage: true });
      await page.locator('#stages').screenshot({ path: path.join(SCREENSHOT_DIR, 'stage-editor-375-stages.png') });
      await page.setViewportSize({ width: 1280, height: 720 });
    }

    // The open button holds the version the stage changes moved forward, so opening is not a conflict.
    await page.getByRole('button', { name: 'Open the program' }).click();
    await page.getByTestId('notice').waitFor();
    await expect(page.getByTestId('program-state').textContent()).resolves.toBe('Open');
    await expectAccessible(page, 'the program page after opening it');
    stored = await expectPageMatchesStore(page, program.id);
    expect(stored.state).toBe('open');
    expect(cspErrors).toEqual([]);
    await page.close();
  });

  it('shows the current program when it changed through the API after the page was loaded', async () => {
    const program = await createProgram(testApp.app, { open: false });
    const { page, cspErrors } = await managerOnEditor(program.id);
    const client = await api();
    const nameAtLoad = (await storedProgram(program.id)).name;

    // Someone else adds a stage and renames the program after the page was loaded.
    const added = await client.send('post', `/api/v1/programs/${program.id}/stages`, {
      version: program.version,
      name: 'Added elsewhere',
      kind: 'review',
      officer: { type: 'user', ref: 'joy' },
    });
    expect(added.status).toBe(201);
    const renamed = await client.send('patch', `/api/v1/programs/${program.id}`, {
      version: (added.body as Program).version,
      name: 'Renamed elsewhere',
    });
    expect(renamed.status).toBe(200);

    // The page's move is refused; the list now shows the stored stages, unmoved.
    await inStageEditor(page, () => stage(page, 'Social worker').getByRole('button', { name: 'Move down' }).click());
    await expect(page.getByTestId('conflict').textContent()).resolves.toContain(CONFLICT);
    await expectSwapOutcome(page, {
      announced: new RegExp(`^${CONFLICT} Your change was not saved`),
      focused: page.getByTestId('conflict'),
    });
    await expectAccessible(page, 'the stage editor after a refused stale move');
    const stored = await expectPageMatchesStore(page, program.id);
    expect(stored.stages.map((s) => s.name)).toEqual(['Social worker', 'Senior officer', 'Added elsewhere']);

    // With the current version in hand, the same move now works.
    await inStageEditor(page, () => stage(page, 'Social worker').getByRole('button', { name: 'Move down' }).click());
    await expectSwapOutcome(page, { announced: 'Stage moved.', focused: stage(page, 'Social worker') });
    expect((await expectPageMatchesStore(page, program.id)).stages.map((s) => s.name)).toEqual([
      'Senior officer',
      'Social worker',
      'Added elsewhere',
    ]);

    // The details form still holds the name read at load: saving it is refused, and what was typed is
    // kept in the form and shown beside what is saved now, field by field.
    await page.getByLabel('Description').fill('Changed on a stale page.');
    await page.getByRole('button', { name: 'Save details' }).click();
    const stale = page.getByTestId('stale-edit');
    await expect(staleChangesOf(page)).resolves.toEqual({
      focused: true,
      changes: [
        { field: 'Name', entered: nameAtLoad, saved: 'Renamed elsewhere' },
        { field: 'Description', entered: 'Changed on a stale page.', saved: 'A program made by a test.' },
      ],
    });
    await expect(page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe(nameAtLoad);
    await expect(page.getByLabel('Description').inputValue()).resolves.toBe('Changed on a stale page.');
    await expectAccessible(page, 'the program details after a refused stale save');
    const afterConflict = await storedProgram(program.id);
    expect(afterConflict).toMatchObject({ name: 'Renamed elsewhere', description: 'A program made by a test.' });
    await expect(page.locator('body').innerText()).resolves.not.toMatch(/\bat .+\.(ts|js):\d+/);

    await page.setViewportSize({ width: 375, height: 812 });
    await expectAccessible(page, 'the program details after a refused stale save (375 px)');
    await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(375);
    if (SCREENSHOT_DIR) await page.locator('#details').screenshot({ path: path.join(SCREENSHOT_DIR, 'stale-details-375.png') });
    await page.setViewportSize({ width: 1280, height: 720 });

    // One button applies the typing again, against the version now saved.
    await stale.getByRole('button', { name: 'Apply my changes again' }).click();
    await expect(page.getByTestId('notice').textContent()).resolves.toBe('Program details saved.');
    await expectAccessible(page, 'the program details after applying a stale edit again');
    expect(await storedProgram(program.id)).toMatchObject({ name: nameAtLoad, description: 'Changed on a stale page.' });

    // A stage typed on a stale page is kept through the conflict, and goes in once sent again.
    const current = await storedProgram(program.id);
    expect((await client.send('patch', `/api/v1/programs/${program.id}`, { version: current.version, name: 'Renamed again' })).status).toBe(
      200,
    );
    const addForm = page.locator('form.add-stage');
    await addForm.getByLabel('Stage name').fill('Late stage');
    await addForm.getByLabel('Username or group code').fill('joy');
    await inStageEditor(page, () => addForm.getByRole('button', { name: 'Add stage' }).click());
    await expect(page.getByTestId('conflict').textContent()).resolves.toContain(CONFLICT);
    await expect(addForm.getByLabel('Stage name').inputValue()).resolves.toBe('Late stage');
    await inStageEditor(page, () => addForm.getByRole('button', { name: 'Add stage' }).click());
    expect((await expectPageMatchesStore(page, program.id)).stages.map((s) => s.name)).toEqual([
      'Senior officer',
      'Social worker',
      'Added elsewhere',
      'Late stage',
    ]);

    // The details form still holds the version before "Renamed again": discarding the refused typing
    // shows the program as saved now.
    await page.getByLabel('Description').fill('Typed, then discarded.');
    await page.getByRole('button', { name: 'Save details' }).click();
    await stale.getByRole('link', { name: 'Discard my changes' }).click();
    await expect(page.getByTestId('notice').textContent()).resolves.toContain('Your changes were not applied');
    await expect(page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('Renamed again');
    await expect(page.getByLabel('Description').inputValue()).resolves.toBe('Changed on a stale page.');
    expect(cspErrors).toEqual([]);
    await page.close();
  });

  it('keeps what was typed and explains each refused field, and why a program without an assessment stage stays closed', async () => {
    const program = await createProgram(testApp.app, { open: false });
    const { page } = await managerOnEditor(program.id);
    const addForm = page.locator('form.add-stage');

    await inStageEditor(page, async () => {
      await addForm.getByLabel('A group').check();
      await addForm.getByLabel('Username or group code').fill('no-such-group');
      await addForm.getByRole('button', { name: 'Add stage' }).click();
    });
    await expect(addForm.getByTestId('error-name').textContent()).resolves.toBe('Enter a stage name of up to 100 characters.');
    // Refused at a field: said, and focus on the list of problems above the form, which links to the field.
    await expectSwapOutcome(page, {
      announced: /^Enter a stage name of up to 100 characters\./,
      focused: page.locator('#stage-errors'),
    });
    await expectAccessible(page, 'the add-stage form without a stage name');
    await expect(addForm.getByLabel('Username or group code').inputValue()).resolves.toBe('no-such-group');
    await expect(errorSummaryOf(page, page.locator('#stages'))).resolves.toEqual({
      title: 'There is a problem',
      links: [{ message: 'Enter a stage name of up to 100 characters.', href: '#new-stage-name' }],
      focused: true,
    });
    await expectAccessible(page, 'the add-stage form with a missing name');
    await expect(followSummaryLink(page, 'Enter a stage name of up to 100 characters.')).resolves.toBe('new-stage-name');
    await expect(addForm.getByLabel('Stage name').getAttribute('aria-invalid')).resolves.toBe('true');

    await inStageEditor(page, async () => {
      await addForm.getByLabel('Stage name').fill('Group review');
      await addForm.getByRole('button', { name: 'Add stage' }).click();
    });
    await expect(addForm.getByTestId('error-officer.ref').textContent()).resolves.toContain('No officer group "no-such-group"');
    await expectAccessible(page, 'the add-stage form with an unknown group');
    await expect(addForm.getByLabel('Stage name').inputValue()).resolves.toBe('Group review');
    expect((await storedProgram(program.id)).stages).toHaveLength(2);

    // Without its assessment stage the program cannot be opened; the code's explanation says what to do.
    page.once('dialog', (dialog) => void dialog.accept());
    await inStageEditor(page, () => stage(page, 'Senior officer').getByRole('button', { name: 'Remove' }).click());
    await expectPageMatchesStore(page, program.id);
    await page.getByRole('button', { name: 'Open the program' }).click();
    await expect(page.getByTestId('alert').textContent()).resolves.toBe(ERROR_CODES.ERR_PROGRAM_NEEDS_ASSESSMENT_STAGE.explanation);
    await page.waitForLoadState('domcontentloaded');
    await expect(page.getByTestId('alert').evaluate((alert) => alert.ownerDocument.activeElement === alert)).resolves.toBe(true);
    await expect(page.getByTestId('program-state').textContent()).resolves.toBe('Closed');
    await expectAccessible(page, 'the program page refusing to open without an assessment stage');
    expect((await storedProgram(program.id)).state).toBe('closed');
    await page.close();
  });

  it('explains next to the field why a user cannot be designated, and keeps what was typed', async () => {
    const program = await createProgram(testApp.app, { open: false });
    const { page } = await managerOnEditor(program.id);
    const addForm = page.locator('form.add-stage');
    await addForm.getByLabel('Stage name').fill('Second opinion');

    await inStageEditor(page, async () => {
      await addForm.getByLabel('Username or group code').fill('jooy');
      await addForm.getByRole('button', { name: 'Add stage' }).click();
    });
    await expect(addForm.getByTestId('error-officer.ref').textContent()).resolves.toBe('There is no user “jooy”. Check the user name.');
    // Refused at a field: said, and focus on the list of problems, which links to the field.
    await expectSwapOutcome(page, {
      announced: 'There is no user “jooy”. Check the user name.',
      focused: page.locator('#stage-errors'),
    });
    await expectAccessible(page, 'the add-stage form with an unknown user');
    await expect(addForm.getByLabel('Username or group code').inputValue()).resolves.toBe('jooy');

    await inStageEditor(page, async () => {
      await addForm.getByLabel('Username or group code').fill('amina');
      await addForm.getByRole('button', { name: 'Add stage' }).click();
    });
    await expect(addForm.getByTestId('error-officer.ref').textContent()).resolves.toContain(
      'Amina Yusuf (amina) is not a reviewer or assessor',
    );
    await expect(addForm.getByLabel('Stage name').inputValue()).resolves.toBe('Second opinion');
    expect((await storedProgram(program.id)).stages).toHaveLength(2);

    // Renaming a stage sends its officer back as shown, and keeps them.
    const socialWorker = stage(page, 'Social worker');
    await socialWorker.locator('summary').click();
    await expect(socialWorker.getByLabel('Username or group code').inputValue()).resolves.toBe('samuel');
    await inStageEditor(page, async () => {
      await socialWorker.getByLabel('Stage name').fill('Social worker: documents');
      await socialWorker.getByRole('button', { name: 'Save stage' }).click();
    });
    const stored = await expectPageMatchesStore(page, program.id);
    expect(stored.stages[0]).toMatchObject({ name: 'Social worker: documents', officer: { type: 'user', ref: subjects.samuel } });

    // A request that fails swaps nothing: the message above the editor is said, and focused.
    await page.route('**/stages', (route) => route.fulfill({ status: 500, body: 'Server error' }), { times: 1 });
    await markLiveRegion(page);
    await addForm.getByRole('button', { name: 'Add stage' }).click();
    await expectSwapOutcome(page, {
      announced: 'That did not work (error 500). Reload the page and try again.',
      focused: page.getByTestId('request-error'),
    });
    await expectAccessible(page, 'the program page after a failed stage request');
    await page.close();
  });

  it('keeps a group change made on a stale page beside the group as it is now, to discard or apply again', async () => {
    const code = `stale-${randomUUID().slice(0, 8)}`;
    const client = await api();
    const created = await client.send('put', `/api/v1/officer-groups/${code}`, { name: 'Assessors', members: ['sena'] });
    expect(created.status).toBe(200);
    const page = await browser.newPage();
    await signIn(page, testApp.url, 'maria', `/admin/officer-groups/${code}`);
    await page.goto(`${testApp.url}/admin/officer-groups/${code}`);
    await expect(page.getByLabel('Members').inputValue()).resolves.toBe('sena');

    /** Someone else saves the group, then the page saves its own name from the version it holds. */
    async function saveAfterAChangeElsewhere(version: number, name: string): Promise<void> {
      const changed = await client.send('put', `/api/v1/officer-groups/${code}`, { version, name, members: ['sena', 'joy'] });
      expect(changed.status).toBe(200);
      await page.getByLabel('Name').fill('Renamed on a stale page');
      await page.getByRole('button', { name: 'Save group' }).click();
    }

    // The typing is kept and shown beside the group as it is now.
    await saveAfterAChangeElsewhere(1, 'Assessors and reviewers');
    await expect(staleChangesOf(page)).resolves.toEqual({
      focused: true,
      changes: [
        { field: 'Name', entered: 'Renamed on a stale page', saved: 'Assessors and reviewers' },
        { field: 'Members', entered: 'sena', saved: 'sena, joy' },
      ],
    });
    await expect(page.getByLabel('Name').inputValue()).resolves.toBe('Renamed on a stale page');
    await expect(page.getByLabel('Members').inputValue()).resolves.toBe('sena');
    await expectAccessible(page, 'the group page after a refused stale save');

    // Discarding shows the group as it is now.
    await page.getByRole('link', { name: 'Discard my changes' }).click();
    await expect(page.getByTestId('notice').textContent()).resolves.toContain('Your changes were not applied');
    await expect(page.getByLabel('Name').inputValue()).resolves.toBe('Assessors and reviewers');
    await expect(page.getByLabel('Members').inputValue()).resolves.toBe('sena\njoy');

    // Refused again after another change elsewhere, the typing is applied again with one button.
    await saveAfterAChangeElsewhere(2, 'Assessors');
    await expect(staleChangesOf(page)).resolves.toMatchObject({
      changes: [{ field: 'Name', entered: 'Renamed on a stale page', saved: 'Assessors' }],
    });
    await page.getByRole('button', { name: 'Apply my changes again' }).click();
    await page.getByTestId('notice').waitFor();
    const groups = (await client.get('/api/v1/officer-groups')).body as { items: OfficerGroup[] };
    expect(groups.items.find((g) => g.code === code)).toMatchObject({ name: 'Renamed on a stale page', version: 4 });
    await page.close();
  });

  it('creates a program through the pages, with inline errors that keep what was typed', async () => {
    const page = await browser.newPage();
    await signIn(page, testApp.url, 'maria', '/admin');
    await page.getByRole('link', { name: 'New program' }).click();
    const code = `P-${randomUUID().slice(0, 8).toUpperCase()}`;
    await page.getByLabel('Program code').fill(code);
    await page.getByLabel('Name', { exact: true }).fill('Flood relief');
    await page.getByLabel('Currency').fill('dollars');
    await page.getByLabel('Maximum amount per application').fill('2500.50');
    const treatments = page.locator('#treatmentTypes-list');
    await treatments.getByLabel('Code').fill('shelter');
    await treatments.getByLabel('Label').fill('Emergency shelter');
    await treatments.getByRole('button', { name: 'Add a treatment type' }).click();
    await treatments.getByLabel('Code').nth(1).fill('Food Aid');
    await treatments.getByLabel('Label').nth(1).fill('Food');
    const reasons = page.locator('#reasonCodes-list');
    await reasons.getByLabel('Code').fill('eligible');
    await reasons.getByLabel('Label').fill('Eligible');
    await page.getByRole('button', { name: 'Create program' }).click();

    await expect(page.getByTestId('error-currency').textContent()).resolves.toBe('Enter a three-letter currency code, such as USD or KES.');
    // The time zone is asked for, not assumed.
    await expect(page.getByTestId('error-timeZone').textContent()).resolves.toBe(
      'Enter the time zone where the program runs, as a region and city such as Africa/Nairobi.',
    );
    await expect(page.getByTestId('error-treatmentTypes.1.code').textContent()).resolves.toContain('lower-case letters');
    await expect(page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('Flood relief');
    await expect(treatments.getByLabel('Label').nth(1).inputValue()).resolves.toBe('Food');
    await expect(errorSummaryOf(page)).resolves.toEqual({
      title: 'There is a problem',
      links: [
        { message: 'Enter a three-letter currency code, such as USD or KES.', href: '#program-currency' },
        {
          message: 'Enter the time zone where the program runs, as a region and city such as Africa/Nairobi.',
          href: '#program-time-zone',
        },
        { message: expect.stringContaining('lower-case letters') as unknown as string, href: '#treatmentType-1-code' },
      ],
      focused: true,
    });
    await expectAccessible(page, 'the new program form with errors');
    if (SCREENSHOT_DIR) await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'new-program-errors.png') });
    await expect(followSummaryLink(page, 'Enter a three-letter currency code, such as USD or KES.')).resolves.toBe('program-currency');
    await expect(page.getByLabel('Currency').getAttribute('aria-describedby')).resolves.toBe(
      'program-currency-hint program-currency-error',
    );
    await expect(page.getByLabel('Currency').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(
      followSummaryLink(page, 'Codes use lower-case letters, digits and dashes, starting with a letter or digit (for example surgery).'),
    ).resolves.toBe('treatmentType-1-code');

    await page.getByLabel('Currency').fill('USD');
    await treatments.getByLabel('Code').nth(1).fill('food-aid');
    await page.getByLabel('Time zone').fill('Nairobi');
    await page.getByRole('button', { name: 'Create program' }).click();
    await expect(page.getByTestId('error-timeZone').textContent()).resolves.toContain('"Nairobi" is not a time zone this service knows');
    await expect(page.getByLabel('Time zone').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page, 'the new program form with an unknown time zone');

    await page.getByLabel('Time zone').fill('Africa/Nairobi');
    await page.getByRole('button', { name: 'Create program' }).click();
    await page.waitForURL(/\/admin\/programs\/[0-9a-f-]{36}\?notice=created$/);
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    const stored = await storedProgram(id);
    expect(stored).toMatchObject({
      code,
      name: 'Flood relief',
      currency: 'USD',
      maxAmount: '2500.50',
      timeZone: 'Africa/Nairobi',
      state: 'closed',
      stages: [],
      treatmentTypes: [
        { code: 'shelter', label: 'Emergency shelter' },
        { code: 'food-aid', label: 'Food' },
      ],
      reasonCodes: [{ code: 'eligible', label: 'Eligible' }],
    });
    await expect(page.getByTestId('no-stages').isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'a new program with no stages');
    await page.close();
  });

  it('shows the plain 403 page to a signed-in user who is not a program manager', async () => {
    const page = await browser.newPage();
    await signIn(page, testApp.url, 'amina', '/admin');
    const response = await page.goto(`${testApp.url}/admin`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(ERROR_CODES.ERR_FORBIDDEN_ROLE.title);
    await expect(page.getByTestId('program-row').count()).resolves.toBe(0);
    await expectAccessible(page, 'the 403 page');
    // Posting to a manager's form is refused the same way.
    const posted = await page.request.post(`${testApp.url}/admin/officer-groups`, {
      form: { code: 'sneaky', name: 'Sneaky', members: 'amina' },
      headers: { accept: 'text/html' },
    });
    expect(posted.status()).toBe(403);
    await page.close();
  });

  it('draws a focus ring that stands out at 3:1 on the administration pages', async () => {
    const page = await browser.newPage();
    await signIn(page, testApp.url, 'maria', '/admin');
    await page.goto(`${testApp.url}/admin`);
    for (const control of [page.getByRole('link', { name: 'Officer groups' }), page.getByLabel('Program code')]) {
      await tabTo(page, control);
      const ring = await measureFocusRing(control);
      expect(ring.width).toBeGreaterThanOrEqual(2);
      expect(ring.ratio).toBeGreaterThanOrEqual(3);
    }
    await page.close();
  });
});
