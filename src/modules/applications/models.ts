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
export type RegistryProposal = components['schemas']['RegistryProposal'];
export type RegistryProposalDecision = components['schemas']['RegistryProposalDecisionInput']['decision'];

/** What was submitted, frozen: later registry or program edits never change it. */
export type ApplicationSnapshot = Omit<Application, 'id' | 'reference' | 'programId' | 'status' | 'timeline' | 'submittedAt'>;

/** The program's stages when the application was submitted; decisions follow this list. */
export interface StageSnapshot {
  position: number;
  name: string;
  kind: StageKind;
  /** A user by subject, or a group by code. */
  officer: Pick<Officer, 'type' | 'ref'>;
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
  created_at: Date;
  updated_at: Date;
}

export function timelineOf(row: Pick<ApplicationRow, 'status' | 'stages' | 'current_stage'>): TimelineEntry[] {
  return (row.stages ?? []).map((stage) => {
    const current = row.current_stage ?? 1;
    let state: TimelineEntry['state'] = 'waiting';
    if (stage.position < current) state = 'approved';
    else if (stage.position === current) state = row.status === 'REJECTED' ? 'rejected' : 'current';
    return { position: stage.position, name: stage.name, kind: stage.kind, state };
  });
}

export function toApplication(
  row: Pick<ApplicationRow, 'id' | 'reference' | 'program_id' | 'status' | 'snapshot' | 'stages' | 'current_stage' | 'submitted_at'>,
): Application {
  if (!row.snapshot || !row.submitted_at || row.status === 'DRAFT') throw new TypeError(`application ${row.id} has not been submitted`);
  return {
    id: row.id,
    reference: row.reference,
    programId: row.program_id,
    status: row.status,
    ...row.snapshot,
    timeline: timelineOf(row),
    submittedAt: row.submitted_at.toISOString(),
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
