/**
 * The facility forms: registering a facility and linking a provider user by user name, checked against the
 * contract's ServiceProviderInput and ProviderUserLinkInput, as the API checks the same input.
 */
import type { ServiceProvider, ServiceProviderInput } from '../../modules/claims/index.js';
import type { SchemaValidator } from '../../platform/http/schema-validator.js';
import type { Translate } from '../../platform/i18n/catalogs.js';
import { check, text, type FormBody } from './forms.js';

export type FacilityKind = ServiceProvider['kind'];

/** The kinds in the order the form offers them, each with its words (locales/<lang>/admin.json). */
export const FACILITY_KINDS: ReadonlyArray<{ value: FacilityKind; key: string }> = [
  { value: 'hospital', key: 'admin.facility.kind.hospital' },
  { value: 'clinic', key: 'admin.facility.kind.clinic' },
  { value: 'pharmacy', key: 'admin.facility.kind.pharmacy' },
  { value: 'laboratory', key: 'admin.facility.kind.laboratory' },
  { value: 'other', key: 'admin.facility.kind.other' },
];

/** A kind in the page's words; a kind this page does not know, as stored. */
export function facilityKindShown(kind: string, t: Translate): string {
  const known = FACILITY_KINDS.find((entry) => entry.value === kind);
  return known ? t(known.key) : kind;
}

export interface FacilityFormValues {
  name: string;
  /** One of FACILITY_KINDS, or empty when none was chosen. */
  kind: string;
  region: string;
  paymentDetails: string;
}

export interface ProviderUserFormValues {
  username: string;
}

const FACILITY_HINTS: Record<string, string> = {
  name: 'admin.fix.facility.name',
  kind: 'admin.fix.facility.kind',
  region: 'admin.fix.facility.region',
  paymentDetails: 'admin.fix.facility.paymentDetails',
};

const PROVIDER_USER_HINTS: Record<string, string> = { username: 'admin.fix.facility.username' };

export function emptyFacilityForm(): FacilityFormValues {
  return { name: '', kind: '', region: '', paymentDetails: '' };
}

export function readFacilityForm(body: FormBody): FacilityFormValues {
  return {
    name: text(body, 'name'),
    kind: text(body, 'kind'),
    region: text(body, 'region'),
    // Several lines (a bank, a branch, an account) keep their breaks; only the ends are trimmed.
    paymentDetails: text(body, 'paymentDetails').replace(/\r\n/g, '\n'),
  };
}

export function toServiceProviderInput(values: FacilityFormValues, schemas: SchemaValidator, t: Translate): ServiceProviderInput {
  const input = { name: values.name, kind: values.kind, region: values.region, paymentDetails: values.paymentDetails };
  check(schemas, 'ServiceProviderInput', input, FACILITY_HINTS, t);
  return input as ServiceProviderInput;
}

export function readProviderUserForm(body: FormBody): ProviderUserFormValues {
  return { username: text(body, 'username') };
}

/** The user name to link, as the API's ProviderUserLinkInput checks it. */
export function toProviderUserLink(values: ProviderUserFormValues, schemas: SchemaValidator, t: Translate): string {
  check(schemas, 'ProviderUserLinkInput', { username: values.username }, PROVIDER_USER_HINTS, t);
  return values.username;
}
