/** What each apply page's template gets: ready-made text and the links between the steps. */
import type { Principal } from '../../platform/auth/principal.js';
import type { Translate } from '../../platform/i18n/catalogs.js';
import { linkFieldErrors } from '../../platform/web/error-summary.js';
import type { AttachedDocumentView, DraftContext } from './apply-flow.js';
import type { ExplainedError } from './explain-errors.js';
import { exceedsAmount, formatMoney } from '../money.js';
import {
  describeGender,
  describePaymentAccount,
  describeOverMaximum,
  describeRelation,
  describeTooLarge,
  documentKindOptions,
  formatSize,
  genderOptions,
  paymentAccountKindOptions,
  relationOptions,
  type PageText,
} from './present.js';
import { formatCalendarDate } from '../format-dates.js';
import type { DraftProblem, StepChecks, StepErrors } from './step-checks.js';
import { identifyMember, normalizeAmount } from './step-forms.js';
import { describeStep, STEP_SLUGS, stepPath, type ReturnPlace, type StepSlug } from './steps.js';

export interface Problem {
  message: string;
  href: string;
}

/** The summary at the top links each message to its field (`#f-<name>`), in the form's order. */
function linkToFields(errors: StepErrors) {
  return linkFieldErrors(errors, (field) => `f-${field}`);
}

/**
 * What an in-place (htmx) update of a panel says and where focus goes after it; the panel's root carries
 * both (`data-announce`, `data-focus`) for views/assets/in-page-updates.js.
 */
export interface PanelOutcome {
  /** The outcome in words, said through the page's live region. */
  announce: string;
  /** The id of the changed item or of its message. */
  focus: string;
}

/** A success: said, shown at the top of the panel, and focus on the changed item (or the list's heading). */
export function panelSuccess(message: string, focus: string): { notice: string; outcome: PanelOutcome } {
  return { notice: message, outcome: { announce: message, focus } };
}

/** A refusal: the messages are at their fields; the live region says them all, after what was not done. */
export function panelRefusal(what: string, errors: StepErrors, focus: string): { notice: string; outcome: PanelOutcome } {
  return { notice: '', outcome: { announce: [what, ...Object.values(errors)].join(' '), focus } };
}

/**
 * What every step page shows around its form; `returnTo` is where the step goes back to when it was
 * opened from there (the review's "Change"), carried in the form's `return` field.
 */
export function presentStep(context: DraftContext, slug: StepSlug, text: PageText, errors: StepErrors = {}, returnTo?: ReturnPlace) {
  const { draft, program } = context;
  const { t, moneyLocale } = text;
  return {
    draft: { id: draft.id, reference: draft.reference },
    program: program && {
      name: program.name,
      currency: program.currency,
      maxAmount: formatMoney(program.maxAmount, program.currency, moneyLocale),
      // For the page's script, which shows the note as the cost is typed.
      maxAmountValue: program.maxAmount,
      overMaximumNote: describeOverMaximum(program.maxAmount, program.currency, t, moneyLocale),
      treatmentTypes: program.treatmentTypes,
    },
    returnTo,
    step: describeStep(slug, t),
    steps: STEP_SLUGS.map((s) => ({ ...describeStep(s, t), href: stepPath(draft.id, s), current: s === slug })),
    action: stepPath(draft.id, slug),
    errors,
    errorList: linkToFields(errors),
    genders: genderOptions(t),
    relations: relationOptions(t),
    documentKinds: documentKindOptions(t),
    paymentAccountKinds: paymentAccountKindOptions(t),
  };
}

/** The note next to a cost above the program's maximum, or '' (a cost that is not an amount gets its error instead). */
export function presentCostNote(context: DraftContext, estimatedCost: string | undefined, text: PageText): string {
  const program = context.program;
  if (!program || estimatedCost === undefined || !exceedsAmount(normalizeAmount(estimatedCost), program.maxAmount)) return '';
  return describeOverMaximum(program.maxAmount, program.currency, text.t, text.moneyLocale);
}

/** The family members with remove buttons, and the add form (`member`: its values, `errors`: its messages). */
export function presentFamily(
  context: DraftContext,
  member: object,
  errors: StepErrors,
  checks: Pick<StepChecks, 'savedMember' | 'limitReached'>,
  text: PageText,
  update: { notice: string; outcome?: PanelOutcome } = { notice: '' },
  returnTo?: ReturnPlace,
) {
  const members = context.draft.data.familyMembers ?? [];
  return {
    draft: { id: context.draft.id },
    returnTo,
    members: members.map((m, index) => ({
      index,
      number: index + 1,
      key: identifyMember(m),
      name: [m.givenName, m.familyName].filter(Boolean).join(' '),
      relation: describeRelation(m.relation, text.t),
      born: formatCalendarDate(m.birthDate, { locale: text.dateLocale }),
      gender: describeGender(m.gender, text.t),
      occupation: m.occupation ?? '',
      // Members are checked when added; this shows what a later rule (or the service) still objects to.
      problems: checks.savedMember(context.draft.data, index),
    })),
    full: checks.limitReached(context.draft.data, 'familyMembers') !== undefined,
    member,
    errors,
    errorList: linkToFields(errors),
    ...update,
    genders: genderOptions(text.t),
    relations: relationOptions(text.t),
  };
}

