import { Sequelize } from 'sequelize';
import type { Logger } from 'pino';

export interface Database {
  sequelize: Sequelize;
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
  return {
    sequelize,
    async ping() {
      try {
        await sequelize.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => sequelize.close(),
  };
}
