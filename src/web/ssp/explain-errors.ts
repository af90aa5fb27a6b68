/**
 * Field errors in plain language: what the contract's schemas refuse (`/data/applicant/phone must match
 * pattern ...`) and what the services' own checks say (`/data/applicant/birthDate must not be in the
 * future`), each with the step and the field where the person fixes it. The step forms and the review
 * both read it, so a field has one wording wherever it is refused.
 */
import type { FieldError } from '../../platform/http/errors.js';
import type { Translate } from '../../platform/i18n/catalogs.js';
import { BANK_NUMBER_MESSAGE, MOBILE_NUMBER_MESSAGE } from '../../modules/registry/index.js';
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
  /** The message's key when the value is missing. */
  missing: string;
  /** The message's key when the value is there but refused. */
  wrong: string;
  /** The message's key when it is longer, or has more items, than the contract allows (`{max}`: the contract's limit). */
  tooLong?: string;
}

// The date field shows the day, month and year in the browser's own order: the message names no order.
const REAL_DATE = 'ssp.error.realDate';
const LISTED_ANSWER = 'ssp.error.listedAnswer';
const NATIONAL_ID = { step: 'person', missing: 'ssp.error.nationalId.missing', wrong: 'ssp.error.nationalId.wrong' } as const;

/** Paths relative to the application, with `*` for an array index; the messages are catalog keys (locales/en/ssp.json). */
const FIELDS: Record<string, FieldSpec> = {
  treatment: { step: 'treatment', missing: 'ssp.error.treatment.missing', wrong: 'ssp.error.treatment.wrong' },
  'treatment/type': { step: 'treatment', field: 'type', missing: 'ssp.error.type.missing', wrong: 'ssp.error.type.wrong' },
  'treatment/description': {
    step: 'treatment',
    field: 'description',
    missing: 'ssp.error.description.missing',
    wrong: 'ssp.error.description.missing',
    tooLong: 'ssp.error.description.tooLong',
  },
  'treatment/estimatedCost': {
    step: 'treatment',
    field: 'estimatedCost',
    missing: 'ssp.error.cost.missing',
    wrong: 'ssp.error.cost.wrong',
  },
  'treatment/currency': {
    step: 'treatment',
    field: 'estimatedCost',
    missing: 'ssp.error.currency.missing',
    wrong: 'ssp.error.currency.wrong',
  },
  'treatment/facility': {
    step: 'treatment',
    field: 'facility',
    missing: 'ssp.error.facility.missing',
    wrong: 'ssp.error.facility.wrong',
    tooLong: 'ssp.error.facility.tooLong',
  },
  applicant: { step: 'person', missing: 'ssp.error.applicant.missing', wrong: 'ssp.error.applicant.wrong' },
  'applicant/idType': NATIONAL_ID,
  'applicant/idValue': NATIONAL_ID,
  'applicant/givenName': {
    step: 'person',
    field: 'givenName',
    missing: 'ssp.error.givenName.missing',
    wrong: 'ssp.error.givenName.missing',
    tooLong: 'ssp.error.givenName.tooLong',
  },
  'applicant/familyName': {
    step: 'person',
    field: 'familyName',
    missing: 'ssp.error.familyName.missing',
    wrong: 'ssp.error.familyName.missing',
    tooLong: 'ssp.error.familyName.tooLong',
  },
  'applicant/gender': { step: 'person', field: 'gender', missing: 'ssp.error.gender.missing', wrong: LISTED_ANSWER },
  'applicant/birthDate': { step: 'person', field: 'birthDate', missing: 'ssp.error.birthDate.missing', wrong: REAL_DATE },
  'applicant/occupation': {
    step: 'person',
    field: 'occupation',
    missing: 'ssp.error.occupation.missing',
    wrong: 'ssp.error.occupation.wrong',
    tooLong: 'ssp.error.occupation.tooLong',
  },
  'applicant/phone': { step: 'person', field: 'phone', missing: 'ssp.error.phone.missing', wrong: 'ssp.error.phone.wrong' },
  'applicant/email': { step: 'person', field: 'email', missing: 'ssp.error.email.missing', wrong: 'ssp.error.email.wrong' },
  'applicant/paymentAccount': {
    step: 'person',
    field: 'paymentAccountKind',
    missing: 'ssp.error.paymentAccountKind.missing',
    wrong: 'ssp.error.paymentAccountNumber.wrong',
  },
  'applicant/paymentAccount/kind': {
    step: 'person',
    field: 'paymentAccountKind',
    missing: 'ssp.error.paymentAccountKind.missing',
    wrong: LISTED_ANSWER,
  },
  'applicant/paymentAccount/number': {
    step: 'person',
    field: 'paymentAccountNumber',
    missing: 'ssp.error.paymentAccountNumber.missing',
    wrong: 'ssp.error.paymentAccountNumber.wrong',
    tooLong: 'ssp.error.paymentAccountNumber.tooLong',
  },
  'applicant/paymentAccount/provider': {
    step: 'person',
    field: 'paymentAccountProvider',
    missing: 'ssp.error.paymentAccountProvider.missing',
    wrong: 'ssp.error.paymentAccountProvider.missing',
    tooLong: 'ssp.error.paymentAccountProvider.tooLong',
  },
  'applicant/address': { step: 'address', field: 'region', missing: 'ssp.error.region.missing', wrong: 'ssp.error.address.wrong' },
  'applicant/address/region': {
    step: 'address',
    field: 'region',
    missing: 'ssp.error.region.missing',
    wrong: 'ssp.error.region.missing',
    tooLong: 'ssp.error.region.tooLong',
  },
  'applicant/address/district': {
    step: 'address',
    field: 'district',
    missing: 'ssp.error.district.missing',
    wrong: 'ssp.error.district.wrong',
    tooLong: 'ssp.error.district.tooLong',
  },
  'applicant/address/locality': {
    step: 'address',
    field: 'locality',
    missing: 'ssp.error.locality.missing',
    wrong: 'ssp.error.locality.wrong',
    tooLong: 'ssp.error.locality.tooLong',
  },
  'applicant/address/line': {
    step: 'address',
    field: 'line',
    missing: 'ssp.error.line.missing',
    wrong: 'ssp.error.line.wrong',
    tooLong: 'ssp.error.line.tooLong',
  },
  familyMembers: {
    step: 'family',
    field: 'relation',
    missing: 'ssp.error.members.missing',
    wrong: 'ssp.error.members.wrong',
    tooLong: 'ssp.error.members.tooLong',
  },
  'familyMembers/*': { step: 'family', missing: 'ssp.error.member.missing', wrong: 'ssp.error.member.wrong' },
  'familyMembers/*/relation': {
    step: 'family',
    field: 'relation',
    missing: 'ssp.error.memberRelation.missing',
    wrong: 'ssp.error.memberRelation.wrong',
  },
  'familyMembers/*/givenName': {
    step: 'family',
    field: 'givenName',
    missing: 'ssp.error.memberGivenName.missing',
    wrong: 'ssp.error.memberGivenName.missing',
    tooLong: 'ssp.error.memberGivenName.tooLong',
  },
  'familyMembers/*/familyName': {
    step: 'family',
    field: 'familyName',
    missing: 'ssp.error.memberFamilyName.missing',
    wrong: 'ssp.error.memberFamilyName.missing',
    tooLong: 'ssp.error.memberFamilyName.tooLong',
  },
  'familyMembers/*/gender': { step: 'family', field: 'gender', missing: 'ssp.error.memberGender.missing', wrong: LISTED_ANSWER },
  'familyMembers/*/birthDate': { step: 'family', field: 'birthDate', missing: 'ssp.error.memberBirthDate.missing', wrong: REAL_DATE },
  'familyMembers/*/occupation': {
    step: 'family',
    field: 'occupation',
    missing: 'ssp.error.memberOccupation.missing',
    wrong: 'ssp.error.occupation.wrong',
    tooLong: 'ssp.error.occupation.tooLong',
  },
  documents: {
    step: 'documents',
    field: 'file',
    missing: 'ssp.error.documents.missing',
    wrong: 'ssp.error.documents.wrong',
    tooLong: 'ssp.error.documents.tooLong',
  },
  'documents/*': { step: 'documents', missing: 'ssp.error.document.incomplete', wrong: 'ssp.error.document.incomplete' },
  'documents/*/documentId': { step: 'documents', missing: 'ssp.error.documentId.missing', wrong: 'ssp.error.documentId.wrong' },
  'documents/*/kind': { step: 'documents', missing: 'ssp.error.documentKind.missing', wrong: 'ssp.error.documentKind.missing' },
};