export function presentDocuments(
  context: DraftContext,
  attached: AttachedDocumentView[],
  kind: string,
  errors: StepErrors,
  maxBytes: number,
  t: Translate,
  update: { notice: string; outcome?: PanelOutcome } = { notice: '' },
  returnTo?: ReturnPlace,
) {
  return {
    draft: { id: context.draft.id },
    returnTo,
    attached,
    kind,
    errors,
    ...update,
    maxBytes,
    // Said before the file is chosen, so a refusal is never the first time the person hears the limits.
    fileHint: t('ssp.documents.fileHint', { size: formatSize(maxBytes, t) }),
    tooLargeMessage: describeTooLarge(maxBytes, t),
    documentKinds: documentKindOptions(t),
  };
}

/**
 * The step page and field where a problem is fixed (`check=1` shows the step's messages there); the
 * step goes back to the review once saved, as the review's "Change" does.
 */
export function linkToFix(draftId: string, problem: DraftProblem | ExplainedError, t: Translate): Problem {
  const message =
    problem.step === 'review'
      ? problem.message
      : t('ssp.review.problemAt', { step: describeStep(problem.step, t).title, message: problem.message });
  const anchor = problem.field ? (problem.field.startsWith('member-') ? `#${problem.field}` : `#f-${problem.field}`) : '';
  const query = problem.step === 'review' ? '' : '?check=1&return=review';
  return { message, href: `${stepPath(draftId, problem.step)}${query}${anchor}` };
}

interface Row {
  label: string;
  value: string;
  /** Said next to the answer (not an error). */
  note?: string;
}

/** Everything the person gave, by step, with a "Change" link to each. */
export function presentReview(context: DraftContext, principal: Principal, attached: AttachedDocumentView[], text: PageText) {
  const { t: tr, dateLocale, moneyLocale } = text;
  const data = context.draft.data;
  const t = data.treatment ?? {};
  const a = data.applicant ?? {};
  const address = a.address ?? {};
  const typeLabel = context.program?.treatmentTypes.find((type) => type.code === t.type)?.label ?? t.type ?? '';
  const rows = (list: Row[]) => list.map((row) => ({ ...row, value: row.value || tr('ssp.review.notGiven') }));
  const section = (slug: StepSlug, list: Row[] | undefined, items?: string[]) => ({
    title: describeStep(slug, tr).title,
    // Changed from here, the step comes back here when saved.
    change: stepPath(context.draft.id, slug, 'review'),
    rows: list ? rows(list) : [],
    items,
  });
  return [
    section('treatment', [
      { label: tr('ssp.treatment.type'), value: typeLabel },
      { label: tr('ssp.review.whatIsNeeded'), value: t.description ?? '' },
      {
        label: tr('ssp.treatment.cost'),
        value: formatMoney(t.estimatedCost, t.currency ?? context.program?.currency, moneyLocale) || (t.estimatedCost ?? ''),
        note: presentCostNote(context, t.estimatedCost, text),
      },
      { label: tr('ssp.treatment.facility'), value: t.facility ?? '' },
    ]),
    section('person', [
      { label: tr('ssp.person.nationalId'), value: principal.nationalId ?? tr('ssp.review.noIdOnAccount') },
      { label: tr('ssp.person.givenName'), value: a.givenName ?? '' },
      { label: tr('ssp.person.familyName'), value: a.familyName ?? '' },
      { label: tr('ssp.person.gender'), value: describeGender(a.gender, tr) },
      { label: tr('ssp.person.birthDate'), value: formatCalendarDate(a.birthDate, { locale: dateLocale }) },
      { label: tr('ssp.person.occupation'), value: a.occupation ?? '' },
      { label: tr('ssp.review.phone'), value: a.phone ?? '' },
      { label: tr('ssp.review.email'), value: a.email ?? '' },
      { label: tr('ssp.review.paymentAccount'), value: describePaymentAccount(a.paymentAccount, tr) },
    ]),
    section('address', [
      { label: tr('ssp.address.region'), value: address.region ?? '' },
      { label: tr('ssp.address.district'), value: address.district ?? '' },
      { label: tr('ssp.address.locality'), value: address.locality ?? '' },
      { label: tr('ssp.address.line'), value: address.line ?? '' },
    ]),
    section(
      'family',
      undefined,
      (data.familyMembers ?? []).map((m) =>
        tr('ssp.review.member', {
          name: [m.givenName, m.familyName].filter(Boolean).join(' '),
          relation: describeRelation(m.relation, tr),
          date: formatCalendarDate(m.birthDate, { locale: dateLocale }),
        }),
      ),
    ),
    section(
      'documents',
      undefined,
      attached.map((d) =>
        d.size
          ? tr('ssp.documents.listItemSized', { kind: d.kindLabel, name: d.fileName, size: d.size })
          : tr('ssp.documents.listItem', { kind: d.kindLabel, name: d.fileName }),
      ),
    ),
  ];
}
