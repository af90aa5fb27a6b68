import type { Migration } from '../migrate.js';

/**
 * The rate limiters' counters (src/platform/http/rate-limits.ts), shared by every instance. The columns
 * are the ones rate-limiter-flexible's PostgreSQL store reads and writes (its own CREATE TABLE, which the
 * app role may not run). UNLOGGED: a counter lives a window, so it is not worth a write-ahead log entry
 * per request; a crash or a fail-over empties the table, which only restarts the windows.
 */
export const createRateLimitCounters: Migration = {
  name: '2026-12-02-01-rate-limit-counters',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      CREATE UNLOGGED TABLE rate_limit_counters (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      );
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query('DROP TABLE rate_limit_counters');
  },
};
