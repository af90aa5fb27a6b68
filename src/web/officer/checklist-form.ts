/**
 * The eligibility checklist of the decision form: one yes/no question per item of the stage's checklist
 * (the snapshot's words). The page asks for every answer before sending, and for words when approving
 * over a "no"; the service's own refusals of the same rules land on the same item.
 */
import type { StageToDecide } from '../../modules/approvals/index.js';
import type { AppError } from '../../platform/http/errors.js';
import { InputError } from '../../platform/http/errors.js';
import type { Translate } from '../../platform/i18n/catalogs.js';

export type ChecklistItem = StageToDecide['checklist'][number];
/** The answer typed for each item by its code: `yes`, `no`, or `''` when none was chosen. */
export type ChecklistAnswers = Record<string, '' | 'yes' | 'no'>;
/** A message by item code. */
export type ChecklistErrors = Record<string, string>;

/** The form field of an item: flat names, since the page's body parser does not nest. */
export const checklistFieldOf = (code: string) => `checklist-${code}`;

export function readChecklistAnswers(body: Record<string, unknown>, items: readonly ChecklistItem[]): ChecklistAnswers {
  return Object.fromEntries(
    items.map((item) => {
      const value = body[checklistFieldOf(item.code)];
      return [item.code, value === 'yes' || value === 'no' ? value : ''];
    }),
  );
}

export interface CheckedChecklist {
  items: ChecklistErrors;
  /** Set when an item is answered no and the officer approves without saying why. */
  reasonText?: string;
}

/** What the page refuses before asking the service: an unanswered item, or approving over a "no" without words. */
export function checkChecklistAnswers(
  answers: ChecklistAnswers,
  items: readonly ChecklistItem[],
  decision: { decision: string; reasonText: string },
  t: Translate,
): CheckedChecklist {
  const errors: ChecklistErrors = {};
  for (const item of items) {
    if (answers[item.code] === '') errors[item.code] = t('officer.error.checklistUnanswered', { item: item.label });
  }
  const no = items.find((item) => answers[item.code] === 'no');
  if (decision.decision === 'approve' && no && decision.reasonText === '') {
    return { items: errors, reasonText: t('officer.error.checklistNoReason', { item: no.label }) };
  }
  return { items: errors };
}

/** The answers as the service's input: `true` for yes, by item code. */
export function toChecklistInput(answers: ChecklistAnswers): Record<string, boolean> {
  return Object.fromEntries(Object.entries(answers).map(([code, answer]) => [code, answer === 'yes']));
}

/**
 * The item a checklist refusal of the service is about, with the words to show there; undefined for any
 * other refusal. An unanswered item is named by the refusal's field path (`/body/checklist/<code>`).
 */
export function explainChecklistRefusal(
  error: AppError,
  items: readonly ChecklistItem[],
  t: Translate,
): { items: ChecklistErrors; reasonText?: string } | undefined {
  if (error.code === 'ERR_APPROVAL_CHECKLIST_NO_REASON') return { items: {}, reasonText: t('officer.error.checklistNoReasonAny') };
  if (error.code !== 'ERR_APPROVAL_CHECKLIST_UNANSWERED') return undefined;
  const path = error instanceof InputError ? (error.fields[0]?.path ?? '') : '';
  const item = items.find((i) => path === `/body/checklist/${i.code}`) ?? items[0];
  if (!item) return undefined;
  return { items: { [item.code]: t('officer.error.checklistUnanswered', { item: item.label }) } };
}
