/**
 * The analytics indexes and their mappings. Personal data is minimised: an applicant appears only as an
 * age band, a gender and a region; there are no names, identity numbers, phone numbers, free texts or
 * ids in a document's source (a document's `_id` is the row's own surrogate key, so a repeated write
 * replaces it instead of adding one).
 */

export const ANALYTICS_INDEXES = ['applications', 'decisions', 'vouchers', 'redemptions', 'claims', 'events'] as const;
export type AnalyticsIndex = (typeof ANALYTICS_INDEXES)[number];

/**
 * No scaled_float: it lives in the mapper-extras module, which the integ-test distribution lacks. Amounts are
 * rounded to cents when read.
 */
type FieldType = 'keyword' | 'date' | 'integer' | 'long' | 'double';
export type IndexMapping = Readonly<Record<string, FieldType>>;

/** What every document about an application carries, so one set of filters serves every index. */
const APPLICANT_FACETS = {
  program: 'keyword',
  treatmentType: 'keyword',
  region: 'keyword',
  gender: 'keyword',
  ageBand: 'keyword',
  submittedAt: 'date',
} as const satisfies IndexMapping;

export const INDEX_MAPPINGS: Readonly<Record<AnalyticsIndex, IndexMapping>> = {
  applications: {
    ...APPLICANT_FACETS,
    status: 'keyword',
    reached: 'keyword',
    currency: 'keyword',
    requestedAmount: 'double',
    approvedAmount: 'double',
    issuedAmount: 'double',
    redeemedAmount: 'double',
    claimedAmount: 'double',
    paidAmount: 'double',
    decidedAt: 'date',
    secondsToDecision: 'long',
  },
  decisions: {
    ...APPLICANT_FACETS,
    stagePosition: 'integer',
    stageKind: 'keyword',
    decision: 'keyword',
    reasonCode: 'keyword',
    decidedAt: 'date',
    waitSeconds: 'long',
  },
  vouchers: {
    ...APPLICANT_FACETS,
    status: 'keyword',
    currency: 'keyword',
    amount: 'double',
    redeemedAmount: 'double',
    issuedAt: 'date',
    secondsSubmissionToIssue: 'long',
  },
  redemptions: {
    ...APPLICANT_FACETS,
    currency: 'keyword',
    amount: 'double',
    redeemedAt: 'date',
    claimStatus: 'keyword',
  },
  claims: {
    status: 'keyword',
    currency: 'keyword',
    total: 'double',
    programs: 'keyword',
    redemptionCount: 'integer',
    submittedAt: 'date',
    decidedAt: 'date',
    paidAt: 'date',
    secondsToDecision: 'long',
    secondsToPayment: 'long',
  },
  events: {
    type: 'keyword',
    aggregateType: 'keyword',
    occurredAt: 'date',
  },
};

/** The OpenSearch index name of one kind under a prefix (tests and deployments sharing a node use their own). */
export function indexName(prefix: string, index: AnalyticsIndex): string {
  return `${prefix}-${index}`;
}

/** The body of the index template for one kind: strict mappings, so a field no mapping names is refused. */
export function indexTemplateBody(prefix: string, index: AnalyticsIndex) {
  const properties = Object.fromEntries(Object.entries(INDEX_MAPPINGS[index]).map(([field, type]) => [field, { type }]));
  return {
    index_patterns: [indexName(prefix, index)],
    template: {
      settings: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '500ms' },
      mappings: { dynamic: 'strict' as const, properties },
    },
  };
}
