import type { Principal } from '../../platform/auth/principal.js';
import { selectOne, selectRows, type Transaction } from '../../platform/db/sql.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { proposalReaders, visibility, type ApplicationStatus } from '../applications/index.js';
import type { SignalsDeps } from './deps.js';
import type { RelatedApplication, Signal, SignalReview } from './models.js';
import { OUTLIER_SCORE, robustScoreOf } from './robust-statistics.js';

/** "Recent" for the same person or household: submitted within this many days, whatever its status. */
export const RECENT_DAYS = 180;
/** The cost's usual range is taken from at most this many of the latest past applications. */
const COST_SAMPLE_LIMIT = 1000;
/** At most this many counterparts of one kind: enough to act on, bounded for a page. */
const COUNTERPARTS_LIMIT = 20;

export interface SignalSubject {
  id: string;
  reference: string;
  registrant_id: string;
  program_id: string;
  treatment_type: string;
  currency: string;
  estimated_cost: string;
  submitted_at: Date;
  applicant_subject: string;
  /** The caller is the designated officer of the application's first stage. */
  first_stage: boolean;
}

/**
 * The application, when the caller is one of its designated officers (any stage, by subject or group);
 * otherwise 404, as for the application itself. Officer roles only: signals are an officer's tool.
 */
export async function findSignalSubject(
  deps: SignalsDeps,
  actor: Principal,
  id: string,
  transaction?: Transaction,
): Promise<SignalSubject> {
  const officer = { ...actor, roles: actor.roles.filter((role) => role === 'reviewer' || role === 'assessor') };
  const { clause, replacements } = visibility(officer);
  const row = await selectOne<SignalSubject>(
    deps.sequelize,
    `SELECT a.id, a.reference, a.registrant_id, a.program_id, a.treatment_type, a.currency, a.estimated_cost, a.submitted_at,
       a.applicant_subject, ${proposalReaders(officer) ?? 'FALSE'} AS first_stage
     FROM applications a WHERE a.id = :id AND a.status <> 'DRAFT' AND ${clause}`,
    { ...replacements, id },
    transaction,
  );
  if (!row) throw new NotFoundError('No application with that id.');
  return row;
}

interface CounterpartRow {
  id: string;
  reference: string;
  status: ApplicationStatus;
  submitted_at: Date;
}

const relatedOf = (row: CounterpartRow): RelatedApplication => ({
  applicationId: row.id,
  reference: row.reference,
  status: row.status,
  submittedAt: row.submitted_at.toISOString(),
  link: `/api/v1/applications/${row.id}`,
});

// Another application `o`, submitted, open (not rejected) or recent; `a` is the application the signals are for.
const OPEN_OR_RECENT = `o.id <> a.id AND o.status <> 'DRAFT' AND (o.status <> 'REJECTED' OR o.submitted_at >= CAST(:since AS timestamptz))`;
const PERSON = "(a.snapshot -> 'applicant')";
const OTHER = "(o.snapshot -> 'applicant')";
// The other application's family members in lower case, keys too (`givenname`): the expression of applications_family_members_idx.
const LOWERED_MEMBERS = "(lower((o.snapshot -> 'familyMembers')::text)::jsonb)";
const SAME_NAME_BIRTH_REGION = `lower(${OTHER} ->> 'familyName') = lower(${PERSON} ->> 'familyName')
  AND ${OTHER} ->> 'birthDate' = ${PERSON} ->> 'birthDate'
  AND lower(trim(${OTHER} ->> 'givenName')) = lower(trim(${PERSON} ->> 'givenName'))
  AND lower(trim(${OTHER} -> 'address' ->> 'region')) = lower(trim(${PERSON} -> 'address' ->> 'region'))`;

async function findSamePerson(deps: SignalsDeps, subject: SignalSubject, since: Date, transaction?: Transaction): Promise<Signal[]> {
  const rows = await selectRows<CounterpartRow & { by_registrant: boolean; by_name: boolean }>(
    deps.sequelize,
    `SELECT o.id, o.reference, o.status, o.submitted_at,
       o.registrant_id = a.registrant_id AS by_registrant, (${SAME_NAME_BIRTH_REGION}) AS by_name
     FROM applications a JOIN applications o ON o.registrant_id = a.registrant_id OR (${SAME_NAME_BIRTH_REGION})
     WHERE a.id = :id AND ${OPEN_OR_RECENT}
     ORDER BY o.submitted_at DESC, o.id LIMIT ${COUNTERPARTS_LIMIT}`,
    { id: subject.id, since },
    transaction,
  );
  return rows.map((row) => ({
    key: `same-person.${row.id}`,
    kind: 'same-person',
    evidence: {
      matchedOn: [...(row.by_registrant ? (['registrant'] as const) : []), ...(row.by_name ? (['name-birth-date-region'] as const) : [])],
    },
    related: relatedOf(row),
  }));
}

