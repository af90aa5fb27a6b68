import { randomUUID } from 'node:crypto';
import type { Transaction } from '../../platform/db/sql.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { CommandContext, CommandOutcome, DomainEvent } from '../../platform/db/command.js';
import { selectRows } from '../../platform/db/sql.js';
import { ConflictError } from '../../platform/http/errors.js';
import { snapshotOf } from './application-snapshot.js';
import { checkApplication, requireNationalId } from './check-application.js';
import type { ApplicationsDeps } from './deps.js';
import { toApplication, type Application, type ApplicationInput, type StageSnapshot } from './models.js';
import { formatReference } from './reference.js';
import { lockVerifiedFields, type VerifiedApplicantField } from './lock-verified-fields.js';

/** The registry's names of the fields a verified ID vouches for: they join the registrant's verified fields. */
const REGISTRY_FIELD_OF = {
  givenName: 'given_name',
  familyName: 'family_name',
  birthDate: 'birth_date',
  gender: 'gender',
  address: 'address_line',
} as const satisfies Record<VerifiedApplicantField, string>;

// A draft becomes an application in place; it keeps the reference it got when it was started.
const SUBMIT_DRAFT = `UPDATE applications SET status = 'SUBMITTED', program_id = :programId, registrant_id = :registrantId, draft = NULL,
     snapshot = CAST(:snapshot AS jsonb), stages = CAST(:stages AS jsonb), current_stage = 1, treatment_type = :treatmentType,
     estimated_cost = :cost, currency = :currency, submitted_at = :submittedAt, waiting_since = :submittedAt, updated_at = :submittedAt,
     version = version + 1
   WHERE id = :id AND applicant_subject = :subject AND status = 'DRAFT'
   RETURNING reference`;

const INSERT_APPLICATION = `INSERT INTO applications (id, reference, program_id, registrant_id, applicant_subject, applicant_username,
     status, snapshot, stages,
     current_stage, treatment_type, estimated_cost, currency, submitted_at, waiting_since, created_at, updated_at)
   VALUES (:id, :reference, :programId, :registrantId, :subject, :username,
     'SUBMITTED', CAST(:snapshot AS jsonb), CAST(:stages AS jsonb),
     1, :treatmentType, :cost, :currency, :submittedAt, :submittedAt, :submittedAt, :submittedAt)
   RETURNING reference`;

// Values sent for officer-verified registry fields, which the registry kept (rare: only then is this in the statement).
const KEEP_PROPOSALS = `
     proposed AS (
       INSERT INTO application_registry_proposals (application_id, field, proposed_value, registry_value)
       SELECT :id, p.field, p.proposed_value, p.registry_value
       FROM application, jsonb_to_recordset(CAST(:proposals AS jsonb)) AS p(field varchar, proposed_value jsonb, registry_value jsonb)
     ),`;

/**
 * Checks and stores a complete application: a new row, or the caller's draft turned into one. Runs in
 * the caller's command; the applicant's registry record is written in the same transaction, and values
 * the registry kept because an officer verified them are stored with the application as proposals.
 */
export async function storeSubmission(
  deps: ApplicationsDeps,
  actor: Principal,
  sentInput: ApplicationInput,
  draftId: string | undefined,
  prefix: string,
  transaction: Transaction,
  context: CommandContext,
): Promise<CommandOutcome<Application>> {
  const nationalId = requireNationalId(actor);
  const verified = await deps.verifiedIds?.verifiedFieldsOf(actor.subject, transaction);
  const { input, verifiedById } = lockVerifiedFields(sentInput, verified?.idNumber === nationalId ? verified : undefined, prefix);
  const { program, attached } = await checkApplication(deps, actor, input, nationalId, prefix, transaction);
  const today = deps.now();
  const { idType: _idType, idValue: _idValue, ...details } = input.applicant;
  const {
    registrantId,
    event: registrantEvent,
    proposals,
  } = await deps.registry.recordApplicantDetails(
    actor,
    {
      idType: 'NATIONAL_ID',
      idValue: nationalId,
      details,
      familyMembers: input.familyMembers ?? [],
      verify: verifiedById.map((field) => REGISTRY_FIELD_OF[field]),
    },
    transaction,
  );
  const stages: StageSnapshot[] = program.stages.map((s) => ({
    position: s.position,
    name: s.name,
    kind: s.kind,
    officer: s.officer,
    checklist: s.checklist,
  }));
  const snapshot = snapshotOf(input, nationalId, program, attached, today, verifiedById);
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
      // Field names only: the values are personal data.
      ...(proposals.length > 0 ? { registryProposals: proposals.map((p) => p.field) } : {}),
    },
  };
  const events = context.inlineEvents(registrantEvent ? [registrantEvent, submitted] : [submitted]);
  // The application, its documents and its events in one statement: one round trip, all or nothing.
  const stored = await selectRows<{ reference: string }>(
    deps.sequelize,
    `WITH application AS (${draftId ? SUBMIT_DRAFT : INSERT_APPLICATION}),
     attached AS (
       INSERT INTO application_documents (application_id, document_id, kind)
       SELECT :id, d.document_id, d.kind
       FROM application, jsonb_to_recordset(CAST(:documents AS jsonb)) AS d(document_id uuid, kind varchar)
     ),${proposals.length > 0 ? KEEP_PROPOSALS : ''}
     ${events.ctes}
     SELECT reference FROM application`,
    {
      ...values,
      ...events.replacements,
      id,
      reference: draftId ? null : formatReference(await deps.nextApplicationNumber(transaction), deps.referenceKey),
      documents: JSON.stringify(attached.map((d) => ({ document_id: d.documentId, kind: d.kind }))),
      proposals: JSON.stringify(
        proposals.map((p) => ({ field: p.field, proposed_value: p.proposedValue, registry_value: p.registryValue })),
      ),
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
  return { result: application, events };
}
