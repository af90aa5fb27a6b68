/**
 * The apply flow's forms: what each step reads from a posted form, what it shows from the saved draft,
 * and how its answers merge into the draft. Pure functions: step-checks.ts checks the answers against
 * the contract, and the page routes do the saving.
 */
import type { ApplicationDraftInput } from '../../modules/applications/index.js';
import type { Translate } from '../../platform/i18n/catalogs.js';

export type DraftData = ApplicationDraftInput;
export type FamilyMemberDraft = NonNullable<DraftData['familyMembers']>[number];
export type FormBody = Record<string, unknown>;

// The answers the contract's enums allow (Gender, FamilyMemberInput.relation); their labels are the catalog's
// `ssp.gender.<code>` and `ssp.relation.<code>` (present.ts). test/unit/web/ssp/step-checks.test.ts keeps the
// codes equal to the contract's.
export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;

export const RELATIONS = ['spouse', 'child', 'parent', 'sibling', 'other'] as const;

/** PaymentAccountKind; its labels are the catalog's `ssp.paymentAccountKind.<code>`. */
export const PAYMENT_ACCOUNT_KINDS = ['bank', 'mobile-money'] as const;

/** A posted field as trimmed text; a repeated or missing field reads as its first value or ''. */
export function readField(body: FormBody | undefined, name: string): string {
  const value = body?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}

/** Drops empty answers, so a draft holds only what the person gave (and `required` names the rest). */
export function compact<T extends Record<string, string | undefined>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

// ---------------------------------------------------------------------------------------------
// Amounts

/**
 * A cost as people type it (`1200`, `1200.50`, `1,200.50`, `1 200`, `1200,50`) as the contract's decimal
 * text (`1200.50`), never a binary float. Text it cannot read is kept as typed, for the contract's
 * `Money` schema to refuse.
 */
export function normalizeAmount(text: string): string {
  let value = text.replace(/[\s\u00a0]/g, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(value)) value = value.replaceAll(',', '');
  else if (/^\d+,\d{1,2}$/.test(value)) value = value.replace(',', '.');
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) return text;
  const whole = (match[1] ?? '').replace(/^0+(?=\d)/, '');
  return match[2] === undefined ? whole : `${whole}.${match[2]}`;
}

/** Why a cost was refused, in words that say what to change. */
export function describeAmountProblem(text: string, t: Translate): string {
  const value = normalizeAmount(text);
  if (value.startsWith('-') || /^0+(\.0+)?$/.test(value)) return t('ssp.cost.notPositive');
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) return t('ssp.cost.notNumber');
  if ((match[2]?.length ?? 0) > 2) return t('ssp.cost.tooManyDecimals');
  return t('ssp.cost.tooLarge');
}

// ---------------------------------------------------------------------------------------------
// Step 1: the treatment

export interface TreatmentValues {
  type: string;
  description: string;
  estimatedCost: string;
  facility: string;
}

export function readTreatmentForm(body: FormBody | undefined): TreatmentValues {
  return {
    type: readField(body, 'type'),
    description: readField(body, 'description'),
    estimatedCost: readField(body, 'estimatedCost'),
    facility: readField(body, 'facility'),
  };
}

export function readSavedTreatment(data: DraftData): TreatmentValues {
  const t = data.treatment ?? {};
  return { type: t.type ?? '', description: t.description ?? '', estimatedCost: t.estimatedCost ?? '', facility: t.facility ?? '' };
}

