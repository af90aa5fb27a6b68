/** Reading a program's voucher template row, inside the caller's transaction when there is one. */
import type { Transaction } from '../../platform/db/sql.js';
import { selectOne } from '../../platform/db/sql.js';
import { NotFoundError } from '../../platform/http/errors.js';
import type { ProgramStore } from './program-store.js';
import type { VoucherTemplateRow } from './voucher-template.js';

const TEMPLATE_COLUMNS = 'name, voucher_template, voucher_logo_type, octet_length(voucher_logo) AS voucher_logo_size';

/** The template's row; `lock` holds the program row until the transaction ends. A missing program is a 404. */
export async function readVoucherTemplateRow(
  store: ProgramStore,
  programId: string,
  transaction?: Transaction,
  lock = false,
): Promise<VoucherTemplateRow> {
  const row = await selectOne<VoucherTemplateRow>(
    store.sequelize,
    `SELECT ${TEMPLATE_COLUMNS} FROM programs WHERE id = :programId${lock ? ' FOR UPDATE' : ''}`,
    { programId },
    transaction,
  );
  if (!row) throw new NotFoundError('No program with that id.');
  return row;
}
