/**
 * Duplicate search: the people of one registrant (the registrant and their family members) against every
 * other registrant and family member of the registry, merged registrants left out. Each person is looked
 * up through index-backed blocks (the same ID as compared; a birth date and names by their sound, see
 * DUPLICATE_SEARCH_SQL), and only the pairs found are measured and scored (duplicate-scores.ts), so a search
 * reads about as many rows with a million registrants as with a thousand (bench/dedup.ts).
 */
import { selectRows, type Transaction } from '../../platform/db/sql.js';
import type { RegistryDeps } from './deps.js';
import { scorePair, type MatchedOn } from './duplicate-scores.js';
import type { FamilyMemberRow, Gender, IdType } from './models.js';

export type PersonKind = 'registrant' | 'family-member';

/** One person of the registry as a duplicate search shows them: enough to compare, side by side. */
export interface RegistryPerson {
  kind: PersonKind;
  id: string;
  /** The registrant themself, or the registrant whose family the member is in. */
  registrantId: string;
  givenName: string;
  familyName: string;
  gender: Gender;
  birthDate: string;
  region: string;
  /** A registrant's ID; family members have none. */
  idType?: IdType;
  idValue?: string;
  /** A family member's relation to their registrant. */
  relation?: FamilyMemberRow['relation'];
}

export interface DuplicateMatch {
  /** The person of the searched registrant. */
  record: RegistryPerson;
  /** The other person found. */
  match: RegistryPerson;
  kind: 'exact' | 'probable';
  score: number;
  matchedOn: MatchedOn[];
  nameSimilarity: number;
}

/** At most this many matches: more than an officer can weigh on one page means the data needs another tool. */
export const MATCHES_LIMIT = 50;

const ID_COMPARED = (column: string) => `upper(regexp_replace(${column}, '[^A-Za-z0-9]', '', 'g'))`;
const REGISTRANT_PERSON = `'registrant' AS kind, r.id, r.id AS registrant_id, r.given_name, r.family_name, r.gender,
  CAST(r.birth_date AS text) AS birth_date, r.region, r.id_type, r.id_value, CAST(NULL AS varchar) AS relation`;
const MEMBER_PERSON = `'family-member' AS kind, m.id, m.registrant_id, m.given_name, m.family_name, m.gender,
  CAST(m.birth_date AS text) AS birth_date, r.region, CAST(NULL AS varchar) AS id_type, CAST(NULL AS varchar) AS id_value, m.relation`;
// A member found by a block: its region read by primary key for each one found, so no plan ever scans registrants for it.
const FOUND_MEMBER = MEMBER_PERSON.replace('r.region', '(SELECT p.region FROM registrants p WHERE p.id = m.registrant_id) AS region');

/**
 * The birth dates a typing slip could have made of `b` (isNearBirthDate): every other day of its month, its
 * day in every other month of its year, the same day a year before and after, and day and month swapped.
 * About 45 dates, each an index probe.
 */
const NEAR_DATES = (b: string) => {
  const part = (name: string) => `CAST(extract(${name} FROM ${b}) AS int)`;
  const [year, month, day] = [part('year'), part('month'), part('day')];
  const lastDay = (y: string, m: string) => `extract(day FROM make_date(${y}, ${m}, 1) + interval '1 month' - interval '1 day')`;
  return `ARRAY(SELECT DISTINCT d FROM (
    SELECT CAST(date_trunc('month', ${b}) AS date) + n AS d FROM generate_series(0, 30) AS n
    WHERE n < ${lastDay(year, month)}
    UNION ALL
    SELECT CASE WHEN ${day} <= ${lastDay(year, 'mm')} THEN make_date(${year}, mm, ${day}) END FROM generate_series(1, 12) AS mm
    UNION ALL
    SELECT CAST(${b} - interval '1 year' AS date)
    UNION ALL
    SELECT CAST(${b} + interval '1 year' AS date)
    UNION ALL
    SELECT CASE WHEN ${day} <= 12 AND ${month} <= ${lastDay(year, day)} THEN make_date(${year}, ${day}, ${month}) END
  ) AS near WHERE d IS NOT NULL AND d <> ${b})`;
};

/**
 * Each block is its own indexed look-up; `s` is a person of the searched registrant, with the birth dates a
 * slip could have made of theirs and the sounds of their family and given names; `r` is another registrant,
 * `m` a family member (whose region is their registrant's). Found: the same ID; born the same day with a
 * family name that sounds like either of theirs (names written the other way round too); born on a slip of
 * their date with both names sounding like theirs.
 */
