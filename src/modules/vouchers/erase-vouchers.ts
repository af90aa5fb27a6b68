/**
 * Erasure (issue 18): a person's vouchers keep their id, program, status, status-list place, amounts and dates
 * (the program's figures), while the signed credential (which names the person), its QR text and the status
 * reason are replaced. A voucher still in force is refused: its QR code would still be honoured at a provider,
 * so the program revokes it first (or it is redeemed in full).
 */
import type { Sequelize } from 'sequelize';
import { execute, selectRows, type Transaction } from '../../platform/db/sql.js';
import { ConflictError } from '../../platform/http/errors.js';
import { ERASED } from '../../platform/privacy/erase-personal-json.js';

export interface ErasedVouchers {
  voucherIds: string[];
  /** The printable PDFs the Document Store keeps for them, for the caller to erase there. */
  pdfDocumentIds: string[];
}

export async function eraseVouchersOf(sequelize: Sequelize, transaction: Transaction, applicationIds: string[]): Promise<ErasedVouchers> {
  if (applicationIds.length === 0) return { voucherIds: [], pdfDocumentIds: [] };
  const rows = await selectRows<{ id: string; status: string; pdf_document_id: string | null }>(
    sequelize,
    'SELECT id, status, pdf_document_id FROM vouchers WHERE application_id = ANY(CAST(:ids AS uuid[])) ORDER BY id FOR UPDATE',
    { ids: applicationIds },
    transaction,
  );
  if (rows.some((row) => row.status === 'ACTIVE' || row.status === 'SUSPENDED'))
    throw new ConflictError('This person has a voucher in force: revoke it before erasing.', 'ERR_ERASURE_VOUCHER_IN_FORCE');
  const voucherIds = rows.map((row) => row.id);
  if (voucherIds.length > 0)
    await execute(
      sequelize,
      `UPDATE vouchers SET credential = jsonb_build_object('erased', true), qr_text = :erased,
         status_reason = CASE WHEN status_reason IS NULL THEN NULL ELSE :erased END
       WHERE id = ANY(CAST(:ids AS uuid[]))`,
      { ids: voucherIds, erased: ERASED },
      transaction,
    );
  return { voucherIds, pdfDocumentIds: rows.flatMap((row) => (row.pdf_document_id ? [row.pdf_document_id] : [])) };
}
