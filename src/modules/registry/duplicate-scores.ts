/**
 * How alike two people of the registry are (registrants or family members): the same ID is an exact match;
 * otherwise a probable match is scored from the name (trigram similarity, or the same Double Metaphone
 * codes), the birth date and the region. The weights and the threshold were chosen on the labelled set of
 * test/integration/deduplication.test.ts (precision and recall in the README); docs/decisions.md says why.
 */

/** What the database measured about a pair (find-duplicates.ts). */
export interface PairFeatures {
  sameId: boolean;
  /** pg_trgm similarity of the lower-case full names, 0 to 1. */
  nameSimilarity: number;
  /** Given and family names each have the same (non-empty) Double Metaphone code. */
  samePhoneticName: boolean;
  birthDates: [string, string];
  sameRegion: boolean;
}

export type MatchedOn = 'id' | 'name' | 'phonetic-name' | 'birth-date' | 'near-birth-date' | 'region';

export interface PairScore {
  kind: 'exact' | 'probable';
  /** 0 to 1, two decimals. */
  score: number;
  matchedOn: MatchedOn[];
}

/** Below this, a pair is not raised. */
export const PROBABLE_THRESHOLD = 0.8;
/** A name at least this similar (trigram) counts as a matching name. */
export const NAME_SIMILARITY_THRESHOLD = 0.6;
/** What the same Double Metaphone codes count for, as a name similarity. */
const PHONETIC_NAME = 0.85;
const WEIGHTS = { name: 0.5, birth: 0.3, region: 0.2 } as const;
/** A birth date off by one part (or with day and month swapped) counts for this much of a same one. */
const NEAR_BIRTH = 0.6;

/**
 * A typing slip: the same date but for the month or the day, or a year one off, or with day and month
 * swapped. A year further off is another generation (a parent and a child of one name), not a slip.
 */
export function isNearBirthDate(a: string, b: string): boolean {
  if (a === b) return false;
  const [ya, ma, da] = a.split('-');
  const [yb, mb, db] = b.split('-');
  const sameYear = ya === yb;
  const yearOneOff = Math.abs(Number(ya) - Number(yb)) === 1;
  const differing = [!sameYear, ma !== mb, da !== db].filter(Boolean).length;
  if (differing === 1) return sameYear || yearOneOff;
  return sameYear && ma === db && da === mb;
}

/** The pair's score, or undefined when it is not alike enough to show. */
export function scorePair(features: PairFeatures): PairScore | undefined {
  if (features.sameId) return { kind: 'exact', score: 1, matchedOn: ['id'] };
  const [birthA, birthB] = features.birthDates;
  const sameBirth = birthA === birthB;
  const nearBirth = isNearBirthDate(birthA, birthB);
  const similarName = features.nameSimilarity >= NAME_SIMILARITY_THRESHOLD;
  const name = Math.max(features.nameSimilarity, features.samePhoneticName ? PHONETIC_NAME : 0);
  const birth = sameBirth ? 1 : nearBirth ? NEAR_BIRTH : 0;
  const score = WEIGHTS.name * name + WEIGHTS.birth * birth + WEIGHTS.region * (features.sameRegion ? 1 : 0);
  // Two people with the same birth date and region but unlike names (twins, neighbours) are not one.
  if (!similarName && !features.samePhoneticName) return undefined;
  if (score < PROBABLE_THRESHOLD - 1e-9) return undefined;
  const matchedOn: MatchedOn[] = [];
  if (similarName) matchedOn.push('name');
  if (features.samePhoneticName) matchedOn.push('phonetic-name');
  if (sameBirth) matchedOn.push('birth-date');
  if (nearBirth) matchedOn.push('near-birth-date');
  if (features.sameRegion) matchedOn.push('region');
  return { kind: 'probable', score: Math.round(score * 100) / 100, matchedOn };
}
