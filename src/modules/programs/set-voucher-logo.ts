import { execute } from '../../platform/db/sql.js';
import type { Actor, ProgramStore } from './program-store.js';
import { readVoucherTemplateRow } from './voucher-template-rows.js';
import { assertLogoSize, assertProgramManager, logoTypeOf, toVoucherTemplate, type VoucherTemplate } from './voucher-template.js';

/** Sets the logo printed on the program's vouchers: a PNG or JPEG (judged by its bytes) of at most 200 KB. */
export async function setVoucherLogo(store: ProgramStore, actor: Actor, programId: string, bytes: Buffer): Promise<VoucherTemplate> {
  assertProgramManager(actor);
  assertLogoSize(bytes);
  const mediaType = logoTypeOf(bytes);
  return store.commands.run(actor, async (transaction) => {
    const row = await readVoucherTemplateRow(store, programId, transaction, true);
    await execute(
      store.sequelize,
      'UPDATE programs SET voucher_logo = :bytes, voucher_logo_type = :mediaType, updated_at = now() WHERE id = :programId',
      { programId, bytes, mediaType },
      transaction,
    );
    return {
      result: toVoucherTemplate({ ...row, voucher_logo_type: mediaType, voucher_logo_size: bytes.length }),
      events: [{ type: 'program.voucher-template-changed', aggregateType: 'program', aggregateId: programId, payload: { part: 'logo' } }],
    };
  });
}

/** Vouchers of the program print without a logo from now on. */
export async function removeVoucherLogo(store: ProgramStore, actor: Actor, programId: string): Promise<VoucherTemplate> {
  assertProgramManager(actor);
  return store.commands.run(actor, async (transaction) => {
    const row = await readVoucherTemplateRow(store, programId, transaction, true);
    await execute(
      store.sequelize,
      'UPDATE programs SET voucher_logo = NULL, voucher_logo_type = NULL, updated_at = now() WHERE id = :programId',
      { programId },
      transaction,
    );
    return {
      result: toVoucherTemplate({ ...row, voucher_logo_type: null, voucher_logo_size: null }),
      events: [{ type: 'program.voucher-template-changed', aggregateType: 'program', aggregateId: programId, payload: { part: 'logo' } }],
    };
  });
}
