/** Rows of the programs tables and their API shapes. */
import type { components } from '../../generated/openapi.js';

export type Program = components['schemas']['Program'];
export type Stage = components['schemas']['Stage'];
export type NewStage = components['schemas']['NewStage'];
export type Officer = components['schemas']['Officer'];
export type CodedLabel = components['schemas']['CodedLabel'];
export type ProgramInput = components['schemas']['ProgramInput'];
export type ProgramPatch = components['schemas']['ProgramPatch'];
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
  officer_ref: string;
}

export function toStage(row: StageRow): Stage {
  return { id: row.id, position: row.position, name: row.name, kind: row.kind, officer: { type: row.officer_type, ref: row.officer_ref } };
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
    state: row.state,
    treatmentTypes: row.treatment_types,
    reasonCodes: row.reason_codes,
    stages: stages.map(toStage),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
