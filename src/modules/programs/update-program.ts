import { execute } from '../../platform/db/sql.js';
import { NotFoundError } from '../../platform/http/errors.js';
import type { Program, ProgramPatch } from './models.js';
import { bumpProgramVersion, readProgram, rereadProgram } from './program-rows.js';
import { assertKnownTimeZone, assertRunnable } from './program-rules.js';
import type { Actor, ProgramStore } from './program-store.js';

/** Changes a program's details, or opens or closes it, if nobody changed it since `patch.version`. */
export async function updateProgram(store: ProgramStore, actor: Actor, id: string, patch: ProgramPatch): Promise<Program> {
  if (patch.timeZone !== undefined) assertKnownTimeZone(patch.timeZone);
  return store.commands.run(actor, async (transaction) => {
    const found = await readProgram(store, id, transaction, true);
    if (!found) throw new NotFoundError('No program with that id.');
    await bumpProgramVersion(store, id, patch.version, transaction);
    const state = patch.state ?? found.row.state;
    assertRunnable(state, found.stages);
    await execute(
      store.sequelize,
      `UPDATE programs SET
         name = COALESCE(:name, name),
         description = COALESCE(:description, description),
         currency = COALESCE(:currency, currency),
         max_amount = COALESCE(CAST(:maxAmount AS numeric), max_amount),
         voucher_validity_days = COALESCE(CAST(:validity AS integer), voucher_validity_days),
         voucher_issuance = COALESCE(:issuance, voucher_issuance),
         time_zone = COALESCE(:timeZone, time_zone),
         state = :state,
         treatment_types = COALESCE(CAST(:treatmentTypes AS jsonb), treatment_types),
         reason_codes = COALESCE(CAST(:reasonCodes AS jsonb), reason_codes)
       WHERE id = :id`,
      {
        id,
        name: patch.name ?? null,
        description: patch.description ?? null,
        currency: patch.currency ?? null,
        maxAmount: patch.maxAmount ?? null,
        validity: patch.voucherValidityDays ?? null,
        issuance: patch.voucherIssuance ?? null,
        timeZone: patch.timeZone ?? null,
        state,
        treatmentTypes: patch.treatmentTypes ? JSON.stringify(patch.treatmentTypes) : null,
        reasonCodes: patch.reasonCodes ? JSON.stringify(patch.reasonCodes) : null,
      },
      transaction,
    );
    const type = state !== found.row.state ? (state === 'open' ? 'program.opened' : 'program.closed') : 'program.changed';
    return {
      result: await rereadProgram(store, id, transaction),
      events: [{ type, aggregateType: 'program', aggregateId: id, payload: { fields: Object.keys(patch).filter((k) => k !== 'version') } }],
    };
  });
}
