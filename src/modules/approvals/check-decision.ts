/**
 * What a decision must say, given its stage and the program's terms: a reason code of the program, a
 * reason in words for a rejection and for an override, and for an approved assessment an amount in the
 * program's currency, above zero, at most the maximum and at most the estimated cost unless overridden.
 * Amounts are compared in cents as integers, never as binary floating point.
 */
import { InputError, UnprocessableError } from '../../platform/http/errors.js';
import type { StageSnapshot } from '../applications/index.js';
import type { DecisionTerms } from '../programs/index.js';
import type { StageDecisionInput } from './models.js';

export interface CheckedDecision {
  reasonLabel: string;
  reasonText: string | undefined;
  /** Two decimals, set only for an approved assessment. */
  amount: string | undefined;
  overrideReason: string | undefined;
  /** The answer to each item of the stage's checklist, in the checklist's order. */
  checklist: Record<string, boolean>;
}

/**
 * Every item of the stage's checklist answered, and nothing else; approving over a "no" needs the reason
 * in words (the officer may judge a criterion outweighed, but says why).
 */
function checkChecklistAnswers(input: StageDecisionInput, stage: StageSnapshot, reasonText: string | undefined): Record<string, boolean> {
  const items = stage.checklist ?? [];
  const answers = input.checklist ?? {};
  const unknown = Object.keys(answers).find((code) => !items.some((item) => item.code === code));
  if (unknown !== undefined) {
    throw new InputError(
      `“${unknown}” is not an item of this stage's checklist.`,
      [{ path: `/body/checklist/${unknown}`, message: "is not an item of this stage's checklist" }],
      'ERR_APPROVAL_CHECKLIST_ITEM_UNKNOWN',
    );
  }
  const unanswered = items.find((item) => answers[item.code] === undefined);
  if (unanswered) {
    throw new InputError(
      `Answer “${unanswered.label}” (${unanswered.code}) of this stage's checklist.`,
      [{ path: `/body/checklist/${unanswered.code}`, message: 'is not answered' }],
      'ERR_APPROVAL_CHECKLIST_UNANSWERED',
    );
  }
  const no = items.find((item) => answers[item.code] === false);
  if (input.decision === 'approve' && no && !reasonText) {
    throw new InputError(
      `“${no.label}” (${no.code}) is answered no; say in words why the stage is approved anyway.`,
      [{ path: '/body/reasonText', message: 'is required to approve with a checklist item answered no' }],
      'ERR_APPROVAL_CHECKLIST_NO_REASON',
    );
  }
  return Object.fromEntries(items.map((item) => [item.code, answers[item.code] === true]));
}

/** `"1200.5"` → 120050n. The contract's Money pattern has already been checked. */
export function centsOf(money: string): bigint {
  const [units = '0', fraction = ''] = money.split('.');
  return BigInt(units) * 100n + BigInt(fraction.padEnd(2, '0'));
}

export function moneyOf(cents: bigint): string {
  return `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;
}

function present(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

export function checkDecision(
  input: StageDecisionInput,
  stage: StageSnapshot,
  terms: DecisionTerms,
  application: { estimatedCost: string; currency: string },
): CheckedDecision {
  const reason = terms.reasonCodes.find((r) => r.code === input.reasonCode);
  if (!reason) {
    throw new InputError(
      `“${input.reasonCode}” is not one of the program's reason codes: ${terms.reasonCodes.map((r) => r.code).join(', ')}.`,
      [{ path: '/body/reasonCode', message: "is not one of the program's reason codes" }],
      'ERR_APPROVAL_REASON_UNKNOWN',
    );
  }
  const reasonText = present(input.reasonText);
  const overrideReason = present(input.overrideReason);
  if (input.decision === 'reject' && !reasonText) {
    throw new InputError(
      'A rejection says why in words.',
      [{ path: '/body/reasonText', message: 'is required for a rejection' }],
      'ERR_APPROVAL_REASON_TEXT_REQUIRED',
    );
  }
  const checklist = checkChecklistAnswers(input, stage, reasonText);
  const setsAmount = input.decision === 'approve' && stage.kind === 'assessment';
  if (!setsAmount) {
    if (input.amount !== undefined || overrideReason !== undefined) {
      const field = input.amount !== undefined ? 'amount' : 'overrideReason';
      throw new InputError(
        'Only approving an assessment stage sets an amount.',
        [{ path: `/body/${field}`, message: 'is only for approving an assessment stage' }],
        'ERR_APPROVAL_AMOUNT_NOT_ASSESSED_HERE',
      );
    }
    return { reasonLabel: reason.label, reasonText, amount: undefined, overrideReason: undefined, checklist };
  }
  if (input.amount === undefined) {
    throw new InputError(
      'Approving an assessment stage sets the amount.',
      [{ path: '/body/amount', message: 'is required to approve an assessment stage' }],
      'ERR_APPROVAL_AMOUNT_REQUIRED',
    );
  }
  const cents = centsOf(input.amount);
  const amount = moneyOf(cents);
  if (cents <= 0n) {
    throw new InputError(
      'The amount must be more than zero.',
      [{ path: '/body/amount', message: 'must be more than zero' }],
      'ERR_AMOUNT_NOT_POSITIVE',
    );
  }
  if (cents > centsOf(terms.maxAmount)) {
    throw new UnprocessableError(
      `${amount} ${terms.currency} is above the program's maximum of ${terms.maxAmount} ${terms.currency}.`,
      'ERR_APPROVAL_AMOUNT_OVER_MAXIMUM',
    );
  }
  if (cents > centsOf(application.estimatedCost) && !overrideReason) {
    throw new UnprocessableError(
      `${amount} ${terms.currency} is above the estimated cost of ${application.estimatedCost} ${application.currency}; ` +
        'give an override reason or lower the amount.',
      'ERR_APPROVAL_AMOUNT_OVER_ESTIMATE',
    );
  }
  return { reasonLabel: reason.label, reasonText, amount, overrideReason, checklist };
}
