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
export async function signIn(page: Page, appUrl: string, username: string, returnTo = '/'): Promise<void> {
  await page.goto(`${appUrl}/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill('demo');
  await page.locator('input[name="password"]').press('Enter');
  await page.waitForURL((url) => url.href.startsWith(appUrl));
  await page.getByTestId('signed-in-user').waitFor();
}
