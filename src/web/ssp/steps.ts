/** The apply flow's steps, in the order a person goes through them. */
import type { Translate } from '../../platform/i18n/catalogs.js';

export const STEP_SLUGS = ['treatment', 'person', 'address', 'family', 'documents', 'review'] as const;
export type StepSlug = (typeof STEP_SLUGS)[number];

export interface StepInfo {
  slug: StepSlug;
  /** 1-based, as shown ("Step 2 of 6"). */
  number: number;
  total: number;
  title: string;
}

export function isStepSlug(value: string): value is StepSlug {
  return (STEP_SLUGS as readonly string[]).includes(value);
}

/** The step's place and its title in the page's language (`ssp.step.name.<slug>`). */
export function describeStep(slug: StepSlug, t: Translate): StepInfo {
  return { slug, number: STEP_SLUGS.indexOf(slug) + 1, total: STEP_SLUGS.length, title: t(`ssp.step.name.${slug}`) };
}

/** The step before this one, or undefined on the first. */
export function stepBefore(slug: StepSlug): StepSlug | undefined {
  return STEP_SLUGS[STEP_SLUGS.indexOf(slug) - 1];
}

/** The step after this one (the review is the last). */
export function stepAfter(slug: StepSlug): StepSlug {
  return STEP_SLUGS[STEP_SLUGS.indexOf(slug) + 1] ?? 'review';
}

/**
 * Where a step opened from elsewhere goes back to, on "Save and continue" and on "Back": a name from
 * this list, never an address, so the parameter cannot send anyone off the portal.
 */
export const RETURN_PLACES = ['review'] as const;
export type ReturnPlace = (typeof RETURN_PLACES)[number];

/** A `return` parameter or field as one of the places, or undefined for anything else. */
export function readReturnPlace(value: unknown): ReturnPlace | undefined {
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  return (RETURN_PLACES as readonly unknown[]).includes(first) ? (first as ReturnPlace) : undefined;
}

/** A step's address; with `returnTo`, the step goes back there when saved. */
export function stepPath(draftId: string, slug: StepSlug, returnTo?: ReturnPlace): string {
  return `/ssp/drafts/${draftId}/${slug}${returnTo ? `?return=${returnTo}` : ''}`;
}
