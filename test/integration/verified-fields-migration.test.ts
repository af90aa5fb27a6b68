/**
 * The migration that records which registry fields officers verified, on a database of its own holding
 * what the earlier schema stored: registrants enrolled by applicants and by officers, and their history.
 */
import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Sequelize } from 'sequelize';
import { migrations } from '../../src/migrations.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { execute, selectRows } from '../../src/platform/db/sql.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { useScratchDatabase } from '../support/scratch-database.js';

const VERIFIED_FIELDS = '2026-12-02-10-registrant-verified-fields';
const logger = createLogger('silent');

interface Person {
  id: string;
  createdBy: string;
  occupation?: string;
}

async function enrol(sequelize: Sequelize, person: Person): Promise<void> {
  await execute(
    sequelize,
    `INSERT INTO registrants (id, id_type, id_value, given_name, family_name, gender, birth_date, occupation, region,
       created_by, updated_by)
     VALUES (:id, 'NATIONAL_ID', :idValue, 'Amina', 'Yusuf', 'female', '1990-02-14', :occupation, 'Coast', :createdBy, :createdBy)`,
    { ...person, occupation: person.occupation ?? null, idValue: `NID-${person.id.slice(0, 8)}` },
  );
}

async function applied(sequelize: Sequelize, programId: string, registrantId: string, subject: string, username: string): Promise<void> {
  const id = randomUUID();
  await execute(
    sequelize,
    `INSERT INTO applications (id, reference, program_id, registrant_id, applicant_subject, applicant_username, status, snapshot, stages,
       current_stage, submitted_at)
     VALUES (:id, :reference, :programId, :registrantId, :subject, :username, 'SUBMITTED', '{}', '[]', 1, now())`,
    { id, reference: `IA-${id.slice(0, 8)}`, programId, registrantId, subject, username },
  );
}

async function changed(sequelize: Sequelize, registrantId: string, subject: string, fields: string[], minutesLater: number): Promise<void> {
  await execute(
    sequelize,
    `INSERT INTO registrant_changes (registrant_id, changed_at, changed_by_subject, changed_by_username, changes)
     VALUES (:registrantId, now() + make_interval(mins => :minutes), :subject, :subject, CAST(:changes AS jsonb))`,
    {
      registrantId,
      subject,
      minutes: minutesLater,
      changes: JSON.stringify(Object.fromEntries(fields.map((f) => [f, { from: 'before', to: 'after' }]))),
    },
  );
}

describe('which registry fields officers verified, for the rows already there', () => {
  const database = useScratchDatabase('iaod_verified_migration', logger);

  it("counts officers' changes in the history and officers' enrolments, unless the applicant changed the field last", async () => {
    const { sequelize } = database();
    await migrateToLatest(sequelize, logger, { migrations: migrations.filter((m) => m.name < VERIFIED_FIELDS) });
    const programId = randomUUID();
    await execute(
      sequelize,
      `INSERT INTO programs (id, code, name, currency, max_amount, voucher_validity_days, treatment_types, reason_codes)
       VALUES (:programId, 'LEGACY', 'Legacy program', 'USD', 100, 30, '[]', '[]')`,
      { programId },
    );
    // Enrolled by applying; an officer corrected the occupation and the given name, then the applicant's
    // next application overwrote the given name (the defect this migration is part of fixing).
    const byApplicant: Person = { id: randomUUID(), createdBy: 'amina', occupation: 'Trader' };
    await enrol(sequelize, byApplicant);
    await applied(sequelize, programId, byApplicant.id, 'amina-subject', 'amina');
    await changed(sequelize, byApplicant.id, 'samuel-subject', ['occupation', 'given_name'], 1);
    await changed(sequelize, byApplicant.id, 'amina-subject', ['given_name', 'locality'], 2);
    // Enrolled by an officer, with no occupation; the applicant later changed the region by applying.
    const byOfficer: Person = { id: randomUUID(), createdBy: 'samuel' };
    await enrol(sequelize, byOfficer);
    await applied(sequelize, programId, byOfficer.id, 'halima-subject', 'halima');
    await changed(sequelize, byOfficer.id, 'halima-subject', ['region'], 1);
    // Enrolled by applying and never corrected.
    const untouched: Person = { id: randomUUID(), createdBy: 'pedro', occupation: 'Driver' };
    await enrol(sequelize, untouched);
    await applied(sequelize, programId, untouched.id, 'pedro-subject', 'pedro');

    await migrateToLatest(sequelize, logger, { migrations });
    const rows = await selectRows<{ id: string; verified_fields: string[] }>(sequelize, 'SELECT id, verified_fields FROM registrants');
    const verified = Object.fromEntries(rows.map((row) => [row.id, row.verified_fields]));
    expect(verified[byApplicant.id]).toEqual(['occupation']);
    expect(verified[byOfficer.id]).toEqual(['address_line', 'birth_date', 'district', 'family_name', 'gender', 'given_name', 'locality']);
    expect(verified[untouched.id]).toEqual([]);
  });
});
