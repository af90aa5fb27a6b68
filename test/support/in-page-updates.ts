/**
 * Checks what a person notices after an htmx swap: the page's live region says the outcome and is still
 * the node it was before the swap (a replaced region is one screen readers were not listening to), and
 * focus is on the changed item or its message, never dropped to the page body.
 */
import { expect } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';

const LIVE_REGION = '#live-region';

/** The live region as the page's script sees it (the tests compile without the DOM library). */
interface MarkedRegion {
  markedBeforeSwap?: boolean;
}

/**
 * Call before the action that swaps: checks that no swap target on the page contains the live region, and
 * marks it with a property (not an attribute, which a re-rendered copy could carry too).
 */
export async function markLiveRegion(page: Page): Promise<void> {
  const region = page.locator(LIVE_REGION);
  await expect(region.count()).resolves.toBe(1);
  await expect(region.getAttribute('aria-live')).resolves.toBe('polite');
  // The hx-target of every element that has one, and whether the element it names holds the region.
  const holding = `Array.from(document.querySelectorAll('[hx-target]'))
    .map((source) => source.getAttribute('hx-target'))
    .filter((selector) => document.querySelector(selector)?.contains(document.querySelector('${LIVE_REGION}')))`;
  await expect(page.evaluate(holding)).resolves.toEqual([]);
  // Emptied too, so the wait after the action cannot be met by the last action's words.
  await region.evaluate((element) => {
    (element as unknown as MarkedRegion).markedBeforeSwap = true;
    element.textContent = '';
  });
}

export interface SwapOutcome {
  /** What the live region says: the whole text, or a pattern for a long message. */
  announced: string | RegExp;
  /** The element that should have focus. */
  focused: Locator;
}

/** Call after the action: waits for the announcement, then checks the region is the marked node and where focus is. */
export async function expectSwapOutcome(page: Page, { announced, focused }: SwapOutcome): Promise<void> {
  const region = page.locator(LIVE_REGION);
  await region.filter({ hasText: announced }).waitFor({ state: 'attached' });
  const text = (await region.textContent()) ?? '';
  if (typeof announced === 'string') expect(text).toBe(announced);
  else expect(text).toMatch(announced);
  await expect(region.evaluate((element) => (element as unknown as MarkedRegion).markedBeforeSwap === true)).resolves.toBe(true);
  await expect(
    page.evaluate(
      () => (globalThis as unknown as { document: { activeElement: { tagName: string } | null } }).document.activeElement?.tagName,
    ),
  ).resolves.not.toBe('BODY');
  await expect(focused.evaluate((element) => element === element.ownerDocument.activeElement)).resolves.toBe(true);
}
