import type { Principal } from '../../platform/auth/principal.js';
import type { DomainEvent } from '../../platform/db/command.js';
import type { Transaction } from '../../platform/db/sql.js';
import { execute, selectOne, selectRows } from '../../platform/db/sql.js';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.js';
import { visibility, type ApplicationStatus, type StageSnapshot } from '../applications/index.js';
import { nextState, stageToDecide, type ApprovalState } from './approval-states.js';
import { checkDecision } from './check-decision.js';
import type { ApprovalsDeps } from './deps.js';
import type { StageDecision, StageDecisionInput } from './models.js';
import { checkSeparationOfDuties, type DecidedStage } from './separation-of-duties.js';

export interface DecideStageOptions {
  applicationId: string;
  position: number;
  input: StageDecisionInput;
  idempotencyKey?: string;
}

export interface DecideStageResult {
  decision: StageDecision;
  /** True when an Idempotency-Key replayed an earlier decision. */
  replayed: boolean;
}

interface LockedApplication {
  id: string;
  program_id: string;
  applicant_subject: string;
  status: ApplicationStatus;
  stages: StageSnapshot[];
  current_stage: number | null;
  estimated_cost: string;
  currency: string;
  assessed_amount: string | null;
}

/**
 * The application row, locked until the command ends: decisions of one application take turns, so the
 * second of two at once sees the first one's outcome (and is refused with the state it met).
 */
async function lockApplication(deps: ApprovalsDeps, actor: Principal, id: string, transaction: Transaction): Promise<LockedApplication> {
  const { clause, replacements } = visibility(actor);
  const row = await selectOne<LockedApplication>(
    deps.sequelize,
    `SELECT a.id, a.program_id, a.applicant_subject, a.status, a.stages, a.current_stage, a.estimated_cost, a.currency, a.assessed_amount
     FROM applications a WHERE a.id = :id AND a.status <> 'DRAFT' AND ${clause} FOR UPDATE OF a`,
    { ...replacements, id },
    transaction,
  );
  // An application the caller may not see answers like a missing one.
  if (!row) throw new NotFoundError('No application with that id.');
  return row;
}

function stateOf(row: Pick<LockedApplication, 'status' | 'current_stage' | 'assessed_amount'>): ApprovalState {
  return { status: row.status, currentStage: row.current_stage, ...(row.assessed_amount ? { assessedAmount: row.assessed_amount } : {}) };
}

async function isDesignated(deps: ApprovalsDeps, actor: Principal, stage: StageSnapshot, transaction: Transaction): Promise<boolean> {
  if (stage.officer.type === 'user') return stage.officer.ref === actor.subject;
  return (await deps.programs.officerGroupsOf(actor.subject, transaction)).includes(stage.officer.ref);
}

/**
 * The designated officer of the application's current stage approves or rejects it, with a reason (and
 * for an assessment, the amount). One command: the row is locked, the rules are checked in order
 * (visible → stage current → designated → separation of duties → what the decision says), the decision
 * is appended and the application moves on, with one audit and outbox event holding ids, codes and amounts.
 */
export async function decideStage(deps: ApprovalsDeps, actor: Principal, options: DecideStageOptions): Promise<DecideStageResult> {
  const { applicationId: id, position, input } = options;
  const { result, replayed } = await deps.commands.runIdempotent(
    actor,
    { key: options.idempotencyKey, operation: 'decideStage', request: { id, position, input } },
    async (transaction) => {
      const application = await lockApplication(deps, actor, id, transaction);
      const state = stateOf(application);
      const stage = stageToDecide(state, application.stages, position);
      if (!(await isDesignated(deps, actor, stage, transaction))) {
        throw new ForbiddenError(
          `You are not the designated officer of stage ${position} of this application.`,
          'ERR_APPROVAL_NOT_DESIGNATED',
        );
      }
      const decided = await selectRows<DecidedStage>(
        deps.sequelize,
        'SELECT stage_position AS position, officer_subject AS "officerSubject" FROM application_decisions WHERE application_id = :id',
        { id },
        transaction,
      );
      await checkSeparationOfDuties(deps, actor, { id, applicantSubject: application.applicant_subject }, decided, transaction);
      const terms = await deps.programs.findDecisionTerms(application.program_id, transaction);
      if (!terms) throw new NotFoundError('The program of this application no longer exists.');
      const checked = checkDecision(input, stage, terms, { estimatedCost: application.estimated_cost, currency: application.currency });
      const next = nextState(state, application.stages, stage, input.decision, checked.amount);
      const decidedAt = deps.now();
      await execute(
        deps.sequelize,
        `INSERT INTO application_decisions (application_id, stage_position, stage_kind, officer_subject, officer_display_name, decided_at,
           decision, reason_code, reason_label, reason_text, amount, currency, override_reason)
         VALUES (:id, :position, :kind, :subject, :displayName, :decidedAt, :decision, :reasonCode, :reasonLabel, :reasonText,
           :amount, :currency, :overrideReason)`,
        {
          id,
          position,
          kind: stage.kind,
          subject: actor.subject,
          displayName: actor.displayName,
          decidedAt,
          decision: input.decision,
          reasonCode: input.reasonCode,
          reasonLabel: checked.reasonLabel,
          reasonText: checked.reasonText ?? null,
          amount: checked.amount ?? null,
          currency: checked.amount ? terms.currency : null,
          overrideReason: checked.overrideReason ?? null,
        },
        transaction,
      );
      await execute(
        deps.sequelize,
        `UPDATE applications SET status = :status, current_stage = :currentStage, assessed_amount = :assessedAmount,
           waiting_since = :decidedAt, updated_at = :decidedAt, version = version + 1
         WHERE id = :id`,
        { id, status: next.status, currentStage: next.currentStage, assessedAmount: next.assessedAmount ?? null, decidedAt },
        transaction,
      );
      const event: DomainEvent = {
        type: 'application.stage-decided',
        aggregateType: 'application',
        aggregateId: id,
        // Ids, codes and amounts only: the reason in words may name people.
        payload: {
          programId: application.program_id,
          position,
          stageKind: stage.kind,
          decision: input.decision,
          reasonCode: input.reasonCode,
          ...(checked.amount ? { amount: checked.amount, currency: terms.currency, override: checked.overrideReason !== undefined } : {}),
          status: next.status,
        },
      };
      const decision: StageDecision = {
        applicationId: id,
        position,
        stageName: stage.name,
        stageKind: stage.kind,
        decision: input.decision,
        reasonCode: input.reasonCode,
        ...(checked.reasonText ? { reasonText: checked.reasonText } : {}),
        ...(checked.amount ? { amount: checked.amount, currency: terms.currency } : {}),
        ...(checked.overrideReason ? { overrideReason: checked.overrideReason } : {}),
        decidedBy: { subject: actor.subject, displayName: actor.displayName },
        decidedAt: decidedAt.toISOString(),
        currentState: next,
      };
      return { result: decision, events: [event] };
    },
  );
  return { decision: result, replayed };
}
