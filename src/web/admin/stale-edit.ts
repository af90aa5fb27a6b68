/**
 * A form saved from a stale version (someone else saved in between): what the person typed, set beside
 * what is saved now for each field where the two differ, so they can decide to apply their typing again.
 */
import type { CodedLabel } from '../../modules/programs/index.js';
import type { Translate } from '../../platform/i18n/catalogs.js';
import { splitMembers, type OfficerGroupFormValues, type ProgramFormValues } from './forms.js';
import type { IdIssuerFormValues } from './id-issuer-forms.js';

export interface FieldComparison {
  /** The field's label on the form, in the page's language. */
  label: string;
  entered: string;
  saved: string;
}

/** What the page shows beside a form whose save was refused as stale. */
export interface StaleEdit {
  changes: FieldComparison[];
}

type ProgramField = Exclude<keyof ProgramFormValues, 'code' | 'version'>;

/** In the order the form shows them; the keys of their labels (views/admin/_macros.njk). */
const PROGRAM_LABELS: Record<ProgramField, string> = {
  name: 'admin.program.name',
  description: 'admin.program.description',
  currency: 'admin.program.currency',
  timeZone: 'admin.program.timeZone',
  maxAmount: 'admin.program.maxAmount',
  voucherValidityDays: 'admin.program.voucherValidityDays',
  voucherIssuance: 'admin.program.voucherIssuance',
  treatmentTypes: 'admin.program.treatmentTypes',
  reasonCodes: 'admin.program.reasonCodes',
};

function describe(value: string | CodedLabel[]): string {
  return typeof value === 'string' ? value : value.map((row) => `${row.code}: ${row.label}`).join('; ');
}

/** The choice as the form words it, not its code. */
function describeIssuance(value: string, t: Translate): string {
  if (value === 'manual') return t('admin.program.voucherIssuance.manual');
  if (value === 'on-approval') return t('admin.program.voucherIssuance.onApproval');
  return value;
}

/** The fields that differ, each side worded for the page. */
function changedFields(fields: FieldComparison[], t: Translate): StaleEdit {
  const empty = t('admin.stale.empty');
  const shown = (text: string) => (text === '' ? empty : text);
  const changes = fields
    .map((field) => ({ ...field, entered: shown(field.entered), saved: shown(field.saved) }))
    .filter((field) => field.entered !== field.saved);
  return { changes };
}

export function compareProgramWithSaved(entered: ProgramFormValues, saved: ProgramFormValues, t: Translate): StaleEdit {
  return changedFields(
    (Object.keys(PROGRAM_LABELS) as ProgramField[]).map((field) => ({
      label: t(PROGRAM_LABELS[field]),
      entered: field === 'voucherIssuance' ? describeIssuance(entered.voucherIssuance, t) : describe(entered[field]),
      saved: field === 'voucherIssuance' ? describeIssuance(saved.voucherIssuance, t) : describe(saved[field]),
    })),
    t,
  );
}

/** Members are compared as the list they make, however they were separated. */
export function compareGroupWithSaved(entered: OfficerGroupFormValues, saved: OfficerGroupFormValues, t: Translate): StaleEdit {
  const list = (members: string) => splitMembers(members).join(t('admin.groups.memberSeparator'));
  return changedFields(
    [
      { label: t('admin.group.name'), entered: entered.name, saved: saved.name },
      { label: t('admin.group.members'), entered: list(entered.members), saved: list(saved.members) },
    ],
    t,
  );
}

/** Keys are compared as the list they make: each algorithm and key, in order. */
export function compareIdIssuerWithSaved(entered: IdIssuerFormValues, saved: IdIssuerFormValues, t: Translate): StaleEdit {
  const keys = (values: IdIssuerFormValues) =>
    values.keys.map((key) => `${key.algorithm} ${key.publicKeyHex.toLowerCase()}`).join(t('admin.groups.memberSeparator'));
  return changedFields(
    [
      { label: t('admin.idIssuer.name'), entered: entered.name, saved: saved.name },
      { label: t('admin.idIssuer.keys'), entered: keys(entered), saved: keys(saved) },
    ],
    t,
  );
}
