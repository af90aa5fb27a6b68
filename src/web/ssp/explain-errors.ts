/**
 * Field errors in plain language: what the contract's schemas refuse (`/data/applicant/phone must match
 * pattern ...`) and what the services' own checks say (`/data/applicant/birthDate must not be in the
 * future`), each with the step and the field where the person fixes it. The step forms and the review
 * both read it, so a field has one wording wherever it is refused.
 */
import type { FieldError } from '../../platform/http/errors.js';
import type { StepSlug } from './steps.js';

export interface ExplainedError {
  step: StepSlug;
  /** The form field to focus on that step (`member-2` for the second family member, on the review). */
  field: string | undefined;
  message: string;
}

interface FieldSpec {
  step: StepSlug;
  /** The form field on that step. */
  field?: string;
  /** When the value is missing. */
  missing: string;
  /** When the value is there but refused. */
  wrong: string;
  /** When it is longer, or has more items, than the contract allows; `{max}` is the contract's limit. */
  tooLong?: string;
}

// The date field shows the day, month and year in the browser's own order: the message names no order.
const REAL_DATE = 'Enter a real date, with the day, month and year in full, or pick it from the calendar.';
const LISTED_ANSWER = 'Choose one of the listed answers.';

function shorten(what: string): string {
  return `${what} can be at most {max} characters long; shorten it.`;
}

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
    wrong: 'Describe the treatment that is needed.',
    tooLong: shorten('The description'),
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
    wrong: 'Check the name of the hospital or clinic.',
    tooLong: shorten('The hospital or clinic name'),
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
  'applicant/givenName': {
    step: 'person',
    field: 'givenName',
    missing: 'Enter your given name.',
    wrong: 'Enter your given name.',
    tooLong: shorten('Your given name'),
  },
  'applicant/familyName': {
    step: 'person',
    field: 'familyName',
    missing: 'Enter your family name.',
    wrong: 'Enter your family name.',
    tooLong: shorten('Your family name'),
  },
  'applicant/gender': { step: 'person', field: 'gender', missing: 'Choose your gender, or "Prefer not to say".', wrong: LISTED_ANSWER },
  'applicant/birthDate': { step: 'person', field: 'birthDate', missing: 'Enter your birth date.', wrong: REAL_DATE },
  'applicant/occupation': {
    step: 'person',
    field: 'occupation',
    missing: 'Enter your occupation.',
    wrong: 'Check the occupation.',
    tooLong: shorten('The occupation'),
  },
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
    wrong: 'Enter the region where you live.',
    tooLong: shorten('The region'),
  },
  'applicant/address/district': {
    step: 'address',
    field: 'district',
    missing: 'Enter the district.',
    wrong: 'Check the district.',
    tooLong: shorten('The district'),
  },
  'applicant/address/locality': {
    step: 'address',
    field: 'locality',
    missing: 'Enter the town or village.',
    wrong: 'Check the town or village.',
    tooLong: shorten('The town or village'),
  },
  'applicant/address/line': {
    step: 'address',
    field: 'line',
    missing: 'Enter the street, house or landmark.',
    wrong: 'Check the street, house or landmark.',
    tooLong: shorten('The street, house or landmark'),
  },
  familyMembers: {
    step: 'family',
    field: 'relation',
    missing: 'Add your family members.',
    wrong: 'Check your family members.',
    tooLong: 'You can add up to {max} family members.',
  },
  'familyMembers/*': { step: 'family', missing: "Fill in the family member's details.", wrong: "Check the family member's details." },
  'familyMembers/*/relation': {
    step: 'family',
    field: 'relation',
    missing: 'Choose how this person is related to you.',
    wrong: 'Choose one of the listed relations.',
  },
  'familyMembers/*/givenName': {
    step: 'family',
    field: 'givenName',
    missing: "Enter the family member's given name.",
    wrong: "Enter the family member's given name.",
    tooLong: shorten('The given name'),
  },
  'familyMembers/*/familyName': {
    step: 'family',
    field: 'familyName',
    missing: "Enter the family member's family name.",
    wrong: "Enter the family member's family name.",
    tooLong: shorten('The family name'),
  },
  'familyMembers/*/gender': {
    step: 'family',
    field: 'gender',
    missing: 'Choose their gender, or "Prefer not to say".',
    wrong: LISTED_ANSWER,
  },
  'familyMembers/*/birthDate': { step: 'family', field: 'birthDate', missing: 'Enter their birth date.', wrong: REAL_DATE },
  'familyMembers/*/occupation': {
    step: 'family',
    field: 'occupation',
    missing: 'Enter their occupation.',
    wrong: 'Check the occupation.',
    tooLong: shorten('The occupation'),
  },
  documents: {
    step: 'documents',
    field: 'file',
    missing: 'Attach your documents.',
    wrong: 'Attach each document once.',
    tooLong: 'You can attach up to {max} documents. Remove one first.',
  },
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
  // REFUSED_TEXT_MESSAGE (storable-values.ts): a NUL or another invisible character, usually pasted.
  {
    test: /control characters/,
    message: () => 'This has characters we cannot save, such as invisible ones copied with the text. Delete them, or type it again.',
  },
  { test: /in the future/, message: () => 'The birth date cannot be in the future.' },
  {
    test: /within the last (\d+) years/,
    message: (e) => `Check the year: a birth date must be within the last ${/(\d+)/.exec(e.message)?.[1] ?? ''} years.`,
  },
  { test: /more than 0/, message: () => 'The cost must be more than zero.' },
  { test: /not a document you uploaded/, message: () => 'A document is no longer available; remove it and upload it again.' },
];

/** ajv's words for maxLength and maxItems, which carry the contract's limit. */
const OVER_LIMIT = /must NOT have more than (\d+) (characters|items)/;

/** Where the person fixes a field error, in the words of that step's form (no family member number). */
export function explainStepField(error: FieldError): ExplainedError {
  // `/data/...` from a draft, `/body/...` from a request: both name the same field of the application.
  const relative = error.path.replace(/^\/(data|body)\/?/, '');
  const pattern = relative.replace(/\/\d+(?=\/|$)/g, '/*');
  const spec = FIELDS[pattern] ?? FIELDS[pattern.split('/').slice(0, -1).join('/')];
  if (!spec) return { step: 'review', field: undefined, message: 'Something in the application is not right. Go through the steps again.' };
  const limit = OVER_LIMIT.exec(error.message)?.[1];
  const specific = SPECIFIC.find((s) => s.test.test(error.message));
  let message = spec.wrong;
  if (error.message === 'is required') message = spec.missing;
  else if (limit !== undefined && spec.tooLong) message = spec.tooLong.replace('{max}', limit);
  else if (specific) message = specific.message(error);
  return { step: spec.step, field: spec.field, message };
}

/** Where the person fixes a field error, as the review lists it: a family member by number. */
export function explainFieldError(error: FieldError): ExplainedError {
  const explained = explainStepField(error);
  const member = /^\/(?:data|body)\/familyMembers\/(\d+)(?=\/|$)/.exec(error.path)?.[1];
  if (explained.step !== 'family' || member === undefined) return explained;
  const number = Number(member) + 1;
  return { step: 'family', field: `member-${number}`, message: `Family member ${number}: ${explained.message}` };
}
