/**
 * The apply flow's forms: what each step reads from a posted form, the plain-language checks it runs
 * before the person moves on, and how its values merge into the draft. Pure functions: the page
 * routes do the saving.
 *
 * Two kinds of check: `complete` (Save and continue, the review) asks for everything the step needs;
 * `lenient` (Back) only keeps the draft within the limits a draft may hold, so going back never loses
 * what was typed.
 */
import type { ApplicationDraftInput } from '../../modules/applications/index.js';
import type { Program } from '../../modules/programs/index.js';
import { checkBirthDates } from '../../modules/registry/index.js';

export type DraftData = ApplicationDraftInput;
export type FamilyMemberDraft = NonNullable<DraftData['familyMembers']>[number];
export type CheckMode = 'complete' | 'lenient';
/** Plain-language messages by form field name. */
export type StepErrors = Record<string, string>;
export type FormBody = Record<string, unknown>;

export const GENDERS = [
  { code: 'female', label: 'Female' },
  { code: 'male', label: 'Male' },
  { code: 'other', label: 'Other' },
  { code: 'undisclosed', label: 'Prefer not to say' },
] as const;

export const RELATIONS = [
  { code: 'spouse', label: 'Spouse or partner' },
  { code: 'child', label: 'Child' },
  { code: 'parent', label: 'Parent' },
  { code: 'sibling', label: 'Brother or sister' },
  { code: 'other', label: 'Other relative' },
] as const;

export const MAX_FAMILY_MEMBERS = 20;

/** A posted field as trimmed text; a repeated or missing field reads as its first value or ''. */
export function readField(body: FormBody | undefined, name: string): string {
  const value = body?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}

function isOneOf(value: string, options: ReadonlyArray<{ code: string }>): boolean {
  return options.some((option) => option.code === value);
}

/** Drops empty answers, so a draft holds only what the person gave (and `required` names the rest). */
function compact<T extends Record<string, string | undefined>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

function checkLength(errors: StepErrors, name: string, value: string, max: number, what: string): void {
  if (value.length > max) errors[name] ??= `${what} can be at most ${max} characters long; shorten it.`;
}

function requireValue(errors: StepErrors, mode: CheckMode, name: string, value: string, message: string): void {
  if (mode === 'complete' && value === '') errors[name] ??= message;
}

// ---------------------------------------------------------------------------------------------
// Amounts

export type AmountReading = { amount: string } | { problem: string };

/**
 * Reads a cost as people type it: `1200`, `1200.50`, `1,200.50`, `1 200`, `1200,50`, and gives the
 * contract's decimal text (`1200.50`), never a binary float.
 */
export function readAmount(text: string): AmountReading {
  let value = text.replace(/[\s\u00a0]/g, '');
  if (/^-/.test(value)) return { problem: 'The cost must be more than zero.' };
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(value)) value = value.replaceAll(',', '');
  else if (/^\d+,\d{1,2}$/.test(value)) value = value.replace(',', '.');
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) return { problem: 'Enter the cost as a number, for example 1200 or 1200.50.' };
  const whole = (match[1] ?? '').replace(/^0+(?=\d)/, '');
  const cents = match[2];
  if (cents !== undefined && cents.length > 2) return { problem: 'Use at most two digits after the decimal point.' };
  if (whole.length > 12) return { problem: 'That amount is too large. Check the number of digits.' };
  if (!/[1-9]/.test(whole + (cents ?? ''))) return { problem: 'The cost must be more than zero.' };
  return { amount: cents === undefined ? whole : `${whole}.${cents}` };
}

// ---------------------------------------------------------------------------------------------
// Dates

/** A birth date as `YYYY-MM-DD`: a real calendar date, not in the future, not absurdly old. */
function checkBirthDate(errors: StepErrors, mode: CheckMode, name: string, value: string, today: Date, whose: string): void {
  requireValue(errors, mode, name, value, `Enter ${whose} birth date.`);
  if (value === '') return;
  if (value.length > 10 || !isRealDate(value)) {
    if (mode === 'complete' || value.length > 10) errors[name] ??= 'Enter a real date as year-month-day, for example 1990-02-14.';
    return;
  }
  if (mode === 'lenient') return;
  const [problem] = checkBirthDates({ birthDate: value }, undefined, today, { person: '', family: '' });
  if (problem) {
    errors[name] ??= problem.message.includes('future')
      ? 'The birth date cannot be in the future.'
      : `Check the year: ${problem.message.replace(/^must be/, 'a birth date must be')}.`;
  }
}

