import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { AppError } from '../../../../src/platform/http/errors.js';
import { nextState, stageToDecide, type ApprovalState } from '../../../../src/modules/approvals/approval-states.js';
import { centsOf, moneyOf } from '../../../../src/modules/approvals/check-decision.js';
import type { StageSnapshot } from '../../../../src/modules/applications/index.js';

const stage = (position: number, kind: StageSnapshot['kind']): StageSnapshot => ({
  position,
  name: `Stage ${position}`,
  kind,
  officer: { type: 'user', ref: `officer-${position}` },
});

/** Approves every stage in order from submission, returning each state passed through. */
function approveAll(stages: StageSnapshot[]): ApprovalState[] {
  let state: ApprovalState = { status: 'SUBMITTED', currentStage: 1 };
  const seen: ApprovalState[] = [];
  for (const { position } of stages) {
    const current = stageToDecide(state, stages, position);
    state = nextState(state, stages, current, 'approve', current.kind === 'assessment' ? '100.00' : undefined);
    seen.push(state);
  }
  return seen;
}

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
  return undefined;
}

describe('the approval state machine', () => {
  it('goes SUBMITTED → IN_REVIEW → IN_REVIEW → APPROVED through review, review, assessment', () => {
    const seen = approveAll([stage(1, 'review'), stage(2, 'review'), stage(3, 'assessment')]);
    expect(seen).toEqual([
      { status: 'IN_REVIEW', currentStage: 2 },
      { status: 'IN_REVIEW', currentStage: 3 },
      { status: 'APPROVED', currentStage: null, assessedAmount: '100.00' },
    ]);
  });

  it('stays ASSESSED through a review after the assessment, keeping the amount', () => {
    const seen = approveAll([stage(1, 'assessment'), stage(2, 'review'), stage(3, 'review')]);
    expect(seen.map((s) => s.status)).toEqual(['ASSESSED', 'ASSESSED', 'APPROVED']);
    expect(seen.every((s) => s.assessedAmount === '100.00')).toBe(true);
  });

  it('ends at a rejection, after which no stage can be decided', () => {
    const stages = [stage(1, 'review'), stage(2, 'assessment')];
    const rejected = nextState({ status: 'SUBMITTED', currentStage: 1 }, stages, stage(1, 'review'), 'reject');
    expect(rejected).toEqual({ status: 'REJECTED', currentStage: null });
    expect(codeOf(() => stageToDecide(rejected, stages, 2))).toBe('ERR_APPROVAL_FINISHED');
  });

  it('takes only the current stage, for any position asked', () => {
    const stages = [stage(1, 'review'), stage(2, 'review'), stage(3, 'assessment')];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: -2, max: 40 }), (current, asked) => {
        const state: ApprovalState = { status: current === 1 ? 'SUBMITTED' : 'IN_REVIEW', currentStage: current };
        const code = codeOf(() => stageToDecide(state, stages, asked));
        expect(code).toBe(asked === current ? undefined : 'ERR_APPROVAL_NOT_CURRENT_STAGE');
      }),
    );
  });
});

describe('amounts in cents', () => {
  it('reads any two-decimal amount exactly and writes it back with two decimals', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 999_999_999_999_99n }), (cents) => {
        const text = moneyOf(cents);
        expect(text).toMatch(/^\d+\.\d{2}$/);
        expect(centsOf(text)).toBe(cents);
      }),
    );
    expect(centsOf('1200.5')).toBe(120050n);
    expect(centsOf('7')).toBe(700n);
  });
});
