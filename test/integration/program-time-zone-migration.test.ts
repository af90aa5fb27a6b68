/**
 * The migration that gives programs a time zone, on a database of its own holding a program made
 * before the setting existed: it keeps showing its dates as it did, in UTC.
 */
import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { migrations } from '../../src/migrations.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { execute, selectRows } from '../../src/platform/db/sql.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { useScratchDatabase } from '../support/scratch-database.js';

const PROGRAM_TIME_ZONE = '2026-12-03-10-program-time-zone';
const logger = createLogger('silent');

describe('the time zone of programs made before the setting', () => {
  const database = useScratchDatabase('iaod_time_zone_migration', logger);

  it('sets UTC on every program already there', async () => {
    const { sequelize } = database();
    await migrateToLatest(sequelize, logger, { migrations: migrations.filter((m) => m.name < PROGRAM_TIME_ZONE) });
    const programId = randomUUID();
    await execute(
      sequelize,
      `INSERT INTO programs (id, code, name, currency, max_amount, voucher_validity_days, treatment_types, reason_codes)
       VALUES (:programId, 'LEGACY', 'Legacy program', 'USD', 100, 30, '[]', '[]')`,
      { programId },
    );

    await migrateToLatest(sequelize, logger, { migrations });
    const rows = await selectRows<{ id: string; time_zone: string }>(sequelize, 'SELECT id, time_zone FROM programs');
    expect(rows).toEqual([{ id: programId, time_zone: 'UTC' }]);
  });
});