/**
 * A family member listed here who is the applicant there (given name, family name, birth date), or this
 * applicant listed among the family members there; another person's application, not the same registrant's.
 */
async function findSameHousehold(deps: SignalsDeps, subject: SignalSubject, since: Date, transaction?: Transaction): Promise<Signal[]> {
  const rows = await selectRows<CounterpartRow & { member_is_applicant: boolean; applicant_is_member: boolean }>(
    deps.sequelize,
    `WITH a AS (SELECT * FROM applications WHERE id = :id),
     members AS (
       SELECT lower(m ->> 'familyName') AS family_name, lower(trim(m ->> 'givenName')) AS given_name, m ->> 'birthDate' AS birth_date
       FROM a, jsonb_array_elements(COALESCE(a.snapshot -> 'familyMembers', '[]'::jsonb)) AS m),
     found AS (
       SELECT o.id, TRUE AS member_is_applicant, FALSE AS applicant_is_member FROM a, members
       JOIN applications o ON lower(${OTHER} ->> 'familyName') = members.family_name AND ${OTHER} ->> 'birthDate' = members.birth_date
       WHERE o.status <> 'DRAFT' AND lower(trim(${OTHER} ->> 'givenName')) = members.given_name
       UNION ALL
       SELECT o.id, FALSE, TRUE FROM a JOIN applications o ON ${LOWERED_MEMBERS} @> jsonb_build_array(jsonb_build_object(
         'givenname', lower(${PERSON} ->> 'givenName'), 'familyname', lower(${PERSON} ->> 'familyName'),
         'birthdate', ${PERSON} ->> 'birthDate'))
       WHERE o.status <> 'DRAFT')
     SELECT o.id, o.reference, o.status, o.submitted_at, bool_or(f.member_is_applicant) AS member_is_applicant,
       bool_or(f.applicant_is_member) AS applicant_is_member
     FROM found f JOIN applications o ON o.id = f.id, a
     WHERE ${OPEN_OR_RECENT} AND o.registrant_id <> a.registrant_id
     GROUP BY o.id, o.reference, o.status, o.submitted_at
     ORDER BY o.submitted_at DESC, o.id LIMIT ${COUNTERPARTS_LIMIT}`,
    { id: subject.id, since },
    transaction,
  );
  return rows.map((row) => ({
    key: `same-household.${row.id}`,
    kind: 'same-household',
    evidence: {
      matchedOn: [
        ...(row.member_is_applicant ? (['family-member-is-applicant'] as const) : []),
        ...(row.applicant_is_member ? (['applicant-is-family-member'] as const) : []),
      ],
    },
    related: relatedOf(row),
  }));
}

/** Documents of this application whose bytes are attached to an application of another registrant. */
async function findSharedDocuments(deps: SignalsDeps, subject: SignalSubject, transaction?: Transaction): Promise<Signal[]> {
  const rows = await selectRows<CounterpartRow & { documents: Array<{ documentId: string; kind: string }> }>(
    deps.sequelize,
    `SELECT o.id, o.reference, o.status, o.submitted_at,
       jsonb_agg(DISTINCT jsonb_build_object('documentId', d.id, 'kind', ad.kind)) AS documents
     FROM applications a
     JOIN application_documents ad ON ad.application_id = a.id
     JOIN documents d ON d.id = ad.document_id
     JOIN documents d2 ON d2.sha256 = d.sha256
     JOIN application_documents ad2 ON ad2.document_id = d2.id
     JOIN applications o ON o.id = ad2.application_id
     WHERE a.id = :id AND o.id <> a.id AND o.status <> 'DRAFT' AND o.registrant_id <> a.registrant_id
     GROUP BY o.id, o.reference, o.status, o.submitted_at
     ORDER BY o.submitted_at DESC, o.id LIMIT ${COUNTERPARTS_LIMIT}`,
    { id: subject.id },
    transaction,
  );
  return rows.map((row) => ({
    key: `shared-document.${row.id}`,
    kind: 'shared-document',
    evidence: { documents: [...row.documents].sort((x, y) => (x.documentId < y.documentId ? -1 : 1)) },
    related: relatedOf(row),
  }));
}

