import { hasAnyRole, type Principal } from '../../platform/auth/principal.js';
import { selectOne } from '../../platform/db/sql.js';
import { NotFoundError } from '../../platform/http/errors.js';
import type { VouchersDeps } from './deps.js';
import { VOUCHER_COLUMNS, type VoucherRow } from './voucher-rows.js';

/** Officers who read any voucher; an applicant reads only their own. */
export const VOUCHER_READERS = ['issuing-officer', 'program-manager', 'auditor'] as const;

export type VoucherKey = { voucherId: string } | { applicationId: string };

/**
 * A voucher its reader may see, found by its id or (the latest) by its application's. Someone else's
 * voucher answers exactly like a missing one; an officer's read of a person's voucher is recorded.
 */
export async function readVoucher(deps: VouchersDeps, reader: Principal, key: VoucherKey): Promise<VoucherRow> {
  const where = 'voucherId' in key ? 'v.id = :id' : 'v.application_id = :id';
  const row = await selectOne<VoucherRow>(
    deps.sequelize,
    `SELECT ${VOUCHER_COLUMNS} FROM vouchers v JOIN applications a ON a.id = v.application_id
     WHERE ${where} AND (:officer OR a.applicant_subject = :subject)
     ORDER BY v.issued_at DESC LIMIT 1`,
    { id: 'voucherId' in key ? key.voucherId : key.applicationId, officer: hasAnyRole(reader, VOUCHER_READERS), subject: reader.subject },
  );
  if (!row) throw new NotFoundError('voucherId' in key ? 'No voucher with that id.' : 'This application has no voucher.');
  if (row.applicant_subject !== reader.subject) {
    await deps.commands.recordAccess(reader, [{ type: 'voucher.read', aggregateType: 'voucher', aggregateId: row.id }]);
  }
  return row;
}
