/** Application rows and their API shapes. */
import type { components } from '../../generated/openapi.js';

export type Application = components['schemas']['Application'];
export type ApplicationInput = components['schemas']['ApplicationInput'];
export type ApplicationDraft = components['schemas']['ApplicationDraft'];
export type ApplicationDraftInput = components['schemas']['ApplicationDraftInput'];
export type ApplicationStatus = components['schemas']['ApplicationStatus'];
export type TimelineEntry = components['schemas']['TimelineEntry'];
export type AttachedDocument = components['schemas']['AttachedDocument'];
export type StageKind = components['schemas']['StageKind'];
export type Officer = components['schemas']['Officer'];
type CodedLabel = components['schemas']['CodedLabel'];
export type RegistryProposal = components['schemas']['RegistryProposal'];
export type RegistryProposalDecision = components['schemas']['RegistryProposalDecisionInput']['decision'];

/** What was submitted, frozen: later registry or program edits never change it. */
export type ApplicationSnapshot = Omit<
  Application,
  'id' | 'reference' | 'programId' | 'status' | 'timeline' | 'submittedAt' | 'assessedAmount'
>;

/** The program's stages when the application was submitted; decisions follow this list. */
export interface StageSnapshot {
  position: number;
  name: string;
  kind: StageKind;
  /** A user by subject, or a group by code. */
  officer: Pick<Officer, 'type' | 'ref'>;
  /** The stage's eligibility checklist as submitted; absent in snapshots taken before checklists existed. */
  checklist?: CodedLabel[];
}

export interface ApplicationRow {
  id: string;
  reference: string;
  program_id: string;
  registrant_id: string | null;
  applicant_subject: string;
  status: ApplicationStatus | 'DRAFT';
  draft: ApplicationDraftInput | null;
  snapshot: ApplicationSnapshot | null;
  stages: StageSnapshot[] | null;
  current_stage: number | null;
  submitted_at: Date | null;
  /** Decimal string; set by the assessment stage. */
  assessed_amount: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A decided stage as its applicant sees it: when, and the outcome in plain words (no officer's name). */
export interface StageOutcome {
  position: number;
  decision: 'approve' | 'reject';
  decidedAt: Date;
  outcome: string;
  /** The program's label of the reason, as the decision recorded it. */
  reason: string;
}

export function timelineOf(
  row: Pick<ApplicationRow, 'status' | 'stages' | 'current_stage'>,
  outcomes: readonly StageOutcome[] = [],
): TimelineEntry[] {
  return (row.stages ?? []).map((stage) => {
    const base = { position: stage.position, name: stage.name, kind: stage.kind };
    const decided = outcomes.find((o) => o.position === stage.position);
    if (decided) {
      const state = decided.decision === 'approve' ? 'approved' : 'rejected';
      return { ...base, state, decidedAt: decided.decidedAt.toISOString(), outcome: decided.outcome, reason: decided.reason };
    }
    return { ...base, state: stage.position === row.current_stage ? 'current' : 'waiting' };
  });
}

export function toApplication(
  row: Pick<ApplicationRow, 'id' | 'reference' | 'program_id' | 'status' | 'snapshot' | 'stages' | 'current_stage' | 'submitted_at'> &
    Partial<Pick<ApplicationRow, 'assessed_amount'>>,
  outcomes: readonly StageOutcome[] = [],
): Application {
  if (!row.snapshot || !row.submitted_at || row.status === 'DRAFT') throw new TypeError(`application ${row.id} has not been submitted`);
  return {
    id: row.id,
    reference: row.reference,
    programId: row.program_id,
    status: row.status,
    ...row.snapshot,
    timeline: timelineOf(row, outcomes),
    submittedAt: row.submitted_at.toISOString(),
    ...(row.assessed_amount ? { assessedAmount: row.assessed_amount } : {}),
  };
}

export function toDraft(row: ApplicationRow): ApplicationDraft {
  return {
    id: row.id,
    reference: row.reference,
    programId: row.program_id,
    status: 'DRAFT',
    data: row.draft ?? { programId: row.program_id },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A row of `application_registry_proposals` (JSON values as PostgreSQL returns them). */
export interface RegistryProposalRow {
  field: RegistryProposal['field'];
  proposed_value: RegistryProposal['proposedValue'];
  registry_value: RegistryProposal['registryValue'];
  decision: RegistryProposalDecision | null;
  decided_by_username: string | null;
  decided_by_subject: string | null;
  /** A Date from a row, a string from JSON built by the database. */
  decided_at: Date | string | null;
}

export function toRegistryProposal(row: RegistryProposalRow): RegistryProposal {
  const proposal: RegistryProposal = { field: row.field, proposedValue: row.proposed_value, registryValue: row.registry_value };
  if (row.decision === null || row.decided_at === null) return proposal;
  return {
    ...proposal,
    decision: row.decision,
    decidedBy: row.decided_by_username ?? row.decided_by_subject ?? '',
    decidedAt: new Date(row.decided_at).toISOString(),
  };
}