/** Another registrant found holding the same phone number or payment account, with their latest submitted application. */
type SharingRow = { registrant_id: string; registrant_count: number } & Partial<CounterpartRow>;

// The other registrant's latest submitted application, if they have one; with how many others share it.
const SHARING_COLUMNS =
  'r.id AS registrant_id, CAST(count(*) OVER () AS integer) AS registrant_count, o.id, o.reference, o.status, o.submitted_at';
const LATEST_OF_REGISTRANT = `LEFT JOIN LATERAL (SELECT id, reference, status, submitted_at FROM applications
       WHERE registrant_id = r.id AND status <> 'DRAFT' ORDER BY submitted_at DESC LIMIT 1) o ON TRUE`;

/** One signal per other registrant: the registrant's id and how many share it, never what they share. */
function sharingSignals(kind: 'shared-phone' | 'shared-payment-account', rows: SharingRow[]): Signal[] {
  return rows.map((row) => ({
    key: `${kind}.${row.registrant_id}`,
    kind,
    evidence: { registrantId: row.registrant_id, registrantCount: row.registrant_count },
    ...(row.id && row.reference && row.status && row.submitted_at
      ? { related: relatedOf({ id: row.id, reference: row.reference, status: row.status, submitted_at: row.submitted_at }) }
      : {}),
  }));
}

/**
 * Other registrants holding the applicant's phone number (digits only, so "+254 700…" and "254700…" agree),
 * each with their latest submitted application if they have one.
 */
async function findSharedPhones(deps: SignalsDeps, subject: SignalSubject, transaction?: Transaction): Promise<Signal[]> {
  const rows = await selectRows<SharingRow>(
    deps.sequelize,
    `SELECT ${SHARING_COLUMNS}
     FROM applications a
     JOIN registrants r ON regexp_replace(r.phone, '[^0-9]', '', 'g') = regexp_replace(${PERSON} ->> 'phone', '[^0-9]', '', 'g')
       AND r.phone IS NOT NULL AND r.id <> a.registrant_id
     ${LATEST_OF_REGISTRANT}
     WHERE a.id = :id AND regexp_replace(${PERSON} ->> 'phone', '[^0-9]', '', 'g') <> ''
     ORDER BY o.submitted_at DESC NULLS LAST, r.id LIMIT ${COUNTERPARTS_LIMIT}`,
    { id: subject.id },
    transaction,
  );
  return sharingSignals('shared-phone', rows);
}

/** An account number's letters and digits in capitals, as registrants_payment_account_idx holds them. */
const bareNumber = (column: string) => `upper(regexp_replace(${column}, '[^A-Za-z0-9]', '', 'g'))`;

/**
 * Other registrants holding the payment account the applicant gave: the same kind and number, however it
 * was spaced or capitalised. The provider is left out, as people spell it their own way ("M-Pesa",
 * "MPESA", "Safaricom"): a number shared across two providers is still worth a look.
 */
async function findSharedPaymentAccounts(deps: SignalsDeps, subject: SignalSubject, transaction?: Transaction): Promise<Signal[]> {
  const rows = await selectRows<SharingRow>(
    deps.sequelize,
    `SELECT ${SHARING_COLUMNS}
     FROM applications a
     JOIN registrants r ON r.payment_account_kind = ${PERSON} -> 'paymentAccount' ->> 'kind'
       AND ${bareNumber('r.payment_account_number')} = ${bareNumber(`${PERSON} -> 'paymentAccount' ->> 'number'`)}
       AND r.payment_account_number IS NOT NULL AND r.id <> a.registrant_id
     ${LATEST_OF_REGISTRANT}
     WHERE a.id = :id AND ${bareNumber(`${PERSON} -> 'paymentAccount' ->> 'number'`)} <> ''
     ORDER BY o.submitted_at DESC NULLS LAST, r.id LIMIT ${COUNTERPARTS_LIMIT}`,
    { id: subject.id },
    transaction,
  );
  return sharingSignals('shared-payment-account', rows);
}

const money = (value: number) => value.toFixed(2);

