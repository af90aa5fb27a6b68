/**
 * A program details form saved from a stale version: what the person typed, set beside what is saved
 * now for each field where the two differ, so they can decide to apply their typing again.
 */
import type { CodedLabel } from '../../modules/programs/index.js';
import type { ProgramFormValues } from './forms.js';

export interface FieldComparison {
  /** The field's label on the form. */
  label: string;
  entered: string;
  saved: string;
}

type ComparedField = Exclude<keyof ProgramFormValues, 'code' | 'version'>;

/** In the order the form shows them. */
const LABELS: Record<ComparedField, string> = {
  name: 'Name',
  description: 'Description',
  currency: 'Currency',
  maxAmount: 'Maximum amount per application',
  voucherValidityDays: 'Voucher valid for (days)',
  treatmentTypes: 'Treatment types',
  reasonCodes: 'Reason codes',
};

function describe(value: string | CodedLabel[]): string {
  const text = typeof value === 'string' ? value : value.map((row) => `${row.code}: ${row.label}`).join('; ');
  return text === '' ? '(empty)' : text;
}

export function compareWithSaved(entered: ProgramFormValues, saved: ProgramFormValues): FieldComparison[] {
  return (Object.keys(LABELS) as ComparedField[])
    .map((field) => ({ label: LABELS[field], entered: describe(entered[field]), saved: describe(saved[field]) }))
    .filter((comparison) => comparison.entered !== comparison.saved);
}
