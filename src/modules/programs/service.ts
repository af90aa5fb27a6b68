/**
 * Programs: what applicants apply to, with an ordered list of stages, each with a designated officer
 * (a named user or a group). Every change checks the version the caller read (409 when stale), runs
 * in one transaction and writes one audit/outbox event. Running applications keep the stage list they
 * started with; editing here never reaches them.
 */
import { randomUUID } from 'node:crypto';
import type { Sequelize, Transaction } from 'sequelize';
import { ConflictError, InputError, NotFoundError } from '../../platform/http/errors.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { CommandRunner } from '../../platform/db/command.js';
import { execute, isUniqueViolation, selectOne, selectPage, selectRows, type PageRequest } from '../../platform/db/sql.js';
import {
  toProgram,
  type NewStage,
  type OfficerGroup,
  type OfficerGroupInput,
  type Program,
  type ProgramInput,
  type ProgramPatch,
  type ProgramRow,
  type StageInput,
  type StagePatch,
  type StageRow,
} from './models.js';

export interface ProgramsServiceOptions {
  sequelize: Sequelize;
  commands: CommandRunner;
}

export interface ListProgramsOptions extends PageRequest {
  state?: 'open' | 'closed';
  code?: string;
}

export interface ProgramPage {
  items: Program[];
  page: number;
  pageSize: number;
  total: number;
}

type Actor = Pick<Principal, 'subject' | 'username' | 'roles'>;

/** Applicants (and anyone who does not run programs) see open programs only. */
function seesClosedPrograms(actor: Actor): boolean {
  return actor.roles.some((role) => role !== 'applicant' && role !== 'service-provider');
}

function assertRunnable(state: 'open' | 'closed', stages: Array<Pick<StageRow, 'kind'>>): void {
  if (state === 'open' && !stages.some((stage) => stage.kind === 'assessment')) {
    throw new ConflictError(
      'An open program needs at least one stage, and one of them must be an assessment stage.',
      'ERR_PROGRAM_NEEDS_ASSESSMENT_STAGE',
    );
  }
}

