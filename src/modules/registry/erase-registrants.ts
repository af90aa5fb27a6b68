/**
 * Erasure of registry records (issue 18): every personal column of the registrants, their family members and
 * their change history becomes a fixed placeholder or NULL; ids, field names and dates stay. The national ID
 * becomes `erased-<id>`, unique like the real one, so the person can enrol again as someone new.
 */
import type { Sequelize } from 'sequelize';
import { execute, type Transaction } from '../../platform/db/sql.js';
import { ERASED, ERASED_DATE } from '../../platform/privacy/erase-personal-json.js';

export async function eraseRegistrants(
  sequelize: Sequelize,
  transaction: Transaction,
  target: { registrantIds: string[]; subject: string },
): Promise<void> {
  if (target.registrantIds.length === 0) return;
  const replacements = { ids: target.registrantIds, erased: ERASED, date: ERASED_DATE, subject: target.subject };
  await execute(
    sequelize,
    `UPDATE registrants SET id_value = 'erased-' || id, given_name = :erased, family_name = :erased, gender = 'undisclosed',
       birth_date = CAST(:date AS date), occupation = NULL, region = :erased, district = NULL, locality = NULL,
       address_line = NULL, phone = NULL, email = NULL, verified_fields = '{}', payment_account_kind = NULL,
       payment_account_number = NULL, payment_account_provider = NULL, version = version + 1
     WHERE id = ANY(CAST(:ids AS uuid[]))`,
    replacements,
    transaction,
  );
  await execute(
    sequelize,
    `UPDATE family_members SET given_name = :erased, family_name = :erased, gender = 'undisclosed',
       birth_date = CAST(:date AS date), occupation = NULL
     WHERE registrant_id = ANY(CAST(:ids AS uuid[]))`,
    { ids: target.registrantIds, erased: ERASED, date: ERASED_DATE },
    transaction,
  );
  // The history keeps which fields changed, when and by whom (subjects); the values go, and the person's own user name.
  await execute(
    sequelize,
    `UPDATE registrant_changes SET
       changes = COALESCE((SELECT jsonb_object_agg(key, to_jsonb(CAST(:erased AS text))) FROM jsonb_each(changes)), '{}'),
       changed_by_username = CASE WHEN changed_by_subject = :subject THEN NULL ELSE changed_by_username END
     WHERE registrant_id = ANY(CAST(:ids AS uuid[]))`,
    replacements,
    transaction,
  );
}
