/** Decision rows and their API shapes. */
import type { components } from '../../generated/openapi.js';
import type { StageDecisionKind } from './approval-states.js';

export type StageDecision = components['schemas']['StageDecision'];
export type StageDecisionInput = components['schemas']['StageDecisionInput'];
export type WorkQueueItem = components['schemas']['WorkQueueItem'];
export type WorkQueueStageCount = components['schemas']['WorkQueueStageCount'];
export type DocumentVerification = components['schemas']['DocumentVerification'];
export type DocumentVerificationInput = components['schemas']['DocumentVerificationInput'];

/** A row of `application_decisions` (numeric columns as PostgreSQL returns them: strings). */
export interface DecisionRow {
  application_id: string;
  stage_position: number;
  stage_kind: 'review' | 'assessment';
  officer_subject: string;
  officer_display_name: string;
  decided_at: Date;
  decision: StageDecisionKind;
  reason_code: string;
  reason_label: string;
  reason_text: string | null;
  amount: string | null;
  currency: string | null;
  override_reason: string | null;
}
