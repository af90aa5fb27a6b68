/**
 * Multi-stage approval: officers decide the stages of an application in order (approval-states.ts), and
 * find what waits for them in their work queue. Each operation has its own file; this binds them to
 * their dependencies for the routes, the pages and the applications module.
 */
import type { Sequelize } from 'sequelize';
import type { Principal } from '../../platform/auth/principal.js';
import type { CommandRunner } from '../../platform/db/command.js';
import type { Transaction } from '../../platform/db/sql.js';
import { decideStage, type DecideStageOptions } from './decide-stage.js';
import type { ApprovalsDeps, ProgramTerms } from './deps.js';
import { findWaitingApplication } from './find-waiting-application.js';
import { getProgramPipeline } from './get-program-pipeline.js';
import { holdFirstStage } from './hold-first-stage.js';
import { listDecisionsForApplicant } from './list-decisions-for-applicant.js';
import { listDocumentVerifications } from './list-document-verifications.js';
import { listWorkQueue, type ListWorkQueueOptions } from './list-work-queue.js';
import { listStageDecisions } from './list-stage-decisions.js';
import { findReferences } from './find-references.js';
import { findStageToDecide } from './find-stage-to-decide.js';
import { reassignStage, type ReassignStageOptions } from './reassign-stage.js';
import { verifyDocument, type VerifyDocumentOptions } from './verify-document.js';
import { stageOutcomesOf } from './stage-outcomes.js';

export type { DecideStageOptions, DecideStageResult } from './decide-stage.js';
export type { ProgramPipeline, PipelineStage } from './get-program-pipeline.js';
export type { WaitingApplication } from './find-waiting-application.js';
export type { ListWorkQueueOptions, ListWorkQueueResult } from './list-work-queue.js';
export type { OfficerStageDecision } from './list-stage-decisions.js';
export type { StageToDecide } from './find-stage-to-decide.js';
export type { ReassignStageOptions, ReassignStageResult } from './reassign-stage.js';
export type { VerifyDocumentOptions } from './verify-document.js';
export type { FirstStageHold } from './hold-first-stage.js';

export interface ApprovalsServiceOptions {
  sequelize: Sequelize;
  commands: CommandRunner;
  programs: ProgramTerms;
  now?: () => Date;
}

export function createApprovalsService(options: ApprovalsServiceOptions) {
  const deps: ApprovalsDeps = { ...options, now: options.now ?? (() => new Date()) };
  return {
    decideStage: (actor: Principal, decision: DecideStageOptions) => decideStage(deps, actor, decision),
    listWorkQueue: (actor: Principal, queue: ListWorkQueueOptions) => listWorkQueue(deps, actor, queue),
    listStageDecisions: (actor: Principal, applicationId: string) => listStageDecisions(deps, actor, applicationId),
    findReferences: (actor: Principal, applicationIds: string[]) => findReferences(deps, actor, applicationIds),
    findStageToDecide: (actor: Principal, applicationId: string) => findStageToDecide(deps, actor, applicationId),
    verifyDocument: (actor: Principal, verification: VerifyDocumentOptions) => verifyDocument(deps, actor, verification),
    /** Decisions and document verdicts on one applicant's applications, officers by display name: their own copy (the export). */
    listDecisionsForApplicant: (applicationIds: readonly string[]) => listDecisionsForApplicant(deps, applicationIds),
    listDocumentVerifications: (actor: Principal, applicationId: string) => listDocumentVerifications(deps, actor, applicationId),
    reassignStage: (actor: Principal, reassignment: ReassignStageOptions) => reassignStage(deps, actor, reassignment),
    getProgramPipeline: (actor: Principal, programId: string) => getProgramPipeline(deps, actor, programId),
    findWaitingApplication: (programId: string, reference: string) => findWaitingApplication(deps, programId, reference),
    stageOutcomesOf: (applicationIds: string[], transaction?: Transaction) => stageOutcomesOf(deps, applicationIds, transaction),
    /** In the caller's command: the application waiting at its first stage, locked, held by this officer. */
    holdFirstStage: (actor: Principal, applicationId: string, transaction: Transaction) =>
      holdFirstStage(deps, actor, applicationId, transaction),
  };
}

export type ApprovalsService = ReturnType<typeof createApprovalsService>;
