/**
 * The approval state machine, whole: an application moves through the stages of its own stage list in
 * order. SUBMITTED → IN_REVIEW once a stage approves and more remain → ASSESSED once an assessment stage
 * set the amount and more remain → APPROVED after the last stage; any rejection ends it as REJECTED.
 * Pure functions: the caller holds the application's row lock while it asks them.
 */
import { AppError, type ErrorCode } from '../../platform/http/errors.js';
import type { ApplicationStatus, StageSnapshot } from '../applications/index.js';

export type StageDecisionKind = 'approve' | 'reject';

/** Statuses in which a stage waits for its decision. */
export const DECIDING_STATUSES = ['SUBMITTED', 'IN_REVIEW', 'ASSESSED'] as const satisfies readonly ApplicationStatus[];

export interface ApprovalState {
  status: ApplicationStatus;
  /** The position of the stage being decided; null once the approval has ended. */
  currentStage: number | null;
  /** Decimal string; set by the assessment stage. */
  assessedAmount?: string;
}

/** A conflict with where the application stands: the problem document carries `currentState`. */
export class StageConflictError extends AppError {
  constructor(code: Extract<ErrorCode, 'ERR_APPROVAL_FINISHED' | 'ERR_APPROVAL_NOT_CURRENT_STAGE'>, detail: string, state: ApprovalState) {
    super(code, { detail, extensions: { currentState: state } });
  }
}

function isDeciding(status: ApplicationStatus): boolean {
  return (DECIDING_STATUSES as readonly ApplicationStatus[]).includes(status);
}

/** The stage at `position` if it is the one to decide now; a 409 with the current state otherwise. */
export function stageToDecide(state: ApprovalState, stages: readonly StageSnapshot[], position: number): StageSnapshot {
  if (!isDeciding(state.status) || state.currentStage === null) {
    const ended = state.status === 'REJECTED' ? 'was rejected' : `is ${state.status.toLowerCase().replaceAll('_', ' ')}`;
    throw new StageConflictError('ERR_APPROVAL_FINISHED', `This application ${ended}; no stage is left to decide.`, state);
  }
  const stage = stages.find((s) => s.position === position);
  if (!stage || position !== state.currentStage) {
    const where = `the application waits at stage ${state.currentStage}`;
    const detail = !stage
      ? `This application has no stage ${position}; ${where}.`
      : position < state.currentStage
        ? `Stage ${position} is decided already; ${where}.`
        : `Stage ${position} comes later; ${where}.`;
    throw new StageConflictError('ERR_APPROVAL_NOT_CURRENT_STAGE', detail, state);
  }
  return stage;
}

/** Where a decision of the current `stage` takes the application. */
export function nextState(
  state: ApprovalState,
  stages: readonly StageSnapshot[],
  stage: StageSnapshot,
  decision: StageDecisionKind,
  amount?: string,
): ApprovalState {
  const assessedAmount = amount ?? state.assessedAmount;
  const kept = assessedAmount === undefined ? {} : { assessedAmount };
  if (decision === 'reject') return { status: 'REJECTED', currentStage: null, ...kept };
  const later = stages.filter((s) => s.position > stage.position).sort((a, b) => a.position - b.position);
  const [next] = later;
  if (!next) return { status: 'APPROVED', currentStage: null, ...kept };
  // Once assessed, a later review keeps the amount and the status that says so.
  const status = stage.kind === 'assessment' || state.status === 'ASSESSED' ? 'ASSESSED' : 'IN_REVIEW';
  return { status, currentStage: next.position, ...kept };
}
