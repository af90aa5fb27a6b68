/**
 * A person's erasure, the identity module's part: their link (the ID number and every field it vouched for, a photo
 * too) and their own refused attempts go; in another account's refused attempts their ID number is replaced, so that
 * account's signal keeps its dates and no longer holds the erased person's number.
 */
import type { Sequelize } from 'sequelize';
import { execute, selectRows, type Transaction } from '../../platform/db/sql.js';

export const ERASED_ID_VALUE = 'erased';

export async function eraseIdentityOf(sequelize: Sequelize, transaction: Transaction, subject: string): Promise<void> {
  const links = await selectRows<{ id_type: string; id_value: string }>(
    sequelize,
    'DELETE FROM identity_links WHERE subject = :subject RETURNING id_type, id_value',
    { subject },
    transaction,
  );
  await execute(sequelize, 'DELETE FROM identity_link_refusals WHERE subject = :subject', { subject }, transaction);
  for (const link of links) {
    await execute(
      sequelize,
      'UPDATE identity_link_refusals SET id_value = :erased WHERE id_type = :idType AND id_value = :idValue',
      { erased: ERASED_ID_VALUE, idType: link.id_type, idValue: link.id_value },
      transaction,
    );
  }
}
