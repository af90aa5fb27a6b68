/**
 * Applications for immediate assistance. Submitting checks the program and the input, links the
 * applicant to the registry by the national ID in their token, and stores a snapshot of what was
 * sent and of the program's stages, all in one transaction with one audit/outbox event. Drafts are
 * saved as they stand and checked in full only when submitted.
 */
import { randomUUID } from 'node:crypto';
import type { Sequelize, Transaction } from 'sequelize';
import type { Principal } from '../../platform/auth/principal.js';
import type { CommandOutcome, CommandRunner, DomainEvent } from '../../platform/db/command.js';
import { execute, selectOne, selectPage, selectRows, type PageRequest } from '../../platform/db/sql.js';
import {
  ConflictError,
  ForbiddenError,
  InputError,
  NotFoundError,
  UnprocessableError,
  type ErrorCode,
  type FieldError,
} from '../../platform/http/errors.js';
import type { SchemaValidator } from '../../platform/http/schema-validator.js';
import type { OpenProgram, ProgramsService } from '../programs/index.js';
import { checkBirthDates, type RegistryService } from '../registry/index.js';
import { ageOn } from '../registry/models.js';
import { createApplicationNumbers, formatReference } from './reference.js';
import {
  toApplication,
  toDraft,
  type Application,
  type ApplicationDraft,
  type ApplicationDraftInput,
  type ApplicationInput,
  type ApplicationRow,
  type ApplicationSnapshot,
  type ApplicationStatus,
  type AttachedDocument,
  type StageSnapshot,
} from './models.js';

/** What the applications module needs from the Document Store. */
export interface DocumentCatalog {
  /** Metadata of those of `ids` that exist and were uploaded by `ownerSubject`. */
  findOwnedBy(
    ids: string[],
    ownerSubject: string,
    transaction?: Transaction,
  ): Promise<Array<{ id: string; fileName: string; mediaType: string; sizeBytes: number }>>;
}

export interface ApplicationsServiceOptions {
  sequelize: Sequelize;
  programs: ProgramsService;
  registry: RegistryService;
  documents: DocumentCatalog;
  schemas: SchemaValidator;
  commands: CommandRunner;
  now?: () => Date;
}

export interface ListApplicationsOptions extends PageRequest {
  programId?: string;
  status?: ApplicationStatus;
}

export interface Submitted {
  application: Application;
  /** True when an Idempotency-Key replayed an earlier submission. */
  replayed: boolean;
}

const OFFICER_ROLES = ['reviewer', 'assessor'] as const;

/** Designated in the application's own stage list, by subject or as a member of a group. */
const IS_STAGE_OFFICER = `EXISTS (
  SELECT 1 FROM jsonb_array_elements(a.stages) AS s
  LEFT JOIN officer_groups g ON s->'officer'->>'type' = 'group' AND g.code = s->'officer'->>'ref'
  WHERE (s->'officer'->>'type' = 'user' AND s->'officer'->>'ref' = :subject) OR :subject = ANY (g.members)
)`;

function fail(detail: string, fields: FieldError[], code: ErrorCode = 'ERR_VALIDATION'): never {
  throw new InputError(detail, fields, code);
}

function requireNationalId(actor: Principal): string {
  if (!actor.nationalId) {
    throw new ForbiddenError(
      'Your account carries no verified national ID, so an application cannot be linked to you. Contact the program office.',
      'ERR_IDENTITY_UNVERIFIED',
    );
  }
  return actor.nationalId;
}

