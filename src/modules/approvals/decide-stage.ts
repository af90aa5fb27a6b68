import type { Principal } from '../../platform/auth/principal.js';
import type { DomainEvent } from '../../platform/db/command.js';
import { selectRows } from '../../platform/db/sql.js';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.js';
import { isDesignated, lockApplication, stateOf } from './application-lock.js';
import { nextState, stageToDecide } from './approval-states.js';
import { checkDecision } from './check-decision.js';
import type { ApprovalsDeps } from './deps.js';
import type { StageDecision, StageDecisionInput } from './models.js';
import { checkSeparationOfDuties } from './separation-of-duties.js';

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
    async (transaction, context) => {
      const application = await lockApplication(deps, actor, id, transaction);
      const state = stateOf(application);
      const stage = stageToDecide(state, application.stages, position);
      if (!(await isDesignated(deps, actor, stage, transaction))) {
        throw new ForbiddenError(
          `You are not the designated officer of stage ${position} of this application.`,
          'ERR_APPROVAL_NOT_DESIGNATED',
        );
      }
      await checkSeparationOfDuties(deps, actor, { id, applicantSubject: application.applicant_subject }, transaction);
      const terms = await deps.programs.findDecisionTerms(application.program_id, transaction);
      if (!terms) throw new NotFoundError('The program of this application no longer exists.');
      const checked = checkDecision(input, stage, terms, { estimatedCost: application.estimated_cost, currency: application.currency });
      const next = nextState(state, application.stages, stage, input.decision, checked.amount);
      const decidedAt = deps.now();
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
          // Item codes and yes/no: the program's words, never the applicant's.
          checklist: checked.checklist,
          ...(checked.amount ? { amount: checked.amount, currency: terms.currency, override: checked.overrideReason !== undefined } : {}),
          status: next.status,
        },
      };
      const events = context.inlineEvents([event]);
      // The decision, the application's move and their record in one statement: one round trip while the row is locked.
      await selectRows(
        deps.sequelize,
        `WITH decision AS (
           INSERT INTO application_decisions (application_id, stage_position, stage_kind, officer_subject, officer_display_name,
             decided_at, decision, reason_code, reason_label, reason_text, amount, currency, override_reason, checklist)
           VALUES (:id, :position, :kind, :subject, :displayName, :decidedAt, :decision, :reasonCode, :reasonLabel, :reasonText,
             :amount, :currency, :overrideReason, CAST(:checklist AS jsonb))
         ),
         moved AS (
           UPDATE applications SET status = :status, current_stage = :currentStage, assessed_amount = :assessedAmount,
             waiting_since = :decidedAt, updated_at = :decidedAt, version = version + 1
           WHERE id = :id
         ),
         ${events.ctes}
         SELECT count(*) AS written FROM event_audit`,
        {
          ...events.replacements,
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
          checklist: JSON.stringify(checked.checklist),
          status: next.status,
          currentStage: next.currentStage,
          assessedAmount: next.assessedAmount ?? null,
        },
        transaction,
      );
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
        checklist: checked.checklist,
        decidedBy: { subject: actor.subject, displayName: actor.displayName },
        decidedAt: decidedAt.toISOString(),
        currentState: next,
      };
      return { result: decision, events };
    },
  );
  return { decision: result, replayed };
}
