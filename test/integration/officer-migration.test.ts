/**
 * The migration that moves officers from user names to subjects, on a database of its own holding
 * what the earlier schema stored: stages, groups and submitted applications naming users by name.
 */
import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Sequelize } from 'sequelize';
import { migrations } from '../../src/migrations.js';
import { createKeycloakUserDirectory } from '../../src/platform/auth/user-directory.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { execute, selectRows } from '../../src/platform/db/sql.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { readTestEnvironment } from '../support/environment.js';
import { useScratchDatabase } from '../support/scratch-database.js';
import { subjectOf } from '../support/tokens.js';

const FIRST_BY_SUBJECT = '2026-12-01-10-officers-by-subject';
const logger = createLogger('silent');

/** What the earlier schema stored: officers by user name, one of them gone from the provider. */
async function storeByUserName(sequelize: Sequelize): Promise<{ programId: string; applicationId: string }> {
  const programId = randomUUID();
  const applicationId = randomUUID();
  const registrantId = randomUUID();
  await execute(
    sequelize,
    `INSERT INTO programs (id, code, name, currency, max_amount, voucher_validity_days, treatment_types, reason_codes)
     VALUES (:programId, 'LEGACY', 'Legacy program', 'USD', 100, 30, '[]', '[]')`,
    { programId },
  );
  for (const [position, ref, type] of [
    [1, 'samuel', 'user'],
    [2, 'juniors', 'group'],
    [3, 'gone-officer', 'user'],
    [4, 'sena', 'user'],
  ] as const) {
    await execute(
      sequelize,
      `INSERT INTO program_stages (id, program_id, position, name, kind, officer_type, officer_ref)
       VALUES (:id, :programId, :position, :name, 'review', :type, :ref)`,
      { id: randomUUID(), programId, position, name: `Stage ${position}`, type, ref },
    );
  }
  await execute(
    sequelize,
    `INSERT INTO officer_groups (id, code, name, members) VALUES (:id, 'juniors', 'Junior officers', '{joy,gone-officer,samuel}')`,
    { id: randomUUID() },
  );
  await execute(
    sequelize,
    `INSERT INTO registrants (id, id_type, id_value, given_name, family_name, gender, birth_date, region, created_by, updated_by)
     VALUES (:registrantId, 'NATIONAL_ID', 'NID-LEGACY', 'Amina', 'Yusuf', 'female', '1990-02-14', 'Coast', 'test', 'test')`,
    { registrantId },
  );
  await execute(
    sequelize,
    `INSERT INTO applications (id, reference, program_id, registrant_id, applicant_subject, status, snapshot, stages, current_stage,
       submitted_at)
     VALUES (:applicationId, 'IA-LEG-ACY0', :programId, :registrantId, 'amina-subject', 'SUBMITTED', '{}',
       CAST(:stages AS jsonb), 1, now())`,
    {
      applicationId,
      programId,
      registrantId,
      stages: JSON.stringify([
        { position: 1, name: 'Stage 1', kind: 'review', officer: { type: 'user', ref: 'samuel' } },
        { position: 2, name: 'Stage 2', kind: 'review', officer: { type: 'group', ref: 'juniors' } },
        { position: 3, name: 'Stage 3', kind: 'review', officer: { type: 'user', ref: 'gone-officer' } },
      ]),
    },
  );
  return { programId, applicationId };
}

describe('officers move from user names to subjects', () => {
  const database = useScratchDatabase('iaod_officer_migration', logger);

  it('replaces every name the provider knows by its subject, keeps the unknown one, and remembers the names', async () => {
    const { sequelize } = database();
    const earlier = migrations.filter((m) => m.name < FIRST_BY_SUBJECT);
    await migrateToLatest(sequelize, logger, { migrations: earlier });
    const { programId, applicationId } = await storeByUserName(sequelize);

    // Without the identity provider the names cannot be mapped: the migration stops and changes nothing.
    await expect(migrateToLatest(sequelize, logger, { migrations })).rejects.toThrow(/identity provider/);
    const directory = createKeycloakUserDirectory({
      issuer: readTestEnvironment().issuer,
      clientId: 'iaod-directory',
      clientSecret: 'iaod-directory-dev-secret',
    });
    const applied = await migrateToLatest(sequelize, logger, { migrations, directory });
    expect(applied).toContain(FIRST_BY_SUBJECT);

    const [samuel, sena, joy] = [await subjectOf('samuel'), await subjectOf('sena'), await subjectOf('joy')];
    const stages = await selectRows<{ officer_ref: string }>(
      sequelize,
      'SELECT officer_ref FROM program_stages WHERE program_id = :programId ORDER BY position',
      { programId },
    );
    expect(stages.map((s) => s.officer_ref)).toEqual([samuel, 'juniors', 'gone-officer', sena]);

    const [group] = await selectRows<{ members: string[]; version: number }>(
      sequelize,
      "SELECT members, version FROM officer_groups WHERE code = 'juniors'",
    );
    expect(group).toEqual({ members: [joy, 'gone-officer', samuel], version: 1 });

    const [application] = await selectRows<{ stages: Array<{ officer: { type: string; ref: string } }> }>(
      sequelize,
      'SELECT stages FROM applications WHERE id = :applicationId',
      { applicationId },
    );
    expect(application?.stages.map((s) => s.officer)).toEqual([
      { type: 'user', ref: samuel },
      { type: 'group', ref: 'juniors' },
      { type: 'user', ref: 'gone-officer' },
    ]);

    const officers = await selectRows<{ subject: string; username: string; display_name: string }>(
      sequelize,
      'SELECT subject, username, display_name FROM officers ORDER BY username',
    );
    expect(officers).toEqual([
      { subject: joy, username: 'joy', display_name: 'Joy Banda' },
      { subject: samuel, username: 'samuel', display_name: 'Samuel Mensah' },
      { subject: sena, username: 'sena', display_name: 'Sena Kofi' },
    ]);
  });
});
