/**
 * The decision form of the officer's application page: what it sends, the checks the page makes before
 * asking (a choice made, a well-formed amount), and each refusal of the approvals service put next to
 * the field it is about, in plain words. Refusals about no one field (the stage was decided meanwhile,
 * a rule of who decides) are said at the top of the form.
 */
import type { StageDecisionInput } from '../../modules/approvals/index.js';
import type { AppError } from '../../platform/http/errors.js';
import { InputError } from '../../platform/http/errors.js';
import type { Translate } from '../../platform/i18n/catalogs.js';

export const DECISION_FIELDS = ['decision', 'reasonCode', 'reasonText', 'amount', 'overrideReason'] as const;
export type DecisionField = (typeof DECISION_FIELDS)[number];
export type DecisionValues = Record<DecisionField, string>;
export type DecisionErrors = Partial<Record<DecisionField, string>>;

/** The contract's Money: up to twelve digits, at most two decimals, no sign. */
const MONEY = /^[0-9]{1,12}(\.[0-9]{1,2})?$/;

export interface DecisionLimits {
  /** The program's maximum and the estimated cost, formatted for the page. */
  maximum: string;
  estimatedCost: string;
}

export function readDecisionForm(body: Record<string, unknown>): DecisionValues {
  const field = (name: DecisionField) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');
  // Amounts typed with a thousands separator or a currency sign are what officers write: "1,100" is 1100.
  const amount = field('amount').replace(/[\s,]/g, '');
  return {
    decision: field('decision'),
    reasonCode: field('reasonCode'),
    reasonText: field('reasonText'),
    amount,
    overrideReason: field('overrideReason'),
  };
}

/** What the page refuses before asking the service: nothing chosen, or an amount that is not a number of money. */
export function checkDecisionForm(values: DecisionValues, assessment: boolean, t: Translate): DecisionErrors {
  const errors: DecisionErrors = {};
  if (values.decision !== 'approve' && values.decision !== 'reject') errors.decision = t('officer.error.decision');
  if (values.reasonCode === '') errors.reasonCode = t('officer.error.reasonCode');
  if (values.decision === 'reject' && values.reasonText === '') errors.reasonText = t('officer.error.reasonText');
  if (assessment && values.decision === 'approve') {
    if (values.amount === '') errors.amount = t('officer.error.amountRequired');
    else if (!MONEY.test(values.amount)) errors.amount = t('officer.error.amountFormat');
  }
  return errors;
}

/** The form as the service's input: an amount and override only where the officer typed them. */
export function toDecisionInput(values: DecisionValues): StageDecisionInput {
  return {
    decision: values.decision as StageDecisionInput['decision'],
    reasonCode: values.reasonCode,
    ...(values.reasonText ? { reasonText: values.reasonText } : {}),
    ...(values.amount ? { amount: values.amount } : {}),
    ...(values.overrideReason ? { overrideReason: values.overrideReason } : {}),
  };
}

/** Which field each refusal of the approvals service is about. */
const FIELD_OF_CODE: Record<string, DecisionField> = {
  ERR_APPROVAL_REASON_UNKNOWN: 'reasonCode',
  ERR_APPROVAL_REASON_TEXT_REQUIRED: 'reasonText',
  ERR_APPROVAL_AMOUNT_REQUIRED: 'amount',
  ERR_AMOUNT_NOT_POSITIVE: 'amount',
  ERR_APPROVAL_AMOUNT_OVER_MAXIMUM: 'amount',
  ERR_APPROVAL_AMOUNT_OVER_ESTIMATE: 'overrideReason',
};

export interface ExplainedRefusal {
  fields: DecisionErrors;
  /** Said at the top of the form when the refusal is about no one field. */
  general?: { title: string; explanation: string };
}

/** A refusal of the service in the officer's words: next to its field when it has one. */
export function explainRefusal(error: AppError, limits: DecisionLimits, t: Translate): ExplainedRefusal {
  if (error.code === 'ERR_APPROVAL_AMOUNT_NOT_ASSESSED_HERE') {
    const path = error instanceof InputError ? error.fields[0]?.path : undefined;
    return path?.endsWith('overrideReason')
      ? { fields: { overrideReason: t('officer.error.overrideNotHere') } }
      : { fields: { amount: t('officer.error.amountNotHere') } };
  }
  const field = FIELD_OF_CODE[error.code];
  if (field) {
    const words: Record<string, string> = {
      ERR_APPROVAL_REASON_UNKNOWN: t('officer.error.reasonCode'),
      ERR_APPROVAL_REASON_TEXT_REQUIRED: t('officer.error.reasonText'),
      ERR_APPROVAL_AMOUNT_REQUIRED: t('officer.error.amountRequired'),
      ERR_AMOUNT_NOT_POSITIVE: t('officer.error.amountNotPositive'),
      ERR_APPROVAL_AMOUNT_OVER_MAXIMUM: t('officer.error.amountOverMaximum', { maximum: limits.maximum }),
      ERR_APPROVAL_AMOUNT_OVER_ESTIMATE: t('officer.error.overEstimate', { cost: limits.estimatedCost }),
    };
    return { fields: { [field]: words[error.code] ?? t(`problem.${error.code}.explanation`) } };
  }
  return { fields: {}, general: { title: t(`problem.${error.code}.title`), explanation: t(`problem.${error.code}.explanation`) } };
}
