/** The dashboards' figures as OpenSearch aggregations over the analytics indexes. */
import type { AggregationContainer } from '@opensearch-project/opensearch/api/_types/_common.aggregations.js';
import type { DashboardFilters } from './dashboard-filters.js';
import { shapeFigures, type DashboardFigures } from './dashboard-figures.js';
import type { AnalyticsStore } from './analytics-store.js';
import { FUNNEL_STEPS, type FunnelStep } from './analytics-documents.js';
import { indexName, type AnalyticsIndex } from './index-mappings.js';

interface Bucket {
  key: string | number;
  key_as_string?: string;
  doc_count: number;
  [aggregation: string]: unknown;
}
type Buckets = { buckets: Bucket[] };
type Value = { value: number | null };

/** The filters as a bool query on the facets every application document carries. */
export function filterQuery(filters: DashboardFilters) {
  const terms: Array<[string, string | undefined]> = [
    ['program', filters.program],
    ['region', filters.region],
    ['gender', filters.gender],
    ['ageBand', filters.ageBand],
  ];
  return {
    bool: {
      filter: [
        { range: { submittedAt: { gte: `${filters.from}T00:00:00Z`, lte: `${filters.to}T23:59:59.999Z` } } },
        ...terms.flatMap(([field, value]) => (value === undefined ? [] : [{ term: { [field]: value } }])),
      ],
    },
  };
}

export interface ReadFiguresOptions {
  /** OpenSearch's shard request cache (default on); the benchmark turns it off to time a first read. */
  requestCache?: boolean;
}

export async function readFiguresFromOpenSearch(
  store: AnalyticsStore,
  filters: DashboardFilters,
  options: ReadFiguresOptions = {},
): Promise<DashboardFigures> {
  const query = filterQuery(filters);
  const search = async (index: AnalyticsIndex, aggs: Record<string, unknown>) => {
    const response = await store.client.search({
      index: indexName(store.indexPrefix, index),
      // The client's generated typings lack `field` on a terms aggregation (3.9.0), hence the cast.
      body: { size: 0, track_total_hits: true, query, aggs: aggs as Record<string, AggregationContainer> },
      ignore_unavailable: true,
      ...(options.requestCache === false && { request_cache: false }),
    });
    return (response.body.aggregations ?? {}) as Record<string, unknown>;
  };
  const sum = (field: string) => ({ sum: { field } });
  const [applications, decisions, redemptions] = await Promise.all([
    search('applications', {
      perDay: {
        date_histogram: { field: 'submittedAt', calendar_interval: 'day', time_zone: 'UTC', format: 'yyyy-MM-dd', min_doc_count: 1 },
      },
      reached: { terms: { field: 'reached', size: FUNNEL_STEPS.length } },
      currencies: {
        terms: { field: 'currency', size: 100 },
        aggs: {
          approved: sum('approvedAmount'),
          issued: sum('issuedAmount'),
          redeemed: sum('redeemedAmount'),
          claimed: sum('claimedAmount'),
          paid: sum('paidAmount'),
        },
      },
    }),
    search('decisions', {
      stages: {
        terms: { field: 'stagePosition', size: 100 },
        aggs: { decisions: { terms: { field: 'decision', size: 10 } }, wait: { avg: { field: 'waitSeconds' } } },
      },
      rejected: { filter: { term: { decision: 'reject' } }, aggs: { reasons: { terms: { field: 'reasonCode', size: 1000 } } } },
    }),
    search('redemptions', {
      pending: {
        filter: { terms: { claimStatus: ['SUBMITTED', 'APPROVED'] } },
        aggs: { currencies: { terms: { field: 'currency', size: 100 }, aggs: { amount: sum('amount') } } },
      },
    }),
  ]);
  const buckets = (value: unknown) => (value as Buckets | undefined)?.buckets ?? [];
  const valueOf = (bucket: Bucket, name: string) => (bucket[name] as Value | undefined)?.value ?? 0;
  const countOf = (bucket: Bucket, name: string, key: string) => buckets(bucket[name]).find((inner) => inner.key === key)?.doc_count ?? 0;
  return shapeFigures(filters, {
    perDay: new Map(buckets(applications.perDay).map((bucket) => [String(bucket.key_as_string), bucket.doc_count])),
    funnel: Object.fromEntries(buckets(applications.reached).map((bucket) => [bucket.key as FunnelStep, bucket.doc_count])),
    stages: buckets(decisions.stages).map((bucket) => ({
      stage: Number(bucket.key),
      decided: bucket.doc_count,
      approved: countOf(bucket, 'decisions', 'approve'),
      rejected: countOf(bucket, 'decisions', 'reject'),
      averageWaitSeconds: (bucket.wait as Value).value,
    })),
    reasons: buckets((decisions.rejected as { reasons?: Buckets } | undefined)?.reasons).map((bucket) => ({
      reasonCode: String(bucket.key),
      count: bucket.doc_count,
    })),
    amounts: buckets(applications.currencies).map((bucket) => ({
      currency: String(bucket.key),
      approved: valueOf(bucket, 'approved'),
      issued: valueOf(bucket, 'issued'),
      redeemed: valueOf(bucket, 'redeemed'),
      claimed: valueOf(bucket, 'claimed'),
      paid: valueOf(bucket, 'paid'),
    })),
    pending: buckets((redemptions.pending as { currencies?: Buckets } | undefined)?.currencies).map((bucket) => ({
      currency: String(bucket.key),
      redemptions: bucket.doc_count,
      amount: valueOf(bucket, 'amount'),
    })),
  });
}