/** `YYYY-MM-DD` naming a day that exists (not 2023-02-30). */
function isRealDate(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value
  );
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

export function checkTreatment(values: TreatmentValues, program: Pick<Program, 'treatmentTypes'> | undefined, mode: CheckMode): StepErrors {
  const errors: StepErrors = {};
  requireValue(errors, mode, 'type', values.type, 'Choose the type of treatment.');
  if (
    values.type !== '' &&
    (values.type.length > 64 || (mode === 'complete' && program && !isOneOf(values.type, program.treatmentTypes)))
  ) {
    errors.type = 'Choose one of the listed types of treatment.';
  }
  requireValue(errors, mode, 'description', values.description, 'Describe the treatment that is needed.');
  checkLength(errors, 'description', values.description, 2000, 'The description');
  requireValue(errors, mode, 'estimatedCost', values.estimatedCost, 'Enter the estimated cost.');
  if (values.estimatedCost !== '') {
    const reading = readAmount(values.estimatedCost);
    if ('problem' in reading && (mode === 'complete' || values.estimatedCost.length > 32)) errors.estimatedCost = reading.problem;
  }
  checkLength(errors, 'facility', values.facility, 200, 'The hospital or clinic name');
  return errors;
}

/** The draft with this step's answers; the cost is stored as decimal text in the program's currency. */
export function mergeTreatment(data: DraftData, values: TreatmentValues, currency: string | undefined): DraftData {
  const reading = values.estimatedCost === '' ? undefined : readAmount(values.estimatedCost);
  const estimatedCost = reading && 'amount' in reading ? reading.amount : values.estimatedCost;
  return {
    ...data,
    treatment: compact({
      type: values.type,
      description: values.description,
      estimatedCost,
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
}

const PERSON_FIELDS = ['givenName', 'familyName', 'gender', 'birthDate', 'occupation', 'phone', 'email'] as const;

export function readPersonForm(body: FormBody | undefined): PersonValues {
  return Object.fromEntries(PERSON_FIELDS.map((name) => [name, readField(body, name)])) as unknown as PersonValues;
}

/** What the draft holds; on a first visit, the names and email the account already knows. */
export function readSavedPerson(
  data: DraftData,
  account: { givenName?: string | undefined; familyName?: string | undefined; email?: string | undefined },
): PersonValues {
  const a = data.applicant ?? {};
  const firstVisit = PERSON_FIELDS.every((name) => a[name] === undefined);
  return {
    givenName: a.givenName ?? (firstVisit ? (account.givenName ?? '') : ''),
    familyName: a.familyName ?? (firstVisit ? (account.familyName ?? '') : ''),
    gender: a.gender ?? '',
    birthDate: a.birthDate ?? '',
    occupation: a.occupation ?? '',
    phone: a.phone ?? '',
    email: a.email ?? (firstVisit ? (account.email ?? '') : ''),
  };
}

// The contract's own rules (registry.yaml): phone digits and separators, an email ajv-formats accepts.
const PHONE = /^\+?[0-9 ()-]{6,32}$/;
const EMAIL =
  // eslint-disable-next-line max-len -- one regular expression, the one ajv-formats uses
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

export function checkPerson(values: PersonValues, mode: CheckMode, today: Date): StepErrors {
  const errors: StepErrors = {};
  requireValue(errors, mode, 'givenName', values.givenName, 'Enter your given name.');
  checkLength(errors, 'givenName', values.givenName, 100, 'Your given name');
  requireValue(errors, mode, 'familyName', values.familyName, 'Enter your family name.');
  checkLength(errors, 'familyName', values.familyName, 100, 'Your family name');
  requireValue(errors, mode, 'gender', values.gender, 'Choose your gender, or "Prefer not to say".');
  if (values.gender !== '' && !isOneOf(values.gender, GENDERS)) errors.gender = 'Choose one of the listed answers.';
  checkBirthDate(errors, mode, 'birthDate', values.birthDate, today, 'your');
  checkLength(errors, 'occupation', values.occupation, 100, 'The occupation');
  if (values.phone !== '' && (values.phone.length > 32 || (mode === 'complete' && !PHONE.test(values.phone)))) {
    errors.phone = 'Enter a phone number with digits, for example +254 700 000002.';
  }
  if (values.email !== '' && (values.email.length > 200 || (mode === 'complete' && !EMAIL.test(values.email)))) {
    errors.email = 'Enter an email address like name@example.org.';
  }
  return errors;
}

export function mergePerson(data: DraftData, values: PersonValues): DraftData {
  const address = data.applicant?.address;
  return { ...data, applicant: { ...compact({ ...values }), ...(address ? { address } : {}) } };
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

export function checkAddress(values: AddressValues, mode: CheckMode): StepErrors {
  const errors: StepErrors = {};
  requireValue(errors, mode, 'region', values.region, 'Enter the region where you live.');
  checkLength(errors, 'region', values.region, 100, 'The region');
  checkLength(errors, 'district', values.district, 100, 'The district');
  checkLength(errors, 'locality', values.locality, 100, 'The town or village');
  checkLength(errors, 'line', values.line, 200, 'The street, house or landmark');
  return errors;
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

const MEMBER_FIELDS = ['relation', 'givenName', 'familyName', 'gender', 'birthDate', 'occupation'] as const;

export function readMemberForm(body: FormBody | undefined): MemberValues {
  return Object.fromEntries(MEMBER_FIELDS.map((name) => [name, readField(body, name)])) as unknown as MemberValues;
}

export function readSavedMember(member: FamilyMemberDraft): MemberValues {
  return Object.fromEntries(MEMBER_FIELDS.map((name) => [name, member[name] ?? ''])) as unknown as MemberValues;
}

export function blankMember(): MemberValues {
  return readMemberForm(undefined);
}

/** A member is added complete (it is saved at once), so every add runs the complete checks. */
export function checkMember(values: MemberValues, today: Date, count = 0): StepErrors {
  const errors: StepErrors = {};
  if (count >= MAX_FAMILY_MEMBERS) errors.relation = `You can add up to ${MAX_FAMILY_MEMBERS} family members.`;
  requireValue(errors, 'complete', 'relation', values.relation, 'Choose how this person is related to you.');
  if (values.relation !== '' && !isOneOf(values.relation, RELATIONS)) errors.relation = 'Choose one of the listed relations.';
  requireValue(errors, 'complete', 'givenName', values.givenName, "Enter the family member's given name.");
  checkLength(errors, 'givenName', values.givenName, 100, 'The given name');
  requireValue(errors, 'complete', 'familyName', values.familyName, "Enter the family member's family name.");
  checkLength(errors, 'familyName', values.familyName, 100, 'The family name');
  requireValue(errors, 'complete', 'gender', values.gender, 'Choose their gender, or "Prefer not to say".');
  if (values.gender !== '' && !isOneOf(values.gender, GENDERS)) errors.gender = 'Choose one of the listed answers.';
  checkBirthDate(errors, 'complete', 'birthDate', values.birthDate, today, 'their');
  checkLength(errors, 'occupation', values.occupation, 100, 'The occupation');
  return errors;
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

// ---------------------------------------------------------------------------------------------
// The whole draft, as the review sees it

export interface DraftProblem {
  step: 'treatment' | 'person' | 'address' | 'family';
  /** The form field to focus, or `member-<n>` for a family member. */
  field: string;
  message: string;
}

/** Every step's complete checks on what the draft holds, in the order of the steps. */
export function checkDraft(data: DraftData, program: Pick<Program, 'treatmentTypes'> | undefined, today: Date): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const add = (step: DraftProblem['step'], errors: StepErrors) => {
    for (const [field, message] of Object.entries(errors)) problems.push({ step, field, message });
  };
  add('treatment', checkTreatment(readSavedTreatment(data), program, 'complete'));
  add('person', checkPerson(readSavedPerson(data, {}), 'complete', today));
  add('address', checkAddress(readSavedAddress(data), 'complete'));
  (data.familyMembers ?? []).forEach((member, index) => {
    const errors = checkMember(readSavedMember(member), today);
    for (const message of Object.values(errors))
      problems.push({ step: 'family', field: `member-${index + 1}`, message: `Family member ${index + 1}: ${message}` });
  });
  return problems;
}
