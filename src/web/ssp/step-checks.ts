/**
 * The apply flow's checks. A step's answers are checked by the contract's schemas, with the validator
 * the API and the admin pages use, and each refused field gets its plain-language message from
 * explain-errors.ts. Two kinds of check:
 * - `lenient` (Back): the draft with the step's answers stays within `ApplicationDraftInput`, the loose
 *   shape a draft may hold, so going back never loses what was typed;
 * - `complete` (Save and continue, the review): that, plus the step as a submission needs it
 *   (`TreatmentInput`, `ApplicantInput`, `Address`, `FamilyMemberInput`), plus the services' own rules
 *   that no schema states: the program's treatment types, a cost above zero, a birth date neither in the
 *   future nor implausibly far back, a payment account number that fits its kind.
 */
import type { FieldError } from '../../platform/http/errors.js';
import type { SchemaValidator } from '../../platform/http/schema-validator.js';
import type { Translate } from '../../platform/i18n/catalogs.js';
import type { Program } from '../../modules/programs/index.js';
import { checkBirthDates, checkPaymentAccount } from '../../modules/registry/index.js';
import { explainFieldError, explainStepField } from './explain-errors.js';
import {
  addMember,
  compact,
  describeAmountProblem,
  MEMBER_FIELDS,
  mergeAddress,
  mergePerson,
  mergeTreatment,
  PERSON_FIELDS,
  readSavedAddress,
  readSavedMember,
  readSavedPerson,
  readSavedTreatment,
  type AddressValues,
  type DraftData,
  type FamilyMemberDraft,
  type MemberValues,
  type PersonValues,
  type TreatmentValues,
} from './step-forms.js';
import type { StepSlug } from './steps.js';

export type CheckMode = 'complete' | 'lenient';
/** Plain-language messages by form field name, in the form's order. */
export type StepErrors = Record<string, string>;

export interface DraftProblem {
  step: StepSlug;
  /** The form field to focus, or `member-<n>` for a family member. */
  field: string | undefined;
  message: string;
}

export interface StepChecksOptions {
  /** The contract's schemas. */
  schemas: SchemaValidator;
  /** Today, for birth dates. */
  now?: () => Date;
  /** The page's language: the checks answer messages in it. */
  t: Translate;
}

/** What the checks need of the program: its treatment types and currency (undefined once it has closed). */
export type ProgramTerms = Pick<Program, 'treatmentTypes' | 'currency'> | undefined;

type Lists = 'familyMembers' | 'documents';

/** Draft data is checked at `/data`, as the applications service reports a submitted draft. */
const DRAFT = '/data';
const TREATMENT_FIELDS = ['type', 'description', 'estimatedCost', 'facility'] as const;
const ADDRESS_FIELDS = ['region', 'district', 'locality', 'line'] as const;
const COST = `${DRAFT}/treatment/estimatedCost`;

/** Each field's first message, for the fields of `step` only, in the form's order. */
function toStepErrors(step: StepSlug, fields: readonly string[], errors: FieldError[], t: Translate): StepErrors {
  const messages = new Map<string, string>();
  for (const error of errors) {
    const { step: where, field, message } = explainStepField(error, t);
    if (where === step && field !== undefined && fields.includes(field) && !messages.has(field)) messages.set(field, message);
  }
  return Object.fromEntries(fields.filter((field) => messages.has(field)).map((field) => [field, messages.get(field) ?? '']));
}

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

function under(errors: FieldError[], prefix: string): FieldError[] {
  return errors.filter((error) => isUnder(error.path, prefix));
}

