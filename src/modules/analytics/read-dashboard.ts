/**
 * The dashboards read OpenSearch when it is configured and PostgreSQL otherwise. When OpenSearch does not
 * answer, they fall back to PostgreSQL and say so (`delayed`): the figures are right, only the search
 * store is behind, and the outbox relay fills it again once it answers.
 */
import type { Logger } from 'pino';
import type { Sequelize } from 'sequelize';
import { selectRows } from '../../platform/db/sql.js';
import type { AnalyticsStore } from './analytics-store.js';
import { parseDashboardFilters, type ParseDashboardFiltersResult } from './dashboard-filters.js';
import type { DashboardFigures } from './dashboard-figures.js';
import type { DashboardFilters } from './dashboard-filters.js';
import { readFiguresFromOpenSearch } from './figures-from-opensearch.js';
import { readFiguresFromPostgres } from './figures-from-postgres.js';

export type FiguresSource = 'opensearch' | 'postgresql';

export interface DashboardReading {
  figures: DashboardFigures;
  source: FiguresSource;
  /** OpenSearch is configured but did not answer: the figures come from PostgreSQL instead. */
  delayed: boolean;
}

export interface DashboardsServiceOptions {
  sequelize: Sequelize;
  /** Absent: no OPENSEARCH_URL, the figures come from PostgreSQL. */
  store?: AnalyticsStore;
  logger: Logger;
  now?: () => Date;
}

export interface DashboardsService {
  /** The programs a filter may name, by code, with their names. */
  listPrograms(): Promise<Array<{ code: string; name: string }>>;
  /** Regions the submitted applications name (the filter's choices). */
  listRegions(): Promise<string[]>;
  parseFilters(query: Record<string, unknown>): Promise<ParseDashboardFiltersResult>;
  readDashboard(filters: DashboardFilters): Promise<DashboardReading>;
}

export function createDashboardsService({ sequelize, store, logger, now = () => new Date() }: DashboardsServiceOptions): DashboardsService {
  const listPrograms = () => selectRows<{ code: string; name: string }>(sequelize, 'SELECT code, name FROM programs ORDER BY name, code');
  return {
    listPrograms,
    async listRegions() {
      const rows = await selectRows<{ region: string }>(
        sequelize,
        `SELECT DISTINCT snapshot->'applicant'->'address'->>'region' AS region FROM applications
          WHERE status <> 'DRAFT' AND snapshot->'applicant'->'address'->>'region' NOT IN ('', 'erased') ORDER BY 1 LIMIT 200`,
      );
      return rows.map((row) => row.region);
    },
    async parseFilters(query) {
      const programs = await listPrograms();
      return parseDashboardFilters(query, { today: now(), programCodes: programs.map((program) => program.code) });
    },
    async readDashboard(filters) {
      if (store) {
        try {
          return { figures: await readFiguresFromOpenSearch(store, filters), source: 'opensearch', delayed: false };
        } catch (error) {
          logger.warn({ err: error }, 'OpenSearch did not answer; the dashboards read PostgreSQL');
        }
      }
      return { figures: await readFiguresFromPostgres(sequelize, filters), source: 'postgresql', delayed: store !== undefined };
    },
  };
}
