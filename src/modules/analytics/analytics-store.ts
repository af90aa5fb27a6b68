/**
 * The OpenSearch side of the analytics: the index templates, and bulk writes of documents. A write that
 * OpenSearch refuses in part throws, so the outbox relay tries the whole event again later (with back-off);
 * every document has its own id, so the repeat replaces what the first attempt wrote instead of adding.
 */
import { Client } from '@opensearch-project/opensearch';
import type { AnalyticsDocument } from './analytics-documents.js';
import { ANALYTICS_INDEXES, indexName, indexTemplateBody } from './index-mappings.js';

export interface AnalyticsStoreOptions {
  /** OPENSEARCH_URL. */
  url: string;
  /** Index names start with this and a hyphen (OPENSEARCH_INDEX_PREFIX). */
  indexPrefix: string;
  /** How long one request may take before it counts as failed, in ms. Default 10 s. */
  requestTimeoutMs?: number;
}

export interface AnalyticsStore {
  readonly client: Client;
  readonly indexPrefix: string;
  /** Puts the index templates (idempotent), so an index made by the first write gets its mappings. */
  installTemplates(): Promise<void>;
  writeDocuments(documents: readonly AnalyticsDocument[], options?: { refresh?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/**
 * OpenSearch refused some of a bulk write; `firstType` names the first refusal's type (never a document's content).
 * It never reaches an HTTP answer: the relay logs it and delivers the event again later.
 */
export class AnalyticsWriteError extends Error {
  constructor(
    readonly failures: number,
    readonly firstType: string,
  ) {
    super(`OpenSearch refused ${failures} document(s): ${firstType}`);
    this.name = 'AnalyticsWriteError';
  }
}

export function createAnalyticsStore(options: AnalyticsStoreOptions): AnalyticsStore {
  const client = new Client({ node: options.url, requestTimeout: options.requestTimeoutMs ?? 10_000, maxRetries: 0 });
  const prefix = options.indexPrefix;
  let templatesInstalled: Promise<void> | undefined;

  async function installTemplates(): Promise<void> {
    for (const index of ANALYTICS_INDEXES) {
      await client.indices.putIndexTemplate({ name: indexName(prefix, index), body: indexTemplateBody(prefix, index) });
    }
  }

  return {
    client,
    indexPrefix: prefix,
    installTemplates,
    async writeDocuments(documents, writeOptions = {}) {
      if (documents.length === 0) return;
      // Once per process, and again after a failure (OpenSearch may have been down at the first try).
      templatesInstalled ??= installTemplates().catch((error: unknown) => {
        templatesInstalled = undefined;
        throw error;
      });
      await templatesInstalled;
      const body = documents.flatMap((document) => [
        { [document.op]: { _index: indexName(prefix, document.index), _id: document.id } },
        document.source,
      ]);
      const response = await client.bulk({ body, refresh: writeOptions.refresh ? 'wait_for' : false });
      if (!response.body.errors) return;
      // A `create` refused as a conflict is an event indexed before: what a repeated delivery should find.
      const refused = response.body.items.flatMap((item) =>
        Object.values(item).filter((result) => result?.error && !(result.status === 409 && 'create' in item)),
      );
      if (refused.length > 0) throw new AnalyticsWriteError(refused.length, String(refused[0]?.error?.type ?? 'unknown'));
    },
    close: () => client.close(),
  };
}
