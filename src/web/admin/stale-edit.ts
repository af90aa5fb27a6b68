/**
 * A form saved from a stale version (someone else saved in between): what the person typed, set beside
 * what is saved now for each field where the two differ, so they can decide to apply their typing again.
 */
import type { CodedLabel } from '../../modules/programs/index.js';
import { splitMembers, type OfficerGroupFormValues, type ProgramFormValues } from './forms.js';

export interface FieldComparison {
  /** The field's label on the form. */
  label: string;
  entered: string;
  saved: string;
}

/** What the page shows beside a form whose save was refused as stale. */
export interface StaleEdit {
  changes: FieldComparison[];
}

type ProgramField = Exclude<keyof ProgramFormValues, 'code' | 'version'>;

/** In the order the form shows them. */
const PROGRAM_LABELS: Record<ProgramField, string> = {
  name: 'Name',
  description: 'Description',
  currency: 'Currency',
  timeZone: 'Time zone',
  maxAmount: 'Maximum amount per application',
  voucherValidityDays: 'Voucher valid for (days)',
  treatmentTypes: 'Treatment types',
  reasonCodes: 'Reason codes',
};

function describe(value: string | CodedLabel[]): string {
  return typeof value === 'string' ? value : value.map((row) => `${row.code}: ${row.label}`).join('; ');
}

/** The fields that differ, each side worded for the page. */
function changedFields(fields: FieldComparison[]): StaleEdit {
  const shown = (text: string) => (text === '' ? '(empty)' : text);
  const changes = fields
    .map((field) => ({ ...field, entered: shown(field.entered), saved: shown(field.saved) }))
    .filter((field) => field.entered !== field.saved);
  return { changes };
}

export function compareProgramWithSaved(entered: ProgramFormValues, saved: ProgramFormValues): StaleEdit {
  return changedFields(
    (Object.keys(PROGRAM_LABELS) as ProgramField[]).map((field) => ({
      label: PROGRAM_LABELS[field],
      entered: describe(entered[field]),
      saved: describe(saved[field]),
    })),
  );
}

/** Members are compared as the list they make, however they were separated. */
export function compareGroupWithSaved(entered: OfficerGroupFormValues, saved: OfficerGroupFormValues): StaleEdit {
  return changedFields([
    { label: 'Name', entered: entered.name, saved: saved.name },
    { label: 'Members', entered: splitMembers(entered.members).join(', '), saved: splitMembers(saved.members).join(', ') },
  ]);
}
