import pg from 'pg';
import type PgBoss from 'pg-boss';

/**
 * A connection pool that pg-boss runs its SQL through. Owning the pool (rather than letting pg-boss open
 * its own) means it is closed on every path, a failed start included.
 */
export interface JobPool {
  db: PgBoss.Db;
  end(): Promise<void>;
}

export function createJobPool(options: {
  connectionString: string;
  applicationName: string;
  max: number;
  onError: (error: Error) => void;
}): JobPool {
  const pool = new pg.Pool({ connectionString: options.connectionString, application_name: options.applicationName, max: options.max });
  // An idle client losing its server (restart, failover) must not crash the process.
  pool.on('error', options.onError);
  let ended = false;
  return {
    db: {
      // As pg-boss's own pool does: once ended, a late call (a worker whose fetch was in flight at shutdown
      // completing its job) answers nothing instead of throwing where nobody awaits it.
      executeSql: async (text, values) => (ended ? (undefined as unknown as { rows: unknown[] }) : pool.query(text, values)),
    },
    async end() {
      ended = true;
      await pool.end();
    },
  };
}
