import { execute } from '../../platform/db/sql.js';
import type { Actor, ProgramStore } from './program-store.js';
import { readVoucherTemplateRow } from './voucher-template-rows.js';
import {
  assertProgramManager,
  toStoredVoucherTemplate,
  toVoucherTemplate,
  type VoucherTemplate,
  type VoucherTemplateInput,
} from './voucher-template.js';

/** Replaces the template's title, instructions, fields and language; the logo stays. */
export async function updateVoucherTemplate(
  store: ProgramStore,
  actor: Actor,
  programId: string,
  input: VoucherTemplateInput,
): Promise<VoucherTemplate> {
  assertProgramManager(actor);
  const stored = toStoredVoucherTemplate(input);
  return store.commands.run(actor, async (transaction) => {
    const row = await readVoucherTemplateRow(store, programId, transaction, true);
    await execute(
      store.sequelize,
      'UPDATE programs SET voucher_template = CAST(:template AS jsonb), updated_at = now() WHERE id = :programId',
      { programId, template: JSON.stringify(stored) },
      transaction,
    );
    return {
      result: toVoucherTemplate({ ...row, voucher_template: stored }),
      events: [{ type: 'program.voucher-template-changed', aggregateType: 'program', aggregateId: programId, payload: { part: 'text' } }],
    };
  });
}