export function createProgramsService({ sequelize, commands }: ProgramsServiceOptions) {
  async function loadStages(programIds: string[], transaction?: Transaction): Promise<Map<string, StageRow[]>> {
    const byProgram = new Map<string, StageRow[]>(programIds.map((id) => [id, []]));
    if (programIds.length === 0) return byProgram;
    const rows = await selectRows<StageRow>(
      sequelize,
      'SELECT * FROM program_stages WHERE program_id = ANY(:ids) ORDER BY program_id, position',
      { ids: programIds },
      transaction,
    );
    for (const row of rows) byProgram.get(row.program_id)?.push(row);
    return byProgram;
  }

  async function readProgram(
    id: string,
    transaction?: Transaction,
    lock = false,
  ): Promise<{ row: ProgramRow; stages: StageRow[] } | undefined> {
    const row = await selectOne<ProgramRow>(
      sequelize,
      `SELECT * FROM programs WHERE id = :id${lock ? ' FOR UPDATE' : ''}`,
      { id },
      transaction,
    );
    if (!row) return undefined;
    return { row, stages: (await loadStages([id], transaction)).get(id) ?? [] };
  }

  async function assertGroupsExist(officers: Array<NewStage['officer']>, transaction: Transaction): Promise<void> {
    const codes = [...new Set(officers.filter((o) => o.type === 'group').map((o) => o.ref))];
    if (codes.length === 0) return;
    const found = await selectRows<{ code: string }>(
      sequelize,
      'SELECT code FROM officer_groups WHERE code = ANY(:codes)',
      { codes },
      transaction,
    );
    const missing = codes.filter((code) => !found.some((row) => row.code === code));
    if (missing.length > 0) {
      throw new InputError(
        `No officer group ${missing.map((c) => `"${c}"`).join(', ')}; create it first.`,
        [],
        'ERR_OFFICER_GROUP_UNKNOWN',
      );
    }
  }

  async function writeStages(programId: string, stages: Array<NewStage & { id?: string }>, transaction: Transaction): Promise<void> {
    await execute(sequelize, 'DELETE FROM program_stages WHERE program_id = :programId', { programId }, transaction);
    for (const [index, stage] of stages.entries()) {
      await execute(
        sequelize,
        `INSERT INTO program_stages (id, program_id, position, name, kind, officer_type, officer_ref)
         VALUES (:id, :programId, :position, :name, :kind, :officerType, :officerRef)`,
        {
          id: stage.id ?? randomUUID(),
          programId,
          position: index + 1,
          name: stage.name,
          kind: stage.kind,
          officerType: stage.officer.type,
          officerRef: stage.officer.ref,
        },
        transaction,
      );
    }
  }

  /** Claims the version the caller read, so two editors cannot both win. */
  async function bumpVersion(id: string, version: number, transaction: Transaction): Promise<void> {
    const updated = await execute(
      sequelize,
      'UPDATE programs SET version = version + 1, updated_at = now() WHERE id = :id AND version = :version',
      { id, version },
      transaction,
    );
    if (updated === 1) return;
    const exists = await selectOne<{ id: string }>(sequelize, 'SELECT id FROM programs WHERE id = :id', { id }, transaction);
    if (!exists) throw new NotFoundError('No program with that id.');
    throw new ConflictError('The program was changed by someone else since you read it; reload it and try again.', 'ERR_VERSION_CONFLICT');
  }

  async function reread(id: string, transaction: Transaction): Promise<Program> {
    const found = await readProgram(id, transaction);
    if (!found) throw new NotFoundError('No program with that id.');
    return toProgram(found.row, found.stages);
  }

  async function changeStages(
    actor: Actor,
    programId: string,
    version: number,
    change: (stages: Array<NewStage & { id: string }>) => Array<NewStage & { id: string }>,
    event: { type: string; stageId: string },
  ): Promise<Program> {
    return commands.run(actor, async (transaction) => {
      const found = await readProgram(programId, transaction, true);
      if (!found) throw new NotFoundError('No program with that id.');
      await bumpVersion(programId, version, transaction);
      const current = found.stages.map((s) => ({
        id: s.id,
        name: s.name,
        kind: s.kind,
        officer: { type: s.officer_type, ref: s.officer_ref },
      }));
      const next = change(current);
      assertRunnable(found.row.state, next);
      await assertGroupsExist(
        next.map((s) => s.officer),
        transaction,
      );
      await writeStages(programId, next, transaction);
      return {
        result: await reread(programId, transaction),
        events: [
          {
            type: event.type,
            aggregateType: 'program',
            aggregateId: programId,
            payload: { stageId: event.stageId },
          },
        ],
      };
    });
  }

  function insertAt<T>(list: T[], item: T, position: number | undefined): T[] {
    const index = position === undefined ? list.length : position - 1;
    if (index < 0 || index > list.length)
      throw new InputError(
        `Position ${position} is beyond the end of the list (${list.length + 1} at most).`,
        [{ path: '/body/position', message: `must be at most ${list.length + 1}` }],
        'ERR_STAGE_POSITION',
      );
    return [...list.slice(0, index), item, ...list.slice(index)];
  }

  return {
    async createProgram(actor: Actor, input: ProgramInput): Promise<Program> {
      const id = randomUUID();
      const stages = input.stages ?? [];
      try {
        return await commands.run(actor, async (transaction) => {
          await assertGroupsExist(
            stages.map((s) => s.officer),
            transaction,
          );
          await execute(
            sequelize,
            `INSERT INTO programs (id, code, name, description, currency, max_amount, voucher_validity_days, state,
               treatment_types, reason_codes)
             VALUES (:id, :code, :name, :description, :currency, :maxAmount, :validity, 'closed',
               CAST(:treatmentTypes AS jsonb), CAST(:reasonCodes AS jsonb))`,
            {
              id,
              code: input.code,
              name: input.name,
              description: input.description ?? '',
              currency: input.currency,
              maxAmount: input.maxAmount,
              validity: input.voucherValidityDays,
              treatmentTypes: JSON.stringify(input.treatmentTypes),
              reasonCodes: JSON.stringify(input.reasonCodes),
            },
            transaction,
          );
          await writeStages(id, stages, transaction);
          return {
            result: await reread(id, transaction),
            events: [
              {
                type: 'program.created',
                aggregateType: 'program',
                aggregateId: id,
                payload: { code: input.code },
              },
            ],
          };
        });
      } catch (error) {
        if (isUniqueViolation(error, 'programs_code_key'))
          throw new ConflictError(`A program with code ${input.code} already exists.`, 'ERR_PROGRAM_CODE_TAKEN');
        throw error;
      }
    },

    async listPrograms(actor: Actor, options: ListProgramsOptions): Promise<ProgramPage> {
      const state = seesClosedPrograms(actor) ? options.state : 'open';
      if (options.state === 'closed' && state === 'open') return { items: [], page: options.page, pageSize: options.pageSize, total: 0 };
      const where = ['(CAST(:state AS varchar) IS NULL OR state = :state)', '(CAST(:code AS varchar) IS NULL OR code = :code)'].join(
        ' AND ',
      );
      const { rows, total } = await selectPage<ProgramRow>(sequelize, {
        columns: '*',
        from: 'programs',
        where,
        orderBy: 'name, code',
        replacements: { state: state ?? null, code: options.code ?? null },
        page: options,
      });
      const stages = await loadStages(rows.map((r) => r.id));
      return { items: rows.map((row) => toProgram(row, stages.get(row.id) ?? [])), page: options.page, pageSize: options.pageSize, total };
    },

    async getProgram(actor: Actor, id: string): Promise<Program> {
      const found = await readProgram(id);
      // A closed program is invisible to applicants: 404, so its existence does not leak.
      if (!found || (found.row.state !== 'open' && !seesClosedPrograms(actor))) throw new NotFoundError('No program with that id.');
      return toProgram(found.row, found.stages);
    },

    async updateProgram(actor: Actor, id: string, patch: ProgramPatch): Promise<Program> {
      return commands.run(actor, async (transaction) => {
        const found = await readProgram(id, transaction, true);
        if (!found) throw new NotFoundError('No program with that id.');
        await bumpVersion(id, patch.version, transaction);
        const state = patch.state ?? found.row.state;
        assertRunnable(state, found.stages);
        await execute(
          sequelize,
          `UPDATE programs SET
             name = COALESCE(:name, name),
             description = COALESCE(:description, description),
             currency = COALESCE(:currency, currency),
             max_amount = COALESCE(CAST(:maxAmount AS numeric), max_amount),
             voucher_validity_days = COALESCE(CAST(:validity AS integer), voucher_validity_days),
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
            state,
            treatmentTypes: patch.treatmentTypes ? JSON.stringify(patch.treatmentTypes) : null,
            reasonCodes: patch.reasonCodes ? JSON.stringify(patch.reasonCodes) : null,
          },
          transaction,
        );
        const type = state !== found.row.state ? (state === 'open' ? 'program.opened' : 'program.closed') : 'program.changed';
        return {
          result: await reread(id, transaction),
          events: [
            {
              type,
              aggregateType: 'program',
              aggregateId: id,
              payload: { fields: Object.keys(patch).filter((k) => k !== 'version') },
            },
          ],
        };
      });
    },

    addStage(actor: Actor, programId: string, input: StageInput): Promise<Program> {
      const stage = { id: randomUUID(), name: input.name, kind: input.kind, officer: input.officer };
      return changeStages(actor, programId, input.version, (stages) => insertAt(stages, stage, input.position), {
        type: 'program.stage-added',
        stageId: stage.id,
      });
    },

    updateStage(actor: Actor, programId: string, stageId: string, patch: StagePatch): Promise<Program> {
      return changeStages(
        actor,
        programId,
        patch.version,
        (stages) => {
          const current = stages.find((s) => s.id === stageId);
          if (!current) throw new NotFoundError('No stage with that id in this program.');
          const changed = {
            ...current,
            name: patch.name ?? current.name,
            kind: patch.kind ?? current.kind,
            officer: patch.officer ?? current.officer,
          };
          const others = stages.filter((s) => s.id !== stageId);
          const position = patch.position ?? stages.indexOf(current) + 1;
          return insertAt(others, changed, position);
        },
        { type: 'program.stage-changed', stageId },
      );
    },

    removeStage(actor: Actor, programId: string, stageId: string, version: number): Promise<Program> {
      return changeStages(
        actor,
        programId,
        version,
        (stages) => {
          if (!stages.some((s) => s.id === stageId)) throw new NotFoundError('No stage with that id in this program.');
          return stages.filter((s) => s.id !== stageId);
        },
        { type: 'program.stage-removed', stageId },
      );
    },

    async listOfficerGroups(): Promise<OfficerGroup[]> {
      const rows = await selectRows<{ code: string; name: string; members: string[] }>(
        sequelize,
        'SELECT code, name, members FROM officer_groups ORDER BY name',
      );
      return rows.map((row) => ({ code: row.code, name: row.name, members: row.members }));
    },

    async saveOfficerGroup(actor: Actor, code: string, input: OfficerGroupInput): Promise<OfficerGroup> {
      return commands.run(actor, async (transaction) => {
        await execute(
          sequelize,
          `INSERT INTO officer_groups (id, code, name, members) VALUES (:id, :code, :name, CAST(:members AS text[]))
           ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, members = EXCLUDED.members, updated_at = now()`,
          { id: randomUUID(), code, name: input.name, members: `{${input.members.map((m) => JSON.stringify(m)).join(',')}}` },
          transaction,
        );
        return {
          result: { code, name: input.name, members: input.members },
          events: [
            {
              type: 'officer-group.saved',
              aggregateType: 'officer-group',
              aggregateId: code,
              payload: { members: input.members.length },
            },
          ],
        };
      });
    },

    /** The program with its current stages, for an application to snapshot; only open programs. One round trip. */
    async findOpenProgram(id: string, transaction?: Transaction): Promise<Program | undefined> {
      const row = await selectOne<ProgramRow & { stage_rows: StageRow[] }>(
        sequelize,
        `SELECT p.*, COALESCE((SELECT json_agg(s ORDER BY s.position) FROM program_stages s WHERE s.program_id = p.id), '[]') AS stage_rows
         FROM programs p WHERE p.id = :id AND p.state = 'open'`,
        { id },
        transaction,
      );
      if (!row) return undefined;
      const { stage_rows: stages, ...program } = row;
      return toProgram(program, stages);
    },

    /** Programs in which this user is a designated officer of some stage, directly or through a group. */
    async programsOfficiatedBy(username: string, transaction?: Transaction): Promise<string[]> {
      const rows = await selectRows<{ program_id: string }>(
        sequelize,
        `SELECT DISTINCT s.program_id FROM program_stages s
         LEFT JOIN officer_groups g ON s.officer_type = 'group' AND g.code = s.officer_ref
         WHERE (s.officer_type = 'user' AND s.officer_ref = :username) OR (:username = ANY (g.members))`,
        { username },
        transaction,
      );
      return rows.map((row) => row.program_id);
    },
  };
}

export type ProgramsService = ReturnType<typeof createProgramsService>;
