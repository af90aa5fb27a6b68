/**
 * The "There is a problem" list of each admin form: its field messages in the order the form shows the
 * fields, each linked to the element the template gives that field (views/admin/_macros.njk).
 */
import { linkFieldErrors, type ErrorLink } from '../../platform/web/error-summary.js';
import type { FieldMessages } from './forms.js';

/** A message on the whole form (`form`) is told in the page's banner, not as a field. */
const WHOLE_FORM = 'form';

const PROGRAM_FIELDS = [
  'code',
  'name',
  'description',
  'currency',
  'maxAmount',
  'voucherValidityDays',
  'voucherIssuance',
  'timeZone',
  'treatmentTypes',
  'reasonCodes',
];

const PROGRAM_FIELD_IDS: Record<string, string> = {
  code: 'program-code',
  name: 'program-name',
  description: 'program-description',
  currency: 'program-currency',
  timeZone: 'program-time-zone',
  maxAmount: 'program-max-amount',
  voucherValidityDays: 'program-validity',
  voucherIssuance: 'program-voucher-issuance-manual',
};

/** The code/label lists: `treatmentTypes.2.label` is the input `treatmentType-2-label`. */
const CODED_LISTS: Record<string, string> = { treatmentTypes: 'treatmentType', reasonCodes: 'reasonCode' };

const STAGE_FIELDS = ['name', 'kind', 'officer', 'officer.type', 'officer.ref', 'checklist', 'position'];

const STAGE_FIELD_SUFFIXES: Record<string, string> = {
  name: 'name',
  kind: 'kind-review',
  officer: 'officer-type-user',
  'officer.type': 'officer-type-user',
  'officer.ref': 'officer-ref',
  position: 'position',
};

const GROUP_FIELDS = ['code', 'name', 'members'];

/** Messages sorted as the form lists its fields (by the first part of the key; rows keep their order). */
function inFormOrder(errors: FieldMessages, fields: string[]): FieldMessages {
  const rank = (key: string) => {
    const exact = fields.indexOf(key);
    const index = exact >= 0 ? exact : fields.indexOf(key.split('.')[0] ?? key);
    return index >= 0 ? index : fields.length;
  };
  const entries = Object.entries(errors).filter(([key]) => key !== WHOLE_FORM);
  return Object.fromEntries(entries.sort(([a], [b]) => rank(a) - rank(b)));
}

function programFieldId(key: string): string | undefined {
  const [list, row, part] = key.split('.');
  const prefix = list === undefined ? undefined : CODED_LISTS[list];
  if (prefix === undefined) return PROGRAM_FIELD_IDS[key];
  // The list as a whole (too few rows) is fixed in its first row.
  const index = row !== undefined && /^\d+$/.test(row) ? row : '0';
  return `${prefix}-${index}-${part === 'label' ? 'label' : 'code'}`;
}

export function linkProgramErrors(errors: FieldMessages): ErrorLink[] {
  return linkFieldErrors(inFormOrder(errors, PROGRAM_FIELDS), programFieldId);
}

/** `idPrefix` is the one the template gives the form's fields (`new-stage`, `stage-<id>`). */
export function linkStageErrors(idPrefix: string, errors: FieldMessages): ErrorLink[] {
  return linkFieldErrors(inFormOrder(errors, STAGE_FIELDS), (key) => {
    const [list, row, part] = key.split('.');
    // `checklist.2.label` is the input `<prefix>-checklist-2-label`; the list as a whole, its first row.
    if (list === 'checklist') return `${idPrefix}-checklist-${row ?? '0'}-${part === 'label' ? 'label' : 'code'}`;
    const suffix = STAGE_FIELD_SUFFIXES[key];
    return suffix === undefined ? undefined : `${idPrefix}-${suffix}`;
  });
}

export function linkGroupErrors(errors: FieldMessages): ErrorLink[] {
  return linkFieldErrors(inFormOrder(errors, GROUP_FIELDS), (key) => (GROUP_FIELDS.includes(key) ? `group-${key}` : undefined));
}

const REASSIGNMENT_FIELDS = ['officer', 'officer.type', 'officer.ref', 'scope', 'reference'];

const REASSIGNMENT_FIELD_IDS: Record<string, string> = {
  officer: 'reassign-officer-type-user',
  'officer.type': 'reassign-officer-type-user',
  'officer.ref': 'reassign-officer-ref',
  scope: 'reassign-scope-all',
  reference: 'reassign-reference',
};

export function linkReassignmentErrors(errors: FieldMessages): ErrorLink[] {
  return linkFieldErrors(inFormOrder(errors, REASSIGNMENT_FIELDS), (key) => REASSIGNMENT_FIELD_IDS[key]);
}

const VOUCHER_TEMPLATE_FIELDS = ['title', 'instructions', 'printedFields', 'language', 'logo'];

const VOUCHER_TEMPLATE_FIELD_IDS: Record<string, string> = {
  title: 'voucher-title',
  'instructions.beneficiary': 'voucher-beneficiary',
  'instructions.provider': 'voucher-provider',
  printedFields: 'voucher-field-name',
  language: 'voucher-language',
  logo: 'voucher-logo',
};

export function linkVoucherTemplateErrors(errors: FieldMessages): ErrorLink[] {
  return linkFieldErrors(inFormOrder(errors, VOUCHER_TEMPLATE_FIELDS), (key) =>
    key.startsWith('printedFields') ? VOUCHER_TEMPLATE_FIELD_IDS.printedFields : VOUCHER_TEMPLATE_FIELD_IDS[key],
  );
}

const FACILITY_FIELDS = ['name', 'kind', 'region', 'paymentDetails'];

const FACILITY_FIELD_IDS: Record<string, string> = {
  name: 'facility-name',
  kind: 'facility-kind',
  region: 'facility-region',
  paymentDetails: 'facility-payment-details',
};

export function linkFacilityErrors(errors: FieldMessages): ErrorLink[] {
  return linkFieldErrors(inFormOrder(errors, FACILITY_FIELDS), (key) => FACILITY_FIELD_IDS[key]);
}

/** The one field of the form that links a provider user to a facility. */
export function linkProviderUserErrors(errors: FieldMessages): ErrorLink[] {
  return linkFieldErrors(inFormOrder(errors, ['username']), (key) => (key === 'username' ? 'link-username' : undefined));
}

const ID_ISSUER_FIELDS = ['issuer', 'name', 'keys'];

/** `keys.2.publicKeyHex` is the input `id-issuer-key-2-hex`; the list as a whole, its first row. */
export function linkIdIssuerErrors(errors: FieldMessages): ErrorLink[] {
  return linkFieldErrors(inFormOrder(errors, ID_ISSUER_FIELDS), (key) => {
    const [first, row, part] = key.split('.');
    if (first === 'keys') return `id-issuer-key-${row ?? '0'}-${part === 'algorithm' ? 'algorithm' : 'hex'}`;
    return first === 'issuer' || first === 'name' ? `id-issuer-${first}` : undefined;
  });
}