/** Messages the services give that say more than "wrong" (see the registry's and applications' checks). */
const SPECIFIC: Array<{ test: RegExp; message: (error: FieldError, t: Translate) => string }> = [
  // REFUSED_TEXT_MESSAGE (storable-values.ts): a NUL or another invisible character, usually pasted.
  { test: /control characters/, message: (_e, t) => t('ssp.error.controlCharacters') },
  { test: /in the future/, message: (_e, t) => t('ssp.error.futureBirthDate') },
  {
    test: /within the last (\d+) years/,
    message: (e, t) => t('ssp.error.oldBirthDate', { years: /(\d+)/.exec(e.message)?.[1] ?? '' }),
  },
  { test: /more than 0/, message: (_e, t) => t('ssp.cost.notPositive') },
  { test: new RegExp(BANK_NUMBER_MESSAGE), message: (_e, t) => t('ssp.error.paymentAccountNumber.bank') },
  { test: new RegExp(MOBILE_NUMBER_MESSAGE), message: (_e, t) => t('ssp.error.paymentAccountNumber.mobileMoney') },
  { test: /not a document you uploaded/, message: (_e, t) => t('ssp.error.documentGone') },
];

/** ajv's words for maxLength and maxItems, which carry the contract's limit. */
const OVER_LIMIT = /must NOT have more than (\d+) (characters|items)/;

