import type { Principal } from '../../platform/auth/principal.js';
import { execute, selectOne } from '../../platform/db/sql.js';
import { UnprocessableError } from '../../platform/http/errors.js';
import { UnprintableTextError } from './voucher-pdf.js';
import type { VouchersDeps } from './deps.js';
import { readVoucher, type VoucherKey } from './get-voucher.js';
import { voucherOf, type Voucher } from './voucher-rows.js';

/** Lays a voucher out as a PDF (the web layer, which has the words of the reader's language). */
export type RenderPdf = (voucher: Voucher) => Promise<Buffer>;

/**
 * The printable voucher, kept in the Document Store: made on its first download (issuing stays fast; the
 * PDF is deferred), then the same file for every reprint. Two first downloads at once keep one file.
 */
export async function readVoucherPdf(
  deps: VouchersDeps,
  reader: Principal,
  key: VoucherKey,
  render: RenderPdf,
): Promise<{ voucher: Voucher; pdf: Buffer }> {
  const row = await readVoucher(deps, reader, key);
  const voucher = voucherOf(row);
  if (row.pdf_document_id) {
    const kept = await deps.documents.readGenerated(row.pdf_document_id);
    if (kept) return { voucher, pdf: kept };
  }
  let pdf: Buffer;
  try {
    pdf = await render(voucher);
  } catch (error) {
    if (!(error instanceof UnprintableTextError)) throw error;
    throw new UnprocessableError(
      `The voucher's text holds characters the printable voucher's fonts do not have (${error.characters.join(' ')}).`,
      'ERR_VOUCHER_NOT_PRINTABLE',
    );
  }
  const documentId = await deps.commands.run(reader, async (transaction) => {
    const current = await selectOne<{ pdf_document_id: string | null }>(
      deps.sequelize,
      'SELECT pdf_document_id FROM vouchers WHERE id = :id FOR UPDATE',
      { id: row.id },
      transaction,
    );
    if (current?.pdf_document_id && current.pdf_document_id !== row.pdf_document_id) return { result: current.pdf_document_id, events: [] };
    const kept = await deps.documents.keep(
      { kind: 'voucher', mediaType: 'application/pdf', fileName: `voucher-${row.application_reference}.pdf`, bytes: pdf },
      transaction,
    );
    await execute(
      deps.sequelize,
      'UPDATE vouchers SET pdf_document_id = :documentId WHERE id = :id',
      { documentId: kept.id, id: row.id },
      transaction,
    );
    return { result: kept.id, events: [{ ...kept.event, payload: { ...kept.event.payload, voucherId: row.id } }] };
  });
  if (documentId === row.pdf_document_id) return { voucher, pdf };
  return { voucher, pdf: (await deps.documents.readGenerated(documentId)) ?? pdf };
}
