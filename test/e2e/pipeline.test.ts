/**
 * The program manager's side of approvals in Chromium, signed in through the real login page: the program
 * page's pipeline (how many wait at each stage, since when, in the program's time zone), reassigning the
 * officer of a stage for one waiting application and for all of them (the new officer then finds them in
 * their queue, the old one no longer does), and editing a stage's eligibility checklist. Every state is
 * checked with axe; the pages fit a 375 px phone and work with the keyboard alone.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import type { components } from '../../src/generated/openapi.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { launchChromium, overflowsSideways, signIn } from '../support/browser.js';
import { expectAccessible, tabTo } from '../support/accessibility.js';
import { applicationFor, createProgram, type ProgramFixture, type ProgramOptions } from '../support/fixtures.js';
import { tokenFor } from '../support/tokens.js';

type Program = components['schemas']['Program'];

// The realm allows sign-in redirects to this port (keycloak/realm.json).
const BROWSER_TEST_PORT = 3999;
const PHONE = { width: 375, height: 740 };
const STAGES: NonNullable<ProgramOptions['stages']> = [
  { name: 'Social worker', kind: 'review', officer: { type: 'user', ref: 'samuel' } },
  { name: 'Junior officer', kind: 'review', officer: { type: 'user', ref: 'joy' } },
  { name: 'Senior officer', kind: 'assessment', officer: { type: 'user', ref: 'sena' } },
];

interface Submitted {
  id: string;
  reference: string;
}

describe("the program manager's pipeline and reassignment pages", () => {
  let testApp: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    testApp = await startTestApp({ port: BROWSER_TEST_PORT });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  async function submit(programId: string, applicant: 'amina' | 'pedro'): Promise<Submitted> {
    const res = await request(testApp.app)
      .post('/api/v1/applications')
      .set('Authorization', `Bearer ${await tokenFor(applicant)}`)
      .send(applicationFor(programId));
    if (res.status !== 201) throw new Error(`not submitted: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id as string, reference: res.body.reference as string };
  }

  async function approveFirstStage(applicationId: string): Promise<void> {
    const res = await request(testApp.app)
      .post(`/api/v1/applications/${applicationId}/stages/1/decision`)
      .set('Authorization', `Bearer ${await tokenFor('samuel')}`)
      .send({ decision: 'approve', reasonCode: 'eligible' });
    if (res.status !== 201) throw new Error(`not decided: ${res.status} ${JSON.stringify(res.body)}`);
  }

  async function storedProgram(id: string): Promise<Program> {
    const res = await request(testApp.app)
      .get(`/api/v1/programs/${id}`)
      .set('Authorization', `Bearer ${await tokenFor('maria')}`);
    expect(res.status).toBe(200);
    return res.body as Program;
  }

  async function signedIn(username: string, returnTo: string, viewport = { width: 1200, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await signIn(page, testApp.url, username, returnTo);
    return page;
  }

  /** The references in an officer's queue for one program. */
  async function queueOf(username: string, programId: string): Promise<string[]> {
    const page = await signedIn(username, '/officer');
    await page.goto(`${testApp.url}/officer?programId=${programId}`);
    await expectAccessible(page, `${username}'s work queue`);
    const references = await page
      .getByTestId('queue-item')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-reference')));
    await page.context().close();
    return references.filter((reference): reference is string => reference !== null).sort();
  }

  /** The pipeline table as shown: per stage, its name, officer, count, and whether both times are given. */
  function pipelineOnPage(page: Page) {
    return page.getByTestId('pipeline-stage').evaluateAll((rows) =>
      rows.map((row) => {
        const text = (id: string) => row.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? '';
        return {
          name: text('pipeline-stage-name'),
          officer: text('pipeline-officer'),
          waiting: Number(text('pipeline-waiting')),
          oldestWait: text('pipeline-oldest-wait'),
          reassign: row.querySelector('[data-testid="pipeline-reassign"]') !== null,
        };
      }),
    );
  }

  it('shows how many wait at each stage and since when, and reassigns one waiting application, then all', async () => {
    const program: ProgramFixture = await createProgram(testApp.app, {
      timeZone: 'Africa/Nairobi',
      stages: STAGES,
      reasonCodes: [{ code: 'eligible', label: 'Eligible' }],
    });
    const [one, other, ahead] = [await submit(program.id, 'amina'), await submit(program.id, 'pedro'), await submit(program.id, 'amina')];
    await approveFirstStage(ahead.id);

    const page = await signedIn('maria', `/admin/programs/${program.id}`);
    await page.goto(`${testApp.url}/admin/programs/${program.id}`);
    const table = page.getByTestId('pipeline');
    await expect(table.locator('caption').innerText()).resolves.toBe(
      "3 applications wait in this program's stages; times in Africa/Nairobi.",
    );
    const shown = await pipelineOnPage(page);
    expect(shown.map(({ name, officer, waiting, reassign }) => ({ name, officer, waiting, reassign }))).toEqual([
      { name: '1. Social worker', officer: 'Samuel Mensah (samuel)', waiting: 2, reassign: true },
      { name: '2. Junior officer', officer: 'Joy Banda (joy)', waiting: 1, reassign: true },
      { name: '3. Senior officer', officer: 'Sena Kofi (sena)', waiting: 0, reassign: false },
    ]);
    // Times where the program runs, with the zone's name; none where nobody waits.
    expect(shown[0]?.oldestWait).toMatch(/East Africa Time$/);
    expect(shown[2]?.oldestWait).toBe('—');
    await expect(page.getByTestId('pipeline-finished').innerText()).resolves.toBe('Ended: 0 approved, 0 rejected.');
    await expectAccessible(page, 'the program page with its pipeline');

    // Reassign one application, by keyboard alone: its reference, the new officer, continue, confirm.
    const reassignLink = page.getByRole('link', { name: 'Reassign stage 1: Social worker' });
    await tabTo(page, reassignLink, 120);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${testApp.url}/admin/programs/${program.id}/stages/1/reassignment`);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Reassign stage 1: Social worker');
    await expect(page.getByTestId('reassign-current-officer').innerText()).resolves.toBe('Samuel Mensah (samuel)');
    await expectAccessible(page, 'the reassignment page');

    // Nothing chosen and an unknown reference: refused next to the fields, with a summary, what was typed kept.
    await page.getByLabel('One application, by its reference').check();
    await page.getByLabel('Reference', { exact: true }).fill('IA-000-0000');
    await page.getByRole('button', { name: 'Continue' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    await expect(summary.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).resolves.toEqual([
      '#reassign-officer-ref',
    ]);
    await expect(page.getByTestId('error-officer.ref').innerText()).resolves.toBe("Enter the officer's user name, or the code of a group.");
    await expect(page.getByLabel('Reference', { exact: true }).inputValue()).resolves.toBe('IA-000-0000');
    await expect(page.getByLabel('One application, by its reference').isChecked()).resolves.toBe(true);
    await expectAccessible(page, 'the reassignment page with a missing officer');

    await page.getByLabel('Username or group code').fill('nobody-by-that-name');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByTestId('error-officer.ref').waitFor();
    await expect(page.getByTestId('error-officer.ref').innerText()).resolves.toMatch(/nobody-by-that-name/);
    await expect(page.getByLabel('Username or group code').inputValue()).resolves.toBe('nobody-by-that-name');
    await expectAccessible(page, 'the reassignment page with an unknown officer');

    await page.getByLabel('Username or group code').fill('joy');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByTestId('error-reference').waitFor();
    await expect(page.getByTestId('error-reference').innerText()).resolves.toBe(
      'No application of this program has that reference. Check it and try again.',
    );
    await expectAccessible(page, 'the reassignment page with an unknown reference');

    // The application that waits at stage 2 cannot be reassigned at stage 1.
    await page.getByLabel('Reference', { exact: true }).fill(ahead.reference);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByTestId('error-reference').innerText()).resolves.toMatch(/^Only applications waiting at a stage are reassigned/);
    await expectAccessible(page, 'the reassignment page with an application waiting elsewhere');

    const reference = page.getByLabel('Reference', { exact: true });
    await reference.fill('');
    await reference.focus();
    await page.keyboard.type(one.reference.toLowerCase());
    await page.keyboard.press('Enter');
    const confirm = page.getByTestId('reassign-confirm');
    await confirm.waitFor();
    await expect(page.getByTestId('reassign-plan').innerText()).resolves.toBe(
      `Application ${one.reference} will wait for Joy Banda (joy) at this stage.`,
    );
    await expectAccessible(page, 'the reassignment confirmation for one application');
    await tabTo(page, confirm.getByRole('button', { name: 'Confirm the reassignment' }));
    await page.keyboard.press('Enter');
    await page.getByTestId('reassign-result').waitFor();
    await expect(page.getByTestId('reassign-result').innerText()).resolves.toMatch(/^1 application now waits for its new officer\./);
    await expect(page.getByTestId('reassign-waiting').innerText()).resolves.toBe('2');
    await expectAccessible(page, 'the reassignment page after moving one application');

    expect(await queueOf('joy', program.id)).toEqual([one.reference, ahead.reference].sort());
    expect(await queueOf('samuel', program.id)).toEqual([other.reference]);

    // Then all still waiting at stage 1 (the one moved already and the other) go to sena; "Change" keeps the choice.
    await page.getByLabel('Username or group code').fill('sena');
    await page.getByLabel(/All applications waiting at this stage/).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByTestId('reassign-plan').innerText()).resolves.toBe(
      'The 2 applications waiting at this stage will wait for Sena Kofi (sena).',
    );
    await page.getByRole('button', { name: 'Change' }).click();
    await expect(page.getByLabel('Username or group code').inputValue()).resolves.toBe('sena');
    await expect(page.getByLabel(/All applications waiting at this stage/).isChecked()).resolves.toBe(true);
    await expectAccessible(page, 'the reassignment form back from the confirmation');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectAccessible(page, 'the reassignment confirmation for all waiting');
    await page.getByRole('button', { name: 'Confirm the reassignment' }).click();
    await expect(page.getByTestId('reassign-result').innerText()).resolves.toMatch(/^2 applications now wait for their new officer\./);
    await expectAccessible(page, 'the reassignment page after moving all waiting');

    expect(await queueOf('samuel', program.id)).toEqual([]);
    expect(await queueOf('joy', program.id)).toEqual([ahead.reference]);
    expect(await queueOf('sena', program.id)).toEqual([one.reference, other.reference].sort());

    // The program's own stage list is the stage editor's: unchanged.
    const stored = await storedProgram(program.id);
    expect(stored.stages[0]?.officer.username).toBe('samuel');
    await page.getByRole('link', { name: 'Back to the pipeline' }).click();
    await expect(page.getByTestId('pipeline-officer').first().innerText()).resolves.toBe('Samuel Mensah (samuel)');
    await page.context().close();
    // Five sign-ins and eleven axe runs on a shared two-core machine.
  }, 180_000);

  it('fits the pipeline and the reassignment page on a 375 px phone', async () => {
    const program = await createProgram(testApp.app, { stages: STAGES, reasonCodes: [{ code: 'eligible', label: 'Eligible' }] });
    await submit(program.id, 'amina');
    const page = await signedIn('maria', `/admin/programs/${program.id}`, PHONE);
    await page.goto(`${testApp.url}/admin/programs/${program.id}`);
    await page.getByTestId('pipeline').waitFor();
    await expect(overflowsSideways(page)).resolves.toBe(false);
    await expectAccessible(page, 'the program page with its pipeline (375 px)');
    await page.getByRole('link', { name: 'Reassign stage 1: Social worker' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByTestId('error-summary').waitFor();
    await expect(overflowsSideways(page)).resolves.toBe(false);
    await expectAccessible(page, 'the reassignment page with a refusal (375 px)');
    await page.getByLabel('Username or group code').fill('joy');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByTestId('reassign-confirm').waitFor();
    await expect(overflowsSideways(page)).resolves.toBe(false);
    await expectAccessible(page, 'the reassignment confirmation (375 px)');
    await page.context().close();
  });

  describe('the eligibility checklist in the stage editor', () => {
    /** Runs a stage editor action and waits until htmx swapped in the editor it answers with. */
    async function inStageEditor(page: Page, action: () => Promise<void>): Promise<void> {
      await page.locator('#stages').evaluate((element) => element.setAttribute('data-replaced', 'no'));
      await action();
      await page.locator('#stages:not([data-replaced])').waitFor();
    }

    it('adds, changes and removes checklist items of a stage, with refusals next to the fields', async () => {
      const program = await createProgram(testApp.app, { open: false });
      const page = await signedIn('maria', `/admin/programs/${program.id}`);
      await page.goto(`${testApp.url}/admin/programs/${program.id}`);
      const socialWorker = page
        .getByTestId('stage')
        .filter({ has: page.getByTestId('stage-name').getByText('Social worker', { exact: true }) });
      const checklist = socialWorker.getByRole('group', { name: 'Eligibility checklist' });
      await socialWorker.locator('summary').click();
      await expectAccessible(page, 'a stage open for change, with an empty checklist');

      // Two items, the second repeating the first's code: refused next to the repeated code, the typing kept.
      await checklist.getByLabel('Code').first().fill('resident');
      await checklist.getByLabel('Label').first().fill('Lives in the region');
      await checklist.getByRole('button', { name: 'Add a checklist item' }).click();
      await expect(
        checklist
          .getByLabel('Code')
          .nth(1)
          .evaluate((input) => input === input.ownerDocument.activeElement),
      ).resolves.toBe(true);
      await page.keyboard.type('resident');
      await checklist.getByLabel('Label').nth(1).fill('Treatment is urgent');
      await expectAccessible(page, 'a checklist with a row added');
      await inStageEditor(page, () => socialWorker.getByRole('button', { name: 'Save stage' }).click());
      const error = page.getByTestId('error-checklist.1.code');
      await error.waitFor();
      await expect(error.innerText()).resolves.toBe('The checklist names “resident” twice; give each item its own code.');
      const summaryLinks = page
        .locator('#stage-errors')
        .getByRole('link')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      const [stageId] = (await storedProgram(program.id)).stages.map((s) => s.id);
      await expect(summaryLinks).resolves.toEqual([`#stage-${stageId}-checklist-1-code`]);
      const refused = page.getByTestId('stage').filter({ has: page.getByTestId('stage-name').getByText('Social worker', { exact: true }) });
      const refusedList = refused.getByRole('group', { name: 'Eligibility checklist' });
      await expect(refusedList.getByLabel('Code').nth(1).inputValue()).resolves.toBe('resident');
      await expect(refusedList.getByLabel('Label').nth(1).inputValue()).resolves.toBe('Treatment is urgent');
      await expect(refusedList.getByLabel('Code').nth(1).getAttribute('aria-invalid')).resolves.toBe('true');
      await expectAccessible(page, 'the stage editor with a repeated checklist code');

      // A code the contract refuses is explained in the page's words, next to the field.
      await refusedList.getByLabel('Code').nth(1).fill('Urgent!');
      await inStageEditor(page, () => refused.getByRole('button', { name: 'Save stage' }).click());
      await expect(page.getByTestId('error-checklist.1.code').innerText()).resolves.toBe(
        'Enter a code of lower-case letters, digits and dashes, such as resident.',
      );
      await expect(refusedList.getByLabel('Code').nth(1).inputValue()).resolves.toBe('Urgent!');
      await expectAccessible(page, 'the stage editor with a checklist code the contract refuses');

      await refusedList.getByLabel('Code').nth(1).fill('urgent');
      await inStageEditor(page, () => refused.getByRole('button', { name: 'Save stage' }).click());
      await page.getByTestId('stage-notice').waitFor();
      expect((await storedProgram(program.id)).stages[0]?.checklist).toEqual([
        { code: 'resident', label: 'Lives in the region' },
        { code: 'urgent', label: 'Treatment is urgent' },
      ]);
      await expect(page.getByTestId('stage-checklist').first().innerText()).resolves.toBe('2 checklist items');
      await expectAccessible(page, 'the stage editor after saving a checklist');

      // Change the first item's words and remove the second.
      const saved = page.getByTestId('stage').filter({ has: page.getByTestId('stage-name').getByText('Social worker', { exact: true }) });
      await saved.locator('summary').click();
      const savedList = saved.getByRole('group', { name: 'Eligibility checklist' });
      await savedList.getByLabel('Label').first().fill('Lives in the region served');
      await savedList.getByRole('button', { name: 'Remove this checklist item' }).nth(1).click();
      await inStageEditor(page, () => saved.getByRole('button', { name: 'Save stage' }).click());
      expect((await storedProgram(program.id)).stages[0]?.checklist).toEqual([{ code: 'resident', label: 'Lives in the region served' }]);
      await expectAccessible(page, 'the stage editor after changing and removing checklist items');

      // Remove the last one: the stage has no checklist.
      const last = page.getByTestId('stage').filter({ has: page.getByTestId('stage-name').getByText('Social worker', { exact: true }) });
      await last.locator('summary').click();
      await last.getByRole('button', { name: 'Remove this checklist item' }).click();
      await inStageEditor(page, () => last.getByRole('button', { name: 'Save stage' }).click());
      expect((await storedProgram(program.id)).stages[0]?.checklist).toEqual([]);
      await expectAccessible(page, 'the stage editor after removing every checklist item');

      // A new stage is added with its checklist.
      const addForm = page.locator('form.add-stage');
      await addForm.getByLabel('Stage name').fill('Junior officer');
      await addForm.getByLabel('Username or group code').fill('joy');
      await addForm.getByRole('group', { name: 'Eligibility checklist' }).getByLabel('Code').fill('documents');
      await addForm.getByRole('group', { name: 'Eligibility checklist' }).getByLabel('Label').fill('Documents are legible');
      await inStageEditor(page, () => addForm.getByRole('button', { name: 'Add stage' }).click());
      await expect(page.getByTestId('stage-notice').innerText()).resolves.toBe('Stage added.');
      expect((await storedProgram(program.id)).stages.at(-1)?.checklist).toEqual([{ code: 'documents', label: 'Documents are legible' }]);
      await expectAccessible(page, 'the stage editor after adding a stage with its checklist');
      await page.context().close();
    });
  });
});
