/**
 * axe-core in a real page: its source is evaluated in the page (the CSP forbids an added script tag;
 * an evaluation from the test driver is not subject to it) and run with the WCAG 2.0, 2.1 and 2.2
 * A and AA rules. Any violation fails the test with the rule, the element and what would fix it.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';

const require = createRequire(import.meta.url);

/** The axe tags of every A and AA success criterion of WCAG 2.0, 2.1 and 2.2. */
export const WCAG_22_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] as const;

let axeSource: Promise<string> | undefined;

function readAxeSource(): Promise<string> {
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/** One line per failing element: rule, impact, the element's selector, and the rule's help text. */
export interface AxeViolation {
  rule: string;
  impact: string;
  target: string;
  help: string;
  summary: string;
}

/** Runs axe on the page as it is now and answers its WCAG 2.2 A/AA violations (none on a good page). */
export async function findAxeViolations(page: Page): Promise<AxeViolation[]> {
  // The tests compile without the DOM library: the page's globals are typed here by hand.
  const injected = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!injected) await page.evaluate(await readAxeSource());
  const results = await page.evaluate(
    async (tags) => {
      const { axe, document } = globalThis as unknown as {
        axe: { run(context: unknown, options: object): Promise<AxeResults> };
        document: unknown;
      };
      const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return violations.map((violation) => ({
        rule: violation.id,
        impact: violation.impact ?? 'unknown',
        help: violation.help,
        nodes: violation.nodes.map((node) => ({ target: node.target.join(' '), summary: node.failureSummary ?? '' })),
      }));
    },
    WCAG_22_AA_TAGS as unknown as string[],
  );
  return results.flatMap((result) =>
    result.nodes.map((node) => ({
      rule: result.rule,
      impact: result.impact,
      help: result.help,
      target: node.target,
      summary: node.summary,
    })),
  );
}

/**
 * Fails unless axe finds no WCAG 2.2 A/AA violation on the page as it is now. `state` names the page
 * state in the failure, e.g. "family step after adding a member (375 px)".
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  const violations = await findAxeViolations(page);
  if (violations.length === 0) return;
  const lines = violations.map((v) => `- ${v.rule} (${v.impact}) at ${v.target}: ${v.help}\n    ${v.summary.replace(/\n/g, '\n    ')}`);
  throw new Error(`axe found ${violations.length} WCAG 2.2 A/AA violation(s) on ${state} (${page.url()}):\n${lines.join('\n')}`);
}

/** Presses Tab until the element has the focus (a keyboard user's way there); fails when it is never reached. */
export async function tabTo(page: Page, target: Locator, maxPresses = 60): Promise<void> {
  for (let press = 0; press < maxPresses; press += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
  }
  throw new Error(`${String(target)} was not reached with ${maxPresses} presses of Tab`);
}

/**
 * How the focused element's outline stands out from what is around it: the contrast ratio (WCAG
 * formula) between the outline's color and the first opaque background behind the element, and the
 * outline's width in pixels. WCAG 2.2 SC 1.4.11 asks for a ratio of at least 3.
 */
export async function measureFocusRing(target: Locator): Promise<{ ratio: number; width: number; color: string; background: string }> {
  return target.evaluate((element) => {
    const view = element.ownerDocument.defaultView;
    if (!view) throw new Error('the element is not in a window');
    const parse = (color: string): number[] => (color.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = (color: string): number => {
      const [r = 0, g = 0, b = 0] = parse(color).map((channel) => channel / 255);
      const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const style = view.getComputedStyle(element);
    let background = 'rgb(255, 255, 255)';
    for (let node = element.parentElement; node; node = node.parentElement) {
      const color = view.getComputedStyle(node).backgroundColor;
      const alpha = parse(color)[3];
      if (alpha === undefined || alpha > 0) {
        background = color;
        break;
      }
    }
    const [light, dark] = [luminance(style.outlineColor), luminance(background)].sort((a, b) => b - a) as [number, number];
    return {
      ratio: Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100,
      width: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
      color: style.outlineColor,
      background,
    };
  });
}
