/**
 * The services' field errors (`/data/applicant/birthDate must not be in the future`) in plain
 * language, each with the step and the field where the person fixes it.
 */
import type { FieldError } from '../../platform/http/errors.js';
import type { StepSlug } from './steps.js';

export interface ExplainedError {
  step: StepSlug;
  /** The form field to focus on that step (`member-2` for the second family member). */
  field: string | undefined;
  message: string;
}

interface FieldSpec {
  step: StepSlug;
  field?: string;
  /** When the value is missing. */
  missing: string;
  /** When the value is there but wrong. */
  wrong: string;
}

const BIRTH_DATE_WRONG = 'Enter a real birth date as year-month-day, not in the future.';

const PERSON_FIELDS: Record<string, Omit<FieldSpec, 'step'>> = {
  givenName: { field: 'givenName', missing: 'Enter the given name.', wrong: 'Enter the given name, up to 100 characters.' },
  familyName: { field: 'familyName', missing: 'Enter the family name.', wrong: 'Enter the family name, up to 100 characters.' },
  gender: { field: 'gender', missing: 'Choose a gender, or "Prefer not to say".', wrong: 'Choose one of the listed genders.' },
  birthDate: { field: 'birthDate', missing: 'Enter the birth date.', wrong: BIRTH_DATE_WRONG },
  occupation: { field: 'occupation', missing: 'Enter the occupation.', wrong: 'Keep the occupation under 100 characters.' },
};

/** Paths relative to the application, with `*` for an array index. */
const FIELDS: Record<string, FieldSpec> = {
  treatment: { step: 'treatment', missing: 'Tell us about the treatment that is needed.', wrong: 'Check the treatment details.' },
  'treatment/type': {
    step: 'treatment',
    field: 'type',
    missing: 'Choose the type of treatment.',
    wrong: 'Choose one of the listed types of treatment.',
  },
  'treatment/description': {
    step: 'treatment',
    field: 'description',
    missing: 'Describe the treatment that is needed.',
    wrong: 'Describe the treatment in up to 2000 characters.',
  },
  'treatment/estimatedCost': {
    step: 'treatment',
    field: 'estimatedCost',
    missing: 'Enter the estimated cost.',
    wrong: 'Enter the cost as a number above zero, for example 1200 or 1200.50.',
  },
  'treatment/currency': {
    step: 'treatment',
    field: 'estimatedCost',
    missing: 'Save the treatment step again to set the currency.',
    wrong: "The cost is not in the program's currency. Save the treatment step again.",
  },
  'treatment/facility': {
    step: 'treatment',
    field: 'facility',
    missing: 'Enter the hospital or clinic.',
    wrong: 'Keep the hospital or clinic name under 200 characters.',
  },
  applicant: { step: 'person', missing: 'Fill in your details.', wrong: 'Check your details.' },
  'applicant/idType': {
    step: 'person',
    missing: 'Your national ID is missing.',
    wrong: 'The ID in the application is not the national ID your account is verified with.',
  },
  'applicant/idValue': {
    step: 'person',
    missing: 'Your national ID is missing.',
    wrong: 'The ID in the application is not the national ID your account is verified with.',
  },
  ...Object.fromEntries(
    Object.entries(PERSON_FIELDS).map(([name, spec]) => [
      `applicant/${name}`,
      { step: 'person' as const, ...spec, missing: spec.missing.replace('the ', 'your ') },
    ]),
  ),
  'applicant/phone': {
    step: 'person',
    field: 'phone',
    missing: 'Enter your phone number.',
    wrong: 'Enter a phone number with digits, for example +254 700 000002.',
  },
  'applicant/email': {
    step: 'person',
    field: 'email',
    missing: 'Enter your email address.',
    wrong: 'Enter an email address like name@example.org.',
  },
  'applicant/address': { step: 'address', field: 'region', missing: 'Enter the region where you live.', wrong: 'Check your address.' },
  'applicant/address/region': {
    step: 'address',
    field: 'region',
    missing: 'Enter the region where you live.',
    wrong: 'Enter the region, up to 100 characters.',
  },
  'applicant/address/district': {
    step: 'address',
    field: 'district',
    missing: 'Enter the district.',
    wrong: 'Keep the district under 100 characters.',
  },
  'applicant/address/locality': {
    step: 'address',
    field: 'locality',
    missing: 'Enter the town or village.',
    wrong: 'Keep the town or village under 100 characters.',
  },
  'applicant/address/line': {
    step: 'address',
    field: 'line',
    missing: 'Enter the street, house or landmark.',
    wrong: 'Keep the street, house or landmark under 200 characters.',
  },
  familyMembers: { step: 'family', missing: 'Add your family members.', wrong: 'You can add up to 20 family members.' },
  'familyMembers/*': { step: 'family', missing: "Fill in the family member's details.", wrong: "Check the family member's details." },
  'familyMembers/*/relation': {
    step: 'family',
    missing: 'Choose how this person is related to you.',
    wrong: 'Choose one of the listed relations.',
  },
  ...Object.fromEntries(
    Object.entries(PERSON_FIELDS).map(([name, spec]) => [
      `familyMembers/*/${name}`,
      { step: 'family' as const, missing: spec.missing, wrong: spec.wrong },
    ]),
  ),
  documents: { step: 'documents', missing: 'Attach your documents.', wrong: 'You can attach up to 10 documents, each once.' },
  'documents/*': {
    step: 'documents',
    missing: 'A document is incomplete; remove it and upload it again.',
    wrong: 'A document is incomplete; remove it and upload it again.',
  },
  'documents/*/documentId': {
    step: 'documents',
    missing: 'A document is missing; remove it and upload it again.',
    wrong: 'A document cannot be attached; remove it and upload it again.',
  },
  'documents/*/kind': { step: 'documents', missing: 'Choose what kind of document it is.', wrong: 'Choose what kind of document it is.' },
};

/** Messages the services give that say more than "wrong" (see the registry's and applications' checks). */
const SPECIFIC: Array<{ test: RegExp; message: (error: FieldError) => string }> = [
  { test: /in the future/, message: () => 'The birth date cannot be in the future.' },
  {
    test: /within the last (\d+) years/,
    message: (e) => `Check the year: a birth date must be within the last ${/(\d+)/.exec(e.message)?.[1] ?? ''} years.`,
  },
  { test: /more than 0/, message: () => 'The cost must be more than zero.' },
  { test: /not a document you uploaded/, message: () => 'A document is no longer available; remove it and upload it again.' },
];

export function explainFieldError(error: FieldError): ExplainedError {
  // `/data/...` from a draft, `/body/...` from a request: both name the same field of the application.
  const relative = error.path.replace(/^\/(data|body)\/?/, '');
  const indices = [...relative.matchAll(/\/(\d+)(?=\/|$)/g)].map((m) => Number(m[1]));
  const pattern = relative.replace(/\/\d+(?=\/|$)/g, '/*');
  const spec = FIELDS[pattern] ?? FIELDS[pattern.split('/').slice(0, -1).join('/')];
  if (!spec) return { step: 'review', field: undefined, message: 'Something in the application is not right. Go through the steps again.' };
  const specific = SPECIFIC.find((s) => s.test.test(error.message));
  let message = error.message === 'is required' ? spec.missing : (specific?.message(error) ?? spec.wrong);
  let field = spec.field;
  if (spec.step === 'family' && indices[0] !== undefined) {
    message = `Family member ${indices[0] + 1}: ${message}`;
    field = `member-${indices[0] + 1}`;
  }
  return { step: spec.step, field, message };
}