/** Where the person fixes a field error, in the words of that step's form (no family member number). */
export function explainStepField(error: FieldError, t: Translate): ExplainedError {
  // `/data/...` from a draft, `/body/...` from a request: both name the same field of the application.
  const relative = error.path.replace(/^\/(data|body)\/?/, '');
  const pattern = relative.replace(/\/\d+(?=\/|$)/g, '/*');
  const spec = FIELDS[pattern] ?? FIELDS[pattern.split('/').slice(0, -1).join('/')];
  if (!spec) return { step: 'review', field: undefined, message: t('ssp.error.unknown') };
  const limit = OVER_LIMIT.exec(error.message)?.[1];
  const specific = SPECIFIC.find((s) => s.test.test(error.message));
  let message = t(spec.wrong);
  if (error.message === 'is required') message = t(spec.missing);
  else if (limit !== undefined && spec.tooLong) message = t(spec.tooLong, { max: limit });
  else if (specific) message = specific.message(error, t);
  return { step: spec.step, field: spec.field, message };
}

/** Where the person fixes a field error, as the review lists it: a family member by number. */
export function explainFieldError(error: FieldError, t: Translate): ExplainedError {
  const explained = explainStepField(error, t);
  const member = /^\/(?:data|body)\/familyMembers\/(\d+)(?=\/|$)/.exec(error.path)?.[1];
  if (explained.step !== 'family' || member === undefined) return explained;
  const number = Number(member) + 1;
  return { step: 'family', field: `member-${number}`, message: t('ssp.error.familyMember', { number, message: explained.message }) };
}