/** The draft with this step's answers; the cost is stored as decimal text in the program's currency. */
export function mergeTreatment(data: DraftData, values: TreatmentValues, currency: string | undefined): DraftData {
  return {
    ...data,
    treatment: compact({
      type: values.type,
      description: values.description,
      estimatedCost: normalizeAmount(values.estimatedCost),
      currency: currency ?? data.treatment?.currency,
      facility: values.facility,
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Step 2: the person

export interface PersonValues {
  givenName: string;
  familyName: string;
  gender: string;
  birthDate: string;
  occupation: string;
  phone: string;
  email: string;
  /** The payment account's three parts, one form field each; the draft holds them as `paymentAccount`. */
  paymentAccountKind: string;
  paymentAccountNumber: string;
  paymentAccountProvider: string;
}

const OWN_FIELDS = ['givenName', 'familyName', 'gender', 'birthDate', 'occupation', 'phone', 'email'] as const;
export const PAYMENT_ACCOUNT_FIELDS = ['paymentAccountKind', 'paymentAccountNumber', 'paymentAccountProvider'] as const;
/** The step's form fields, in the form's order. */
export const PERSON_FIELDS = [...OWN_FIELDS, ...PAYMENT_ACCOUNT_FIELDS] as const;

export function readPersonForm(body: FormBody | undefined): PersonValues {
  return Object.fromEntries(PERSON_FIELDS.map((name) => [name, readField(body, name)])) as unknown as PersonValues;
}

/** What the draft holds; on a first visit, the names and email the account already knows. */
export function readSavedPerson(
  data: DraftData,
  account: { givenName?: string | undefined; familyName?: string | undefined; email?: string | undefined },
): PersonValues {
  const a = data.applicant ?? {};
  const firstVisit = OWN_FIELDS.every((name) => a[name] === undefined) && a.paymentAccount === undefined;
  return {
    givenName: a.givenName ?? (firstVisit ? (account.givenName ?? '') : ''),
    familyName: a.familyName ?? (firstVisit ? (account.familyName ?? '') : ''),
    gender: a.gender ?? '',
    birthDate: a.birthDate ?? '',
    occupation: a.occupation ?? '',
    phone: a.phone ?? '',
    email: a.email ?? (firstVisit ? (account.email ?? '') : ''),
    paymentAccountKind: a.paymentAccount?.kind ?? '',
    paymentAccountNumber: a.paymentAccount?.number ?? '',
    paymentAccountProvider: a.paymentAccount?.provider ?? '',
  };
}

/** The draft with this step's answers; a payment account only when any of its parts was given. */
export function mergePerson(data: DraftData, values: PersonValues): DraftData {
  const address = data.applicant?.address;
  const { paymentAccountKind, paymentAccountNumber, paymentAccountProvider, ...own } = values;
  const paymentAccount = compact({
    kind: paymentAccountKind,
    // Spaces as typed, but one at a time: a double space is a slip, not a wish the contract refuses.
    number: paymentAccountNumber.replace(/\s+/g, ' '),
    provider: paymentAccountProvider,
  });
  return {
    ...data,
    applicant: {
      ...compact({ ...own }),
      ...(Object.keys(paymentAccount).length > 0 ? { paymentAccount } : {}),
      ...(address ? { address } : {}),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Step 3: the address

export interface AddressValues {
  region: string;
  district: string;
  locality: string;
  line: string;
}

export function readAddressForm(body: FormBody | undefined): AddressValues {
  return {
    region: readField(body, 'region'),
    district: readField(body, 'district'),
    locality: readField(body, 'locality'),
    line: readField(body, 'line'),
  };
}

export function readSavedAddress(data: DraftData): AddressValues {
  const a = data.applicant?.address ?? {};
  return { region: a.region ?? '', district: a.district ?? '', locality: a.locality ?? '', line: a.line ?? '' };
}

export function mergeAddress(data: DraftData, values: AddressValues): DraftData {
  const address = compact({ ...values });
  return { ...data, applicant: { ...data.applicant, address } };
}

// ---------------------------------------------------------------------------------------------
// Step 4: family members

export interface MemberValues {
  relation: string;
  givenName: string;
  familyName: string;
  gender: string;
  birthDate: string;
  occupation: string;
}

export const MEMBER_FIELDS = ['relation', 'givenName', 'familyName', 'gender', 'birthDate', 'occupation'] as const;

export function readMemberForm(body: FormBody | undefined): MemberValues {
  return Object.fromEntries(MEMBER_FIELDS.map((name) => [name, readField(body, name)])) as unknown as MemberValues;
}

export function readSavedMember(member: FamilyMemberDraft): MemberValues {
  return Object.fromEntries(MEMBER_FIELDS.map((name) => [name, member[name] ?? ''])) as unknown as MemberValues;
}

/** Whether anything was typed or chosen in the member form. */
export function isMemberTyped(values: MemberValues): boolean {
  return MEMBER_FIELDS.some((name) => values[name] !== '');
}

export function blankMember(): MemberValues {
  return readMemberForm(undefined);
}

export function addMember(data: DraftData, values: MemberValues): DraftData {
  return { ...data, familyMembers: [...(data.familyMembers ?? []), compact({ ...values })] };
}

/**
 * Removes the member at `index` only if it is still the one the page showed (`key`), so a double tap
 * or a second tab never removes the wrong person; otherwise the first member with that key, if any.
 */
export function removeMember(data: DraftData, index: number, key: string): DraftData {
  const members = data.familyMembers ?? [];
  const at = members[index] && identifyMember(members[index]) === key ? index : members.findIndex((m) => identifyMember(m) === key);
  if (at < 0) return data;
  return { ...data, familyMembers: members.filter((_, i) => i !== at) };
}

/** Identifies a member by its content (the draft has no ids for members). */
export function identifyMember(member: FamilyMemberDraft): string {
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify(MEMBER_FIELDS.map((name) => member[name] ?? ''))) {
    hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
