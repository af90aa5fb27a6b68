/**
 * Maria, the program manager, shapes how a program's vouchers are printed: the preview follows her typing,
 * a refused save keeps everything she typed, and what she saves is what the page and the API show after a
 * reload. axe checks every state, wide and at 375 px.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/harness.js';
import { launchChromium, overflowsSideways, signIn } from '../support/browser.js';
import { expectAccessible, tabTo } from '../support/accessibility.js';
import { createProgram } from '../support/fixtures.js';
import { tokenFor } from '../support/tokens.js';

// The realm allows sign-in redirects to this port (keycloak/realm.json).
const BROWSER_TEST_PORT = 3999;
const PHONE = { width: 375, height: 740 };
/** Set to a folder (e.g. /tmp) to keep pictures of the section, wide and 375 px wide. */
const SCREENSHOT_DIR = process.env.IAOD_SCREENSHOT_DIR;
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

describe('the voucher template on the program page', () => {
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

  async function managerOnProgram(programId: string, viewport?: { width: number; height: number }) {
    const context = await browser.newContext(viewport ? { viewport } : {});
    const page = await context.newPage();
    const cspErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
    });
    await signIn(page, testApp.url, 'maria', '/admin');
    await page.goto(`${testApp.url}/admin/programs/${programId}`);
    return { page, cspErrors };
  }

  const preview = (page: Page) => page.getByTestId('voucher-preview');

  /** Waits until the preview shows `text` as its title (htmx swaps it after a pause in the typing). */
  async function previewTitled(page: Page, text: string): Promise<void> {
    await page.getByTestId('preview-title').filter({ hasText: text }).waitFor();
  }

  it('follows the typing in the preview, keeps what was typed when refused, and shows what was saved after a reload', async () => {
    const program = await createProgram(testApp.app, { open: false });
    const { page, cspErrors } = await managerOnProgram(program.id);
    await page.locator('#voucher-template').scrollIntoViewIfNeeded();

    // Never given a template: the defaults, the program's name as title and every field.
    await expect(page.getByLabel('Title', { exact: true }).inputValue()).resolves.toBe('Emergency surgery (test)');
    await expect(preview(page).getByTestId('preview-field-program').textContent()).resolves.toContain('Emergency surgery (test)');
    await expectAccessible(page, 'the program page with the voucher template');

    // The preview follows the form: title, instructions, fields and language.
    await page.getByLabel('Title', { exact: true }).fill('Surgery voucher');
    await previewTitled(page, 'Surgery voucher');
    await page.getByLabel('Instructions to the beneficiary').fill('Bring this voucher and your ID to the hospital.');
    await preview(page).getByTestId('preview-beneficiary').filter({ hasText: 'Bring this voucher and your ID' }).waitFor();
    await page.getByLabel('Program name').uncheck();
    await preview(page).getByTestId('preview-field-program').waitFor({ state: 'detached' });
    await expect(preview(page).getByTestId('preview-field-amount').textContent()).resolves.toMatch(/Amount[\s\S]*USD\s5,000/);
    await page.getByLabel('Language of the voucher').selectOption('fr');
    await page.locator('[data-testid="voucher-preview"][lang="fr"]').waitFor();
    await expect(preview(page).getByTestId('preview-field-amount').textContent()).resolves.toContain('Montant');
    await expectAccessible(page, 'the voucher template with the preview in French');

    // Too long a title: refused with the summary, and nothing typed is lost.
    await page.getByLabel('Title', { exact: true }).fill('x'.repeat(81));
    await page.getByRole('button', { name: 'Save the voucher template' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    await expect(summary.getByRole('link').first().getAttribute('href')).resolves.toBe('#voucher-title');
    await expect(page.getByTestId('error-title').innerText()).resolves.toContain('at most 80 characters');
    await expect(page.getByLabel('Title', { exact: true }).inputValue()).resolves.toBe('x'.repeat(81));
    await expect(page.getByLabel('Instructions to the beneficiary').inputValue()).resolves.toBe(
      'Bring this voucher and your ID to the hospital.',
    );
    await expect(page.getByLabel('Program name').isChecked()).resolves.toBe(false);
    await expect(page.getByLabel('Language of the voucher').inputValue()).resolves.toBe('fr');
    await expectAccessible(page, 'the voucher template refused for a long title');

    // With the keyboard alone: to the title, a new one typed, on to the save button.
    await page.getByLabel('Title', { exact: true }).fill('');
    await page.getByLabel('Title', { exact: true }).focus();
    await page.keyboard.type('Surgery voucher');
    await tabTo(page, page.getByRole('button', { name: 'Save the voucher template' }), 12);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('notice').innerText()).resolves.toContain('Voucher template saved');

    // Reloaded: the form and the preview show what was saved, and so does the API.
    await page.reload();
    await expect(page.getByLabel('Title', { exact: true }).inputValue()).resolves.toBe('Surgery voucher');
    await expect(page.getByLabel('Instructions to the beneficiary').inputValue()).resolves.toBe(
      'Bring this voucher and your ID to the hospital.',
    );
    await expect(page.getByLabel('Program name').isChecked()).resolves.toBe(false);
    await expect(page.getByRole('checkbox', { name: 'Amount' }).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Language of the voucher').inputValue()).resolves.toBe('fr');
    await previewTitled(page, 'Surgery voucher');
    await expectAccessible(page, 'the voucher template after saving');
    if (SCREENSHOT_DIR)
      await page.locator('#voucher-template').screenshot({ path: path.join(SCREENSHOT_DIR, 'voucher-template-wide.png') });
    const token = await tokenFor('maria');
    const stored = await request(testApp.app)
      .get(`/api/v1/programs/${program.id}/voucher-template`)
      .set('Authorization', `Bearer ${token}`);
    expect(stored.body).toEqual({
      title: 'Surgery voucher',
      instructions: { beneficiary: 'Bring this voucher and your ID to the hospital.', provider: '' },
      printedFields: ['name', 'amount', 'validity'],
      language: 'fr',
      logo: null,
    });

    // The logo: a PDF is refused by its bytes, a PNG is taken and shown in the preview.
    await page
      .getByLabel('Logo image')
      .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('%PDF-1.7 not an image') });
    await page.getByRole('button', { name: 'Upload the logo' }).click();
    await expect(page.getByTestId('error-logo').innerText()).resolves.toContain('must be a PNG or JPEG image');
    await expectAccessible(page, 'the voucher template with a refused logo');
    await page
      .getByLabel('Logo image')
      .setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: Buffer.concat([PNG, Buffer.alloc(300_000)]) });
    await page.getByRole('button', { name: 'Upload the logo' }).click();
    await expect(page.getByTestId('error-logo').innerText()).resolves.toContain('at most 200 KB');
    await page.getByLabel('Logo image').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: 'Upload the logo' }).click();
    await expect(page.getByTestId('notice').innerText()).resolves.toContain('Logo saved');
    await expect(
      preview(page)
        .getByTestId('preview-logo')
        .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).resolves.toBe(1);
    await expectAccessible(page, 'the voucher template with a logo');
    await page.getByRole('button', { name: 'Remove the logo' }).click();
    await expect(page.getByTestId('notice').innerText()).resolves.toContain('Logo removed');
    await expect(preview(page).getByTestId('preview-logo').count()).resolves.toBe(0);
    expect(cspErrors).toEqual([]);
  });

  it('fits a 375 px screen, the preview below the form', async () => {
    const program = await createProgram(testApp.app, { open: false });
    const { page, cspErrors } = await managerOnProgram(program.id, PHONE);
    await page.locator('#voucher-template').scrollIntoViewIfNeeded();
    await page.getByLabel('Title', { exact: true }).fill('A very long voucher title that has to wrap on a phone');
    await previewTitled(page, 'A very long voucher title');
    await expect(overflowsSideways(page)).resolves.toBe(false);
    await expectAccessible(page, 'the voucher template at 375 px');
    if (SCREENSHOT_DIR) await page.locator('#voucher-template').screenshot({ path: path.join(SCREENSHOT_DIR, 'voucher-template-375.png') });
    expect(cspErrors).toEqual([]);
  });
});
