export {
  createApprovalsService,
  type ApprovalsService,
  type ApprovalsServiceOptions,
  type DecideStageResult,
  type PipelineStage,
  type ProgramPipeline,
  type ReassignStageResult,
  type WaitingApplication,
  type OfficerStageDecision,
  type StageToDecide,
  type FirstStageHold,
} from './service.js';
export type { ApplicantDecisionRecord, ApplicantDecisions, ApplicantDocumentVerdict } from './list-decisions-for-applicant.js';
export { DECIDING_STATUSES } from './approval-states.js';
export { createApprovalHandlers } from './routes.js';
export {
  addChecklistAnswersAndDocumentVerifications,
  addPipelineIndex,
  addWaitingOfficerColumns,
  createApplicationDecisions,
} from './migrations.js';
export type { StageDecision, StageDecisionInput, WorkQueueItem, WorkQueueStageCount } from './models.js';
export { eraseDecisionTexts } from './erase-decision-texts.js';
export { countWaitingByOfficer, findDecisionReason, type WaitingCount } from './find-notice-facts.js';