export const DUPLICATE_SEARCH_SQL = `
  WITH people AS (
    SELECT ${REGISTRANT_PERSON} FROM registrants r WHERE r.id = :id AND r.merged_into IS NULL
    UNION ALL
    SELECT ${MEMBER_PERSON} FROM family_members m JOIN registrants r ON r.id = m.registrant_id
    WHERE m.registrant_id = :id AND r.merged_into IS NULL
  ),
  s AS (
    SELECT people.*, ${NEAR_DATES('CAST(people.birth_date AS date)')} AS near_dates,
      dmetaphone(people.family_name) AS family_sound, dmetaphone(people.given_name) AS given_sound
    FROM people
  ),
  found AS (
    SELECT s.id AS s_id, o.* FROM s CROSS JOIN LATERAL (
      SELECT ${REGISTRANT_PERSON}, TRUE AS same_id FROM registrants r
      WHERE s.kind = 'registrant' AND r.id_type = s.id_type AND ${ID_COMPARED('r.id_value')} = ${ID_COMPARED('s.id_value')}
      UNION ALL
      SELECT ${REGISTRANT_PERSON}, FALSE FROM registrants r
      WHERE r.birth_date = CAST(s.birth_date AS date) AND dmetaphone(r.family_name) IN (s.family_sound, s.given_sound)
      UNION ALL
      SELECT ${REGISTRANT_PERSON}, FALSE FROM registrants r
      WHERE r.birth_date = ANY(s.near_dates) AND dmetaphone(r.family_name) = s.family_sound AND dmetaphone(r.given_name) = s.given_sound
      UNION ALL
      SELECT ${FOUND_MEMBER}, FALSE FROM family_members m
      WHERE m.birth_date = CAST(s.birth_date AS date) AND dmetaphone(m.family_name) IN (s.family_sound, s.given_sound)
      UNION ALL
      SELECT ${FOUND_MEMBER}, FALSE FROM family_members m
      WHERE m.birth_date = ANY(s.near_dates) AND dmetaphone(m.family_name) = s.family_sound AND dmetaphone(m.given_name) = s.given_sound
    ) AS o
    WHERE o.registrant_id <> s.registrant_id
      AND NOT EXISTS (SELECT 1 FROM registrants merged WHERE merged.id = o.registrant_id AND merged.merged_into IS NOT NULL)
  ),
  pairs AS (
    SELECT s_id, kind, id, registrant_id, given_name, family_name, gender, birth_date, region, id_type, id_value, relation,
      bool_or(same_id) AS same_id
    FROM found GROUP BY s_id, kind, id, registrant_id, given_name, family_name, gender, birth_date, region, id_type, id_value, relation
  )
  SELECT s.kind AS s_kind, s.id AS s_id, s.registrant_id AS s_registrant_id, s.given_name AS s_given_name,
    s.family_name AS s_family_name, s.gender AS s_gender, s.birth_date AS s_birth_date, s.region AS s_region,
    s.id_type AS s_id_type, s.id_value AS s_id_value, s.relation AS s_relation,
    p.kind, p.id, p.registrant_id, p.given_name, p.family_name, p.gender, p.birth_date, p.region, p.id_type, p.id_value, p.relation,
    p.same_id,
    similarity(lower(s.given_name || ' ' || s.family_name), lower(p.given_name || ' ' || p.family_name)) AS name_similarity,
    (dmetaphone(s.given_name) <> '' AND dmetaphone(s.given_name) = dmetaphone(p.given_name)
      AND dmetaphone(s.family_name) <> '' AND dmetaphone(s.family_name) = dmetaphone(p.family_name)) AS same_phonetic_name,
    lower(btrim(s.region)) = lower(btrim(p.region)) AS same_region
  FROM pairs p JOIN s ON s.id = p.s_id`;

interface PersonColumns {
  kind: PersonKind;
  id: string;
  registrant_id: string;
  given_name: string;
  family_name: string;
  gender: Gender;
  birth_date: string;
  region: string;
  id_type: IdType | null;
  id_value: string | null;
  relation: FamilyMemberRow['relation'] | null;
}

type PairRow = PersonColumns & { [K in keyof PersonColumns as `s_${K}`]: PersonColumns[K] } & {
  same_id: boolean;
  name_similarity: number;
  same_phonetic_name: boolean;
  same_region: boolean;
};

function personOf(row: PersonColumns): RegistryPerson {
  return {
    kind: row.kind,
    id: row.id,
    registrantId: row.registrant_id,
    givenName: row.given_name,
    familyName: row.family_name,
    gender: row.gender,
    birthDate: row.birth_date,
    region: row.region,
    ...(row.id_type && row.id_value ? { idType: row.id_type, idValue: row.id_value } : {}),
    ...(row.relation ? { relation: row.relation } : {}),
  };
}

function recordOf(row: PairRow): RegistryPerson {
  return personOf({
    kind: row.s_kind,
    id: row.s_id,
    registrant_id: row.s_registrant_id,
    given_name: row.s_given_name,
    family_name: row.s_family_name,
    gender: row.s_gender,
    birth_date: row.s_birth_date,
    region: row.s_region,
    id_type: row.s_id_type,
    id_value: row.s_id_value,
    relation: row.s_relation,
  });
}

/**
 * The likely duplicates of a registrant's people, best first (at most MATCHES_LIMIT), inside the caller's
 * transaction when given one.
 */
export async function findDuplicates(deps: RegistryDeps, registrantId: string, transaction?: Transaction): Promise<DuplicateMatch[]> {
  const rows = await selectRows<PairRow>(deps.sequelize, DUPLICATE_SEARCH_SQL, { id: registrantId }, transaction);
  const matches: DuplicateMatch[] = [];
  for (const row of rows) {
    const scored = scorePair({
      sameId: row.same_id,
      nameSimilarity: Number(row.name_similarity),
      samePhoneticName: row.same_phonetic_name,
      birthDates: [row.s_birth_date, row.birth_date],
      sameRegion: row.same_region,
    });
    if (!scored) continue;
    matches.push({
      record: recordOf(row),
      match: personOf(row),
      ...scored,
      nameSimilarity: Math.round(Number(row.name_similarity) * 100) / 100,
    });
  }
  matches.sort((a, b) => b.score - a.score || a.match.id.localeCompare(b.match.id) || a.record.id.localeCompare(b.record.id));
  return matches.slice(0, MATCHES_LIMIT);
}