/** The estimated cost against the program's past submitted applications of the same treatment type and currency. */
async function findCostOutlier(deps: SignalsDeps, subject: SignalSubject, transaction?: Transaction): Promise<Signal[]> {
  const past = await selectRows<{ cost: string }>(
    deps.sequelize,
    `SELECT estimated_cost AS cost FROM applications
     WHERE program_id = :programId AND treatment_type = :treatmentType AND currency = :currency AND status <> 'DRAFT'
       AND id <> :id AND submitted_at <= :submittedAt
     ORDER BY submitted_at DESC LIMIT ${COST_SAMPLE_LIMIT}`,
    {
      id: subject.id,
      programId: subject.program_id,
      treatmentType: subject.treatment_type,
      currency: subject.currency,
      submittedAt: subject.submitted_at,
    },
    transaction,
  );
  const cost = Number(subject.estimated_cost);
  const robust = robustScoreOf(
    cost,
    past.map((row) => Number(row.cost)),
  );
  if (!robust || robust.score <= OUTLIER_SCORE) return [];
  return [
    {
      key: 'cost-outlier',
      kind: 'cost-outlier',
      evidence: {
        cost: {
          estimatedCost: money(cost),
          median: money(robust.median),
          mad: money(robust.mad),
          score: Math.round(robust.score * 10) / 10,
          sampleSize: robust.sampleSize,
        },
      },
    },
  ];
}

/**
 * The applicant's account tried to link an ID (its verified QR) that another account holds, and was refused: for
 * the first-stage officer, who enrolls and deduplicates. When it happened, never the ID or the other account.
 */
async function findIdLinkedElsewhere(deps: SignalsDeps, subject: SignalSubject): Promise<Signal[]> {
  if (!subject.first_stage || !deps.linkRefusals) return [];
  const refusals = await deps.linkRefusals.findLinkRefusals(subject.applicant_subject);
  if (refusals.length === 0) return [];
  return [
    {
      key: 'id-linked-elsewhere',
      kind: 'id-linked-elsewhere',
      evidence: { linkAttempts: refusals.map((refusal) => refusal.attemptedAt.toISOString()) },
    },
  ];
}

/** Every signal of the application, as the data stands now (no review attached). */
export async function computeSignals(deps: SignalsDeps, subject: SignalSubject, transaction?: Transaction): Promise<Signal[]> {
  const since = new Date(deps.now().getTime() - RECENT_DAYS * 86_400_000);
  const finders = [
    () => findSamePerson(deps, subject, since, transaction),
    () => findSameHousehold(deps, subject, since, transaction),
    () => findSharedDocuments(deps, subject, transaction),
    () => findSharedPhones(deps, subject, transaction),
    () => findSharedPaymentAccounts(deps, subject, transaction),
    () => findCostOutlier(deps, subject, transaction),
    // Identity's own table, read through its service (outside this transaction: the attempts are kept whatever happens here).
    () => findIdLinkedElsewhere(deps, subject),
  ];
  // On the pool, side by side; in a transaction (one client), one after the other.
  if (!transaction) return (await Promise.all(finders.map((find) => find()))).flat();
  const found: Signal[] = [];
  for (const find of finders) found.push(...(await find()));
  return found;
}

interface ReviewRow {
  signal_key: string;
  note: string;
  reviewed_by_subject: string;
  reviewed_by_display_name: string;
  reviewed_at: Date;
}

export const reviewOf = (row: ReviewRow): SignalReview => ({
  signalKey: row.signal_key,
  note: row.note,
  reviewedBy: { subject: row.reviewed_by_subject, displayName: row.reviewed_by_display_name },
  reviewedAt: row.reviewed_at.toISOString(),
});

export interface ListSignalsResult {
  applicationId: string;
  reference: string;
  computedAt: string;
  signals: Signal[];
}

/**
 * The fraud signals of an application for one of its designated officers, each with its latest review.
 * Computed on read: they follow the data as it changes (a new application of the same person shows at
 * once), and the look-ups are indexed, so reading costs a few milliseconds.
 */
export async function listSignals(deps: SignalsDeps, actor: Principal, applicationId: string): Promise<ListSignalsResult> {
  const subject = await findSignalSubject(deps, actor, applicationId);
  const [signals, reviews] = await Promise.all([
    computeSignals(deps, subject),
    selectRows<ReviewRow>(
      deps.sequelize,
      `SELECT DISTINCT ON (signal_key) signal_key, note, reviewed_by_subject, reviewed_by_display_name, reviewed_at
       FROM signal_reviews WHERE application_id = :id ORDER BY signal_key, reviewed_at DESC, id DESC`,
      { id: subject.id },
    ),
  ]);
  const reviewed = new Map(reviews.map((row) => [row.signal_key, reviewOf(row)]));
  return {
    applicationId: subject.id,
    reference: subject.reference,
    computedAt: deps.now().toISOString(),
    signals: signals.map((signal) => {
      const review = reviewed.get(signal.key);
      return review ? { ...signal, review } : signal;
    }),
  };
}
