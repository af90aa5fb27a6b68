import { randomUUID } from 'node:crypto';
import { execute, isUniqueViolation } from '../../platform/db/sql.js';
import { ConflictError } from '../../platform/http/errors.js';
import type { Program, ProgramInput } from './models.js';
import { rereadProgram, writeStages } from './program-rows.js';
import { checkOfficers, rememberOfficers } from './officers.js';
import { assertGroupsExist, assertKnownTimeZone, checkChecklist } from './program-rules.js';
import type { Actor, ProgramStore } from './program-store.js';

/** A new program, closed until a manager opens it, with the stages given (if any); users named as officers are checked first. */
export async function createProgram(store: ProgramStore, actor: Actor, input: ProgramInput): Promise<Program> {
  const id = randomUUID();
  const timeZone = input.timeZone ?? 'UTC';
  assertKnownTimeZone(timeZone);
  const { officers, people } = await checkOfficers(
    store,
    (input.stages ?? []).map((stage, index) => ({ officer: stage.officer, path: `/body/stages/${index}/officer/ref` })),
  );
  const stages = (input.stages ?? []).map((stage, index) => ({
    name: stage.name,
    kind: stage.kind,
    officer: officers[index] ?? stage.officer,
    checklist: checkChecklist(stage.checklist ?? [], `/body/stages/${index}/checklist`),
  }));
  try {
    return await store.commands.run(actor, async (transaction) => {
      await assertGroupsExist(
        store,
        stages.map((s) => s.officer),
        transaction,
      );
      await rememberOfficers(store, people, transaction);
      await execute(
        store.sequelize,
        `INSERT INTO programs (id, code, name, description, currency, max_amount, voucher_validity_days, voucher_issuance, time_zone, state,
           treatment_types, reason_codes)
         VALUES (:id, :code, :name, :description, :currency, :maxAmount, :validity, :issuance, :timeZone, 'closed',
           CAST(:treatmentTypes AS jsonb), CAST(:reasonCodes AS jsonb))`,
        {
          id,
          code: input.code,
          name: input.name,
          description: input.description ?? '',
          currency: input.currency,
          maxAmount: input.maxAmount,
          validity: input.voucherValidityDays,
          issuance: input.voucherIssuance ?? 'manual',
          timeZone,
          treatmentTypes: JSON.stringify(input.treatmentTypes),
          reasonCodes: JSON.stringify(input.reasonCodes),
        },
        transaction,
      );
      await writeStages(store, id, stages, transaction);
      return {
        result: await rereadProgram(store, id, transaction),
        events: [{ type: 'program.created', aggregateType: 'program', aggregateId: id, payload: { code: input.code } }],
      };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'programs_code_key'))
      throw new ConflictError(`A program with code ${input.code} already exists.`, 'ERR_PROGRAM_CODE_TAKEN');
    throw error;
  }
}
