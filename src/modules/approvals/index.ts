export { createApprovalsService, type ApprovalsService, type ApprovalsServiceOptions } from './service.js';
export { createApprovalHandlers } from './routes.js';
export { addChecklistAnswersAndDocumentVerifications, createApplicationDecisions } from './migrations.js';
export type { StageDecision, StageDecisionInput, WorkQueueItem, WorkQueueStageCount } from './models.js';
