import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with the flags this closed network needs (no background calls home). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run npm run test:browser-deps`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Signs in through the real login page of the run's provider (Keycloak or the development one),
 * starting from the app's sign-in link, and waits until the app shows the signed-in user.
 */
export interface SignInOptions {
  /**
   * The page language to leave the person in (default English, which the tests' words are written in): other
   * test files save demo users' preferences, and a saved language follows the person to the next sign-in.
   * `null` keeps whatever the person's preferences say.
   */
  language?: 'en' | 'fr' | 'ar' | null;
}

export async function signIn(page: Page, appUrl: string, username: string, returnTo = '/', options: SignInOptions = {}): Promise<void> {
  await page.goto(`${appUrl}/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill('demo');
  await page.locator('input[name="password"]').press('Enter');
  await page.waitForURL((url) => url.href.startsWith(appUrl));
  await page.getByTestId('signed-in-user').waitFor();
  const language = options.language === undefined ? 'en' : options.language;
  if (language !== null && (await page.locator('html').getAttribute('lang')) !== language) {
    await page.locator(`form.language-switch button[value="${language}"]`).click();
    await page.waitForFunction(
      (wanted) => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang === wanted,
      language,
    );
  }
}

/** The page scrolls sideways when its content is wider than the window. */
export function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const root = (globalThis as unknown as { document: { scrollingElement: { scrollWidth: number; clientWidth: number } } }).document
      .scrollingElement;
    return root.scrollWidth > root.clientWidth;
  });
}
