import pg from 'pg';
import { Sequelize } from 'sequelize';
import type { Logger } from 'pino';

export interface Database {
  sequelize: Sequelize;
  /** The pool commands run their transactions on (see command.ts). */
  pool: pg.Pool;
  /** True when a trivial query answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export function connectDatabase(url: string, logger: Logger, poolMax = 10): Database {
  const sequelize = new Sequelize(url, {
    dialect: 'postgres',
    // The statement only: values travel as bind parameters, which are never logged (they may be personal data).
    logging: (sql) => logger.trace({ sql }, 'sql'),
    logQueryParameters: false,
    pool: { max: poolMax, min: 0, idle: 10_000, acquire: 10_000 },
    define: { underscored: true, timestamps: true },
  });
  const pool = new pg.Pool({ connectionString: url, max: poolMax, idleTimeoutMillis: 10_000 });
  // An idle client losing its server (restart, failover) must not crash the process.
  pool.on('error', (error) => logger.warn({ err: error }, 'command pool client failed'));
  return {
    sequelize,
    pool,
    async ping() {
      try {
        await sequelize.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await Promise.all([sequelize.close(), pool.end()]);
    },
  };
}