export function createStepChecks(options: StepChecksOptions) {
  const { schemas, t } = options;
  const now = options.now ?? (() => new Date());

  /** What a draft may hold at all. */
  function draftErrors(data: DraftData): FieldError[] {
    return schemas.validate('ApplicationDraftInput', data, DRAFT);
  }

  /** The services' birth-date rule, once the contract has accepted the date as a date. */
  function birthDateErrors(birthDate: string | undefined, path: string, refused: FieldError[]): FieldError[] {
    if (birthDate === undefined || refused.some((error) => error.path === `${path}/birthDate`)) return [];
    return checkBirthDates({ birthDate }, undefined, now(), { person: path, family: '' });
  }

  function treatment(values: TreatmentValues, data: DraftData, program: ProgramTerms, mode: CheckMode): StepErrors {
    const merged = mergeTreatment(data, values, program?.currency);
    const errors = under(draftErrors(merged), `${DRAFT}/treatment`);
    if (mode === 'complete') {
      const answers = merged.treatment ?? {};
      errors.push(...schemas.validate('TreatmentInput', answers, `${DRAFT}/treatment`));
      if (answers.type !== undefined && program && !program.treatmentTypes.some((type) => type.code === answers.type)) {
        errors.push({ path: `${DRAFT}/treatment/type`, message: "is not one of the program's treatment types" });
      }
      // The applications service's rule (ERR_AMOUNT_NOT_POSITIVE): `Money` allows 0.
      if (answers.estimatedCost !== undefined && Number(answers.estimatedCost) <= 0) {
        errors.push({ path: COST, message: 'must be more than 0' });
      }
    }
    const messages = toStepErrors('treatment', TREATMENT_FIELDS, errors, t);
    // The cost was typed by a person: say what is wrong with what they typed.
    if (errors.some((error) => error.path === COST && error.message !== 'is required')) {
      messages.estimatedCost = describeAmountProblem(values.estimatedCost, t);
    }
    return messages;
  }

  /** The registry's rule for a payment account number (ERR_PAYMENT_ACCOUNT_INVALID), once the contract has accepted its parts. */
  function paymentAccountErrors(account: { kind?: string; number?: string } | undefined, refused: FieldError[]): FieldError[] {
    const path = `${DRAFT}/applicant/paymentAccount`;
    if (refused.some((error) => isUnder(error.path, path))) return [];
    return checkPaymentAccount(account, path);
  }

  function person(values: PersonValues, data: DraftData, mode: CheckMode): StepErrors {
    const merged = mergePerson(data, values);
    const errors = under(draftErrors(merged), `${DRAFT}/applicant`);
    if (mode === 'complete') {
      const refused = schemas.validate('ApplicantInput', merged.applicant ?? {}, `${DRAFT}/applicant`);
      const all = [...errors, ...refused];
      errors.push(
        ...refused,
        ...birthDateErrors(merged.applicant?.birthDate, `${DRAFT}/applicant`, all),
        ...paymentAccountErrors(merged.applicant?.paymentAccount, all),
      );
    }
    return toStepErrors('person', PERSON_FIELDS, errors, t);
  }

  function address(values: AddressValues, data: DraftData, mode: CheckMode): StepErrors {
    const merged = mergeAddress(data, values);
    const errors = under(draftErrors(merged), `${DRAFT}/applicant/address`);
    if (mode === 'complete') errors.push(...schemas.validate('Address', merged.applicant?.address ?? {}, `${DRAFT}/applicant/address`));
    return toStepErrors('address', ADDRESS_FIELDS, errors, t);
  }

  /** A member as a submission needs it, at its place in the list. */
  function memberErrors(member: FamilyMemberDraft, index: number): FieldError[] {
    const path = `${DRAFT}/familyMembers/${index}`;
    const refused = schemas.validate('FamilyMemberInput', member, path);
    return [...refused, ...birthDateErrors(member.birthDate, path, refused)];
  }

  /** A member is added complete (it is saved at once), and only while the list has room. */
  function member(values: MemberValues, data: DraftData): StepErrors {
    const merged = addMember(data, values);
    const members = merged.familyMembers ?? [];
    const index = members.length - 1;
    const errors = draftErrors(merged).filter(
      (error) => error.path === `${DRAFT}/familyMembers` || isUnder(error.path, `${DRAFT}/familyMembers/${index}`),
    );
    errors.push(...memberErrors(compact({ ...values }), index));
    return toStepErrors('family', MEMBER_FIELDS, errors, t);
  }

  /** What is still wrong with a member already on the list (a rule may have changed since it was added). */
  function savedMember(data: DraftData, index: number): string[] {
    const saved = data.familyMembers?.[index];
    if (!saved) return [];
    return Object.values(toStepErrors('family', MEMBER_FIELDS, memberErrors(compact({ ...readSavedMember(saved) }), index), t));
  }

  /**
   * Why the list cannot take one more, or undefined while it can: the draft with one more item is
   * checked against the contract, so the page need not know the limit.
   */
  function limitReached(data: DraftData, list: Lists): string | undefined {
    const items: unknown[] = data[list] ?? [];
    const full = draftErrors({ ...data, [list]: [...items, items[0] ?? {}] }).find((error) => error.path === `${DRAFT}/${list}`);
    return full && explainStepField(full, t).message;
  }

  /**
   * Every step's complete checks on what the draft holds, in the order of the steps; then whatever else
   * the contract's `ApplicationInput` refuses, for steps that show no problem yet (a document, say).
   */
  function draft(data: DraftData, program: ProgramTerms): DraftProblem[] {
    const problems: DraftProblem[] = [];
    const add = (step: StepSlug, errors: StepErrors) => {
      for (const [field, message] of Object.entries(errors)) problems.push({ step, field, message });
    };
    add('treatment', treatment(readSavedTreatment(data), data, program, 'complete'));
    add('person', person(readSavedPerson(data, {}), data, 'complete'));
    add('address', address(readSavedAddress(data), data, 'complete'));
    (data.familyMembers ?? []).forEach((_, index) => {
      for (const message of savedMember(data, index)) {
        problems.push({
          step: 'family',
          field: `member-${index + 1}`,
          message: t('ssp.error.familyMember', { number: index + 1, message }),
        });
      }
    });
    const shown = new Set(problems.map((problem) => problem.step));
    for (const error of schemas.validate('ApplicationInput', data, DRAFT)) {
      const explained = explainFieldError(error, t);
      if (!shown.has(explained.step) && !problems.some((problem) => problem.message === explained.message)) problems.push(explained);
    }
    return problems;
  }

  return { treatment, person, address, member, savedMember, limitReached, draft };
}

export type StepChecks = ReturnType<typeof createStepChecks>;
