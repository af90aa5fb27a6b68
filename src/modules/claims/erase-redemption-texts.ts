/**
 * Erasure (issue 18): what a provider wrote about the service given against a person's vouchers (it may
 * describe their condition or name them) becomes a placeholder; amounts, dates, facility and claim stay.
 */
import type { Sequelize } from 'sequelize';
import { execute, type Transaction } from '../../platform/db/sql.js';
import { ERASED } from '../../platform/privacy/erase-personal-json.js';

export async function eraseRedemptionTexts(sequelize: Sequelize, transaction: Transaction, voucherIds: string[]): Promise<void> {
  if (voucherIds.length === 0) return;
  await execute(
    sequelize,
    'UPDATE redemptions SET service = :erased WHERE voucher_id = ANY(CAST(:ids AS uuid[]))',
    { ids: voucherIds, erased: ERASED },
    transaction,
  );
}
