import type { Transaction } from '../../platform/db/sql.js';
import { selectOne } from '../../platform/db/sql.js';
import type { Actor, ProgramStore } from './program-store.js';
import { readVoucherTemplateRow } from './voucher-template-rows.js';
import { assertProgramManager, toVoucherTemplate, type VoucherLogo, type VoucherTemplate } from './voucher-template.js';

/** The template a program manager edits; defaults for what was never set. */
export async function getVoucherTemplate(store: ProgramStore, actor: Actor, programId: string): Promise<VoucherTemplate> {
  assertProgramManager(actor);
  return toVoucherTemplate(await readVoucherTemplateRow(store, programId));
}

export interface PrintableVoucherTemplate {
  template: VoucherTemplate;
  /** The logo's bytes and type as stored, or null when the program has none. */
  logo: { mediaType: VoucherLogo['mediaType']; bytes: Buffer } | null;
}

/**
 * The template with the logo's bytes, for the voucher printer: no actor, since it prints vouchers
 * the service has already decided to issue. A missing program is a 404.
 */
export async function readPrintableVoucherTemplate(
  store: ProgramStore,
  programId: string,
  transaction?: Transaction,
): Promise<PrintableVoucherTemplate> {
  const template = toVoucherTemplate(await readVoucherTemplateRow(store, programId, transaction));
  if (!template.logo) return { template, logo: null };
  const stored = await selectOne<{ voucher_logo: Buffer }>(
    store.sequelize,
    'SELECT voucher_logo FROM programs WHERE id = :programId',
    { programId },
    transaction,
  );
  return { template, logo: stored ? { mediaType: template.logo.mediaType, bytes: stored.voucher_logo } : null };
}
