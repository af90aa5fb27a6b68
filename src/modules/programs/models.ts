/** Rows of the programs tables and their API shapes. */
import type { components } from '../../generated/openapi.js';

export type Program = components['schemas']['Program'];
export type Stage = components['schemas']['Stage'];
export type NewStage = components['schemas']['NewStage'];
export type Officer = components['schemas']['Officer'];
export type OfficerInput = components['schemas']['OfficerInput'];
export type OfficerGroupMember = components['schemas']['OfficerGroupMember'];
export type CodedLabel = components['schemas']['CodedLabel'];
export type ProgramInput = components['schemas']['ProgramInput'];
export type ProgramPatch = components['schemas']['ProgramPatch'];
export type VoucherIssuance = components['schemas']['VoucherIssuance'];
export type StageInput = components['schemas']['StageInput'];
export type StagePatch = components['schemas']['StagePatch'];
export type OfficerGroup = components['schemas']['OfficerGroup'];
export type OfficerGroupInput = components['schemas']['OfficerGroupInput'];

export interface ProgramRow {
  id: string;
  code: string;
  name: string;
  description: string;
  currency: string;
  max_amount: string;
  voucher_validity_days: number;
  voucher_issuance: VoucherIssuance;
  /** An IANA time zone name. */
  time_zone: string;
  state: 'open' | 'closed';
  treatment_types: CodedLabel[];
  reason_codes: CodedLabel[];
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface StageRow {
  id: string;
  program_id: string;
  position: number;
  name: string;
  kind: 'review' | 'assessment';
  officer_type: 'user' | 'group';
  /** A user's subject, or a group's code. */
  officer_ref: string;
  checklist: CodedLabel[];
  /** Joined: the user's name as last checked, or the group's name; null when neither is known. */
  officer_display_name: string | null;
  /** Joined: the user's user name as last checked. */
  officer_username: string | null;
}

export interface OfficerGroupRow {
  code: string;
  name: string;
  version: number;
  /** Joined with `officers`, in the stored order. */
  members: Array<{ subject: string; username: string | null; display_name: string | null }>;
}

/** A user the provider did not know when the data was migrated is shown by what is stored. */
export function toOfficer(type: 'user' | 'group', ref: string, displayName: string | null, username: string | null): Officer {
  return { type, ref, displayName: displayName ?? ref, ...(username === null ? {} : { username }) };
}

/**
 * A program as an application snapshots it: its stages name their officers by subject or group code
 * only, which is all a decision needs; the names are for pages and the programs API.
 */
export type OpenProgram = Omit<Program, 'stages'> & { stages: StageDesignation[] };

export type StageDesignation = Omit<Stage, 'officer'> & { officer: Pick<Officer, 'type' | 'ref'> };

export function toStage(row: StageRow): Stage {
  return {
    id: row.id,
    position: row.position,
    name: row.name,
    kind: row.kind,
    officer: toOfficer(row.officer_type, row.officer_ref, row.officer_display_name, row.officer_username),
    checklist: row.checklist,
  };
}

export function toOfficerGroup(row: OfficerGroupRow): OfficerGroup {
  return {
    code: row.code,
    name: row.name,
    version: row.version,
    members: row.members.map((m) => ({
      subject: m.subject,
      displayName: m.display_name ?? m.subject,
      ...(m.username === null ? {} : { username: m.username }),
    })),
  };
}

export function toOpenProgram(row: ProgramRow, stages: Array<Omit<StageRow, 'officer_display_name' | 'officer_username'>>): OpenProgram {
  return {
    ...toProgram(row, []),
    stages: stages.map((s) => ({
      id: s.id,
      position: s.position,
      name: s.name,
      kind: s.kind,
      officer: { type: s.officer_type, ref: s.officer_ref },
      checklist: s.checklist,
    })),
  };
}

export function toProgram(row: ProgramRow, stages: StageRow[]): Program {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    currency: row.currency,
    maxAmount: row.max_amount,
    voucherValidityDays: row.voucher_validity_days,
    voucherIssuance: row.voucher_issuance,
    timeZone: row.time_zone,
    state: row.state,
    treatmentTypes: row.treatment_types,
    reasonCodes: row.reason_codes,
    stages: stages.map(toStage),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