export function createApplicationsService(options: ApplicationsServiceOptions) {
  const { sequelize, programs, registry, documents, schemas, commands } = options;
  const now = options.now ?? (() => new Date());
  const nextApplicationNumber = createApplicationNumbers(sequelize);

  /** Every rule of a complete application, in the order a person would fix them. */
  async function checkApplication(
    actor: Principal,
    input: ApplicationInput,
    nationalId: string,
    prefix: string,
    transaction: Transaction,
  ): Promise<{ program: OpenProgram; attached: AttachedDocument[] }> {
    if (input.applicant.idType !== undefined || input.applicant.idValue !== undefined) {
      if (input.applicant.idType !== 'NATIONAL_ID' || input.applicant.idValue !== nationalId) {
        fail(
          'The ID in the application is not the national ID your account is verified with.',
          [{ path: `${prefix}/applicant/idValue`, message: 'must be your own national ID' }],
          'ERR_IDENTITY_MISMATCH',
        );
      }
    }
    const program = await programs.findOpenProgram(input.programId, transaction);
    if (!program) throw new UnprocessableError('That program does not exist or does not take applications now.', 'ERR_PROGRAM_CLOSED');
    if (!program.treatmentTypes.some((t) => t.code === input.treatment.type)) {
      fail(
        `"${input.treatment.type}" is not a treatment type of ${program.name}.`,
        [{ path: `${prefix}/treatment/type`, message: `must be one of: ${program.treatmentTypes.map((t) => t.code).join(', ')}` }],
        'ERR_UNKNOWN_TREATMENT_TYPE',
      );
    }
    if (input.treatment.currency !== program.currency) {
      fail(
        `Amounts for ${program.name} are in ${program.currency}.`,
        [{ path: `${prefix}/treatment/currency`, message: `must be ${program.currency}` }],
        'ERR_CURRENCY_MISMATCH',
      );
    }
    if (!(Number(input.treatment.estimatedCost) > 0)) {
      fail(
        'The estimated cost must be more than zero.',
        [{ path: `${prefix}/treatment/estimatedCost`, message: 'must be more than 0' }],
        'ERR_AMOUNT_NOT_POSITIVE',
      );
    }
    const dates = checkBirthDates(input.applicant, input.familyMembers, now(), {
      person: `${prefix}/applicant`,
      family: `${prefix}/familyMembers`,
    });
    if (dates.length > 0) fail(dates.map((e) => `${e.path} ${e.message}`).join('; '), dates);
    const attached = await attachableDocuments(actor, input, prefix, transaction);
    return { program, attached };
  }

  async function attachableDocuments(
    actor: Principal,
    input: ApplicationInput,
    prefix: string,
    transaction: Transaction,
  ): Promise<AttachedDocument[]> {
    const wanted = input.documents ?? [];
    if (wanted.length === 0) return [];
    const ids = wanted.map((d) => d.documentId);
    if (new Set(ids).size !== ids.length)
      fail('A document is listed twice.', [{ path: `${prefix}/documents`, message: 'must not list a document twice' }]);
    const owned = await documents.findOwnedBy(ids, actor.subject, transaction);
    const missing = wanted.map((d, i) => ({ d, i })).filter(({ d }) => !owned.some((o) => o.id === d.documentId));
    if (missing.length > 0) {
      fail(
        'Only documents you uploaded yourself can be attached.',
        missing.map(({ i }) => ({ path: `${prefix}/documents/${i}/documentId`, message: 'is not a document you uploaded' })),
        'ERR_DOCUMENT_NOT_ATTACHABLE',
      );
    }
    return wanted.map((d) => {
      const found = owned.find((o) => o.id === d.documentId);
      return {
        documentId: d.documentId,
        kind: d.kind,
        fileName: found?.fileName ?? '',
        mediaType: found?.mediaType ?? '',
        sizeBytes: found?.sizeBytes ?? 0,
      };
    });
  }

  function snapshotOf(
    input: ApplicationInput,
    nationalId: string,
    program: OpenProgram,
    attached: AttachedDocument[],
    today: Date,
  ): ApplicationSnapshot {
    const { idType: _idType, idValue: _idValue, ...person } = input.applicant;
    return {
      programCode: program.code,
      programName: program.name,
      treatment: {
        ...input.treatment,
        typeLabel: program.treatmentTypes.find((t) => t.code === input.treatment.type)?.label ?? input.treatment.type,
      },
      applicant: { idType: 'NATIONAL_ID', idValue: nationalId, ...person, age: ageOn(person.birthDate, today) },
      familyMembers: (input.familyMembers ?? []).map((m) => ({ ...m, age: ageOn(m.birthDate, today) })),
      documents: attached,
    };
  }

  /** Checks and stores a complete application: a new row, or the caller's draft turned into one. */
  async function storeSubmission(
    actor: Principal,
    input: ApplicationInput,
    draftId: string | undefined,
    prefix: string,
    transaction: Transaction,
  ): Promise<CommandOutcome<Application>> {
    const nationalId = requireNationalId(actor);
    const { program, attached } = await checkApplication(actor, input, nationalId, prefix, transaction);
    const today = now();
    const { idType: _idType, idValue: _idValue, ...details } = input.applicant;
    const { registrantId, event: registrantEvent } = await registry.recordApplicantDetails(
      actor,
      { idType: 'NATIONAL_ID', idValue: nationalId, details, familyMembers: input.familyMembers ?? [] },
      transaction,
    );
    const stages: StageSnapshot[] = program.stages.map((s) => ({ position: s.position, name: s.name, kind: s.kind, officer: s.officer }));
    const snapshot = snapshotOf(input, nationalId, program, attached, today);
    const values = {
      programId: program.id,
      registrantId,
      subject: actor.subject,
      username: actor.username,
      snapshot: JSON.stringify(snapshot),
      stages: JSON.stringify(stages),
      treatmentType: input.treatment.type,
      cost: input.treatment.estimatedCost,
      currency: input.treatment.currency,
      submittedAt: today,
    };
    const id = draftId ?? randomUUID();
    const submitted: DomainEvent = {
      type: 'application.submitted',
      aggregateType: 'application',
      aggregateId: id,
      payload: {
        programId: program.id,
        treatmentType: input.treatment.type,
        estimatedCost: input.treatment.estimatedCost,
        currency: input.treatment.currency,
        documents: attached.length,
        familyMembers: input.familyMembers?.length ?? 0,
      },
    };
    const store = draftId
      ? `UPDATE applications SET status = 'SUBMITTED', program_id = :programId, registrant_id = :registrantId, draft = NULL,
           snapshot = CAST(:snapshot AS jsonb), stages = CAST(:stages AS jsonb), current_stage = 1, treatment_type = :treatmentType,
           estimated_cost = :cost, currency = :currency, submitted_at = :submittedAt, updated_at = :submittedAt, version = version + 1
         WHERE id = :id AND applicant_subject = :subject AND status = 'DRAFT'
         RETURNING reference`
      : `INSERT INTO applications (id, reference, program_id, registrant_id, applicant_subject, applicant_username,
           status, snapshot, stages,
           current_stage, treatment_type, estimated_cost, currency, submitted_at, created_at, updated_at)
         VALUES (:id, :reference, :programId, :registrantId, :subject, :username,
           'SUBMITTED', CAST(:snapshot AS jsonb), CAST(:stages AS jsonb),
           1, :treatmentType, :cost, :currency, :submittedAt, :submittedAt, :submittedAt)
         RETURNING reference`;
    // The application and its documents in one statement: one round trip, all or nothing.
    const stored = await selectRows<{ reference: string }>(
      sequelize,
      `WITH application AS (${store}),
       attached AS (
         INSERT INTO application_documents (application_id, document_id, kind)
         SELECT :id, d.document_id, d.kind
         FROM application, jsonb_to_recordset(CAST(:documents AS jsonb)) AS d(document_id uuid, kind varchar)
       )
       SELECT reference FROM application`,
      {
        ...values,
        id,
        reference: draftId ? null : formatReference(await nextApplicationNumber(transaction)),
        documents: JSON.stringify(attached.map((d) => ({ document_id: d.documentId, kind: d.kind }))),
      },
      transaction,
    );
    const reference = stored[0]?.reference;
    if (!reference) throw new ConflictError('This application was already submitted.', 'ERR_APPLICATION_NOT_DRAFT');
    const application = toApplication({
      id,
      reference,
      program_id: program.id,
      status: 'SUBMITTED',
      snapshot,
      stages,
      current_stage: 1,
      submitted_at: today,
    });
    return { result: application, events: registrantEvent ? [registrantEvent, submitted] : [submitted] };
  }

  async function readOwnDraft(actor: Principal, id: string, transaction?: Transaction, lock = false): Promise<ApplicationRow> {
    const row = await selectOne<ApplicationRow>(
      sequelize,
      `SELECT * FROM applications WHERE id = :id AND applicant_subject = :subject${lock ? ' FOR UPDATE' : ''}`,
      { id, subject: actor.subject },
      transaction,
    );
    if (!row) throw new NotFoundError('No draft with that id.');
    if (row.status !== 'DRAFT')
      throw new ConflictError('This application was already submitted; it cannot be changed as a draft.', 'ERR_APPLICATION_NOT_DRAFT');
    return row;
  }

  /** Who may see an application: its applicant, the officers of its stages, auditors. */
  function visibility(actor: Principal): { clause: string; replacements: Record<string, unknown> } {
    const clauses: string[] = [];
    if (actor.roles.includes('auditor')) clauses.push('TRUE');
    if (actor.roles.includes('applicant')) clauses.push('a.applicant_subject = :subject');
    if (OFFICER_ROLES.some((role) => actor.roles.includes(role))) clauses.push(IS_STAGE_OFFICER);
    return {
      clause: clauses.length > 0 ? `(${clauses.join(' OR ')})` : 'FALSE',
      replacements: { subject: actor.subject },
    };
  }

  return {
    async submitApplication(actor: Principal, input: ApplicationInput, idempotencyKey?: string): Promise<Submitted> {
      const { result, replayed } = await commands.runIdempotent(
        actor,
        { key: idempotencyKey, operation: 'submitApplication', request: input },
        (transaction) => storeSubmission(actor, input, undefined, '/body', transaction),
      );
      return { application: result, replayed };
    },

    async startDraft(actor: Principal, input: ApplicationDraftInput): Promise<ApplicationDraft> {
      if (!(await programs.findOpenProgram(input.programId)))
        throw new UnprocessableError('That program does not exist or does not take applications now.', 'ERR_PROGRAM_CLOSED');
      const id = randomUUID();
      const reference = formatReference(await nextApplicationNumber());
      return commands.run(actor, async (transaction) => {
        await execute(
          sequelize,
          `INSERT INTO applications (id, reference, program_id, applicant_subject, applicant_username, status, draft)
           VALUES (:id, :reference, :programId, :subject, :username, 'DRAFT', CAST(:draft AS jsonb))`,
          { id, reference, programId: input.programId, subject: actor.subject, username: actor.username, draft: JSON.stringify(input) },
          transaction,
        );
        return {
          result: toDraft(await readOwnDraft(actor, id, transaction)),
          events: [
            { type: 'application.draft-started', aggregateType: 'application', aggregateId: id, payload: { programId: input.programId } },
          ],
        };
      });
    },

    async saveDraft(actor: Principal, id: string, input: ApplicationDraftInput): Promise<ApplicationDraft> {
      return commands.run(actor, async (transaction) => {
        const current = await readOwnDraft(actor, id, transaction, true);
        if (current.program_id !== input.programId && !(await programs.findOpenProgram(input.programId, transaction))) {
          throw new UnprocessableError('That program does not exist or does not take applications now.', 'ERR_PROGRAM_CLOSED');
        }
        await execute(
          sequelize,
          `UPDATE applications SET draft = CAST(:draft AS jsonb), program_id = :programId, updated_at = now(), version = version + 1
           WHERE id = :id`,
          { id, programId: input.programId, draft: JSON.stringify(input) },
          transaction,
        );
        return {
          result: toDraft(await readOwnDraft(actor, id, transaction)),
          events: [
            { type: 'application.draft-saved', aggregateType: 'application', aggregateId: id, payload: { programId: input.programId } },
          ],
        };
      });
    },

    async getDraft(actor: Principal, id: string): Promise<ApplicationDraft> {
      return toDraft(await readOwnDraft(actor, id));
    },

    async listDrafts(
      actor: Principal,
      page: PageRequest,
    ): Promise<{ items: ApplicationDraft[]; page: number; pageSize: number; total: number }> {
      const { rows, total } = await selectPage<ApplicationRow>(sequelize, {
        columns: '*',
        from: 'applications',
        where: "applicant_subject = :subject AND status = 'DRAFT'",
        orderBy: 'updated_at DESC, id',
        replacements: { subject: actor.subject },
        page,
      });
      return { items: rows.map(toDraft), page: page.page, pageSize: page.pageSize, total };
    },

    async discardDraft(actor: Principal, id: string): Promise<void> {
      await commands.run(actor, async (transaction) => {
        await readOwnDraft(actor, id, transaction, true);
        await execute(sequelize, "DELETE FROM applications WHERE id = :id AND status = 'DRAFT'", { id }, transaction);
        return { result: undefined, events: [{ type: 'application.draft-discarded', aggregateType: 'application', aggregateId: id }] };
      });
    },

    async submitDraft(actor: Principal, id: string, idempotencyKey?: string): Promise<Submitted> {
      const { result, replayed } = await commands.runIdempotent(
        actor,
        { key: idempotencyKey, operation: 'submitApplicationDraft', request: { id } },
        async (transaction) => {
          const draft = await readOwnDraft(actor, id, transaction, true);
          const data = draft.draft ?? { programId: draft.program_id };
          const problems = schemas.validate('ApplicationInput', data, '/data');
          if (problems.length > 0) {
            throw new InputError(
              `The application is not finished: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
              problems,
              'ERR_APPLICATION_INCOMPLETE',
            );
          }
          return storeSubmission(actor, data as ApplicationInput, id, '/data', transaction);
        },
      );
      return { application: result, replayed };
    },

    async listApplications(
      actor: Principal,
      options: ListApplicationsOptions,
    ): Promise<{ items: Application[]; page: number; pageSize: number; total: number }> {
      const { clause, replacements } = visibility(actor);
      const { rows, total } = await selectPage<ApplicationRow>(sequelize, {
        columns: 'a.*',
        from: 'applications a',
        where: `a.status <> 'DRAFT' AND ${clause}
           AND (CAST(:programId AS uuid) IS NULL OR a.program_id = CAST(:programId AS uuid))
           AND (CAST(:status AS varchar) IS NULL OR a.status = :status)`,
        orderBy: 'a.submitted_at DESC, a.id',
        replacements: { ...replacements, programId: options.programId ?? null, status: options.status ?? null },
        page: options,
      });
      const others = rows.filter((row) => row.applicant_subject !== actor.subject).map((row) => row.id);
      if (others.length > 0) {
        await commands.recordAccess(actor, [
          { type: 'application.listed', aggregateType: 'reader', aggregateId: actor.subject, payload: { applicationIds: others } },
        ]);
      }
      return { items: rows.map(toApplication), page: options.page, pageSize: options.pageSize, total };
    },

    async getApplication(actor: Principal, id: string): Promise<Application> {
      const { clause, replacements } = visibility(actor);
      const row = await selectOne<ApplicationRow>(
        sequelize,
        `SELECT a.* FROM applications a WHERE a.id = :id AND a.status <> 'DRAFT' AND ${clause}`,
        { ...replacements, id },
      );
      // Someone else's application answers exactly like a missing one.
      if (!row) throw new NotFoundError('No application with that id.');
      if (row.applicant_subject !== actor.subject) {
        await commands.recordAccess(actor, [{ type: 'application.read', aggregateType: 'application', aggregateId: id }]);
      }
      return toApplication(row);
    },

    /** For the Document Store: may this officer read a document attached to an application of theirs? */
    async mayOfficerReadDocument(documentId: string, actor: Principal): Promise<boolean> {
      if (!OFFICER_ROLES.some((role) => actor.roles.includes(role))) return false;
      const row = await selectOne(
        sequelize,
        `SELECT 1 AS found FROM application_documents d JOIN applications a ON a.id = d.application_id
         WHERE d.document_id = :documentId AND a.status <> 'DRAFT' AND ${IS_STAGE_OFFICER} LIMIT 1`,
        { documentId, subject: actor.subject },
      );
      return row !== undefined;
    },
  };
}

export type ApplicationsService = ReturnType<typeof createApplicationsService>;
