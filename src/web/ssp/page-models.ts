/** What each apply page's template gets: ready-made text and the links between the steps. */
import type { Principal } from '../../platform/auth/principal.js';
import { linkFieldErrors } from '../../platform/web/error-summary.js';
import type { AttachedDocumentView, DraftContext } from './apply-flow.js';
import type { ExplainedError } from './explain-errors.js';
import { describeGender, describeRelation, describeTooLarge, DOCUMENT_KIND_OPTIONS, formatDay, formatMoney } from './present.js';
import type { DraftProblem, StepChecks, StepErrors } from './step-checks.js';
import { GENDERS, identifyMember, RELATIONS } from './step-forms.js';
import { describeStep, STEP_SLUGS, stepPath, type StepSlug } from './steps.js';

export interface Problem {
  message: string;
  href: string;
}

/** The summary at the top links each message to its field (`#f-<name>`), in the form's order. */
function linkToFields(errors: StepErrors) {
  return linkFieldErrors(errors, (field) => `f-${field}`);
}

/** What every step page shows around its form. */
export function presentStep(context: DraftContext, slug: StepSlug, errors: StepErrors = {}) {
  const { draft, program } = context;
  return {
    draft: { id: draft.id, reference: draft.reference },
    program: program && {
      name: program.name,
      currency: program.currency,
      maxAmount: formatMoney(program.maxAmount, program.currency),
      treatmentTypes: program.treatmentTypes,
    },
    step: describeStep(slug),
    steps: STEP_SLUGS.map((s) => ({ ...describeStep(s), href: stepPath(draft.id, s), current: s === slug })),
    action: stepPath(draft.id, slug),
    errors,
    errorList: linkToFields(errors),
    genders: GENDERS,
    relations: RELATIONS,
    documentKinds: DOCUMENT_KIND_OPTIONS,
  };
}

/** The family members with remove buttons, and the add form (`member`: its values, `errors`: its messages). */
export function presentFamily(
  context: DraftContext,
  member: object,
  errors: StepErrors,
  checks: Pick<StepChecks, 'savedMember' | 'limitReached'>,
  notice = '',
) {
  const members = context.draft.data.familyMembers ?? [];
  return {
    draft: { id: context.draft.id },
    members: members.map((m, index) => ({
      index,
      number: index + 1,
      key: identifyMember(m),
      name: [m.givenName, m.familyName].filter(Boolean).join(' '),
      relation: describeRelation(m.relation),
      born: formatDay(m.birthDate),
      gender: describeGender(m.gender),
      occupation: m.occupation ?? '',
      // Members are checked when added; this shows what a later rule (or the service) still objects to.
      problems: checks.savedMember(context.draft.data, index),
    })),
    full: checks.limitReached(context.draft.data, 'familyMembers') !== undefined,
    member,
    errors,
    errorList: linkToFields(errors),
    notice,
    genders: GENDERS,
    relations: RELATIONS,
  };
}

export function presentDocuments(
  context: DraftContext,
  attached: AttachedDocumentView[],
  kind: string,
  errors: StepErrors,
  maxBytes: number,
  notice = '',
) {
  return {
    draft: { id: context.draft.id },
    attached,
    kind,
    errors,
    errorList: linkToFields(errors),
    notice,
    maxBytes,
    tooLargeMessage: describeTooLarge(maxBytes),
    documentKinds: DOCUMENT_KIND_OPTIONS,
  };
}

/** The step page and field where a problem is fixed (`?check=1` shows the step's messages there). */
export function linkToFix(draftId: string, problem: DraftProblem | ExplainedError): Problem {
  const prefix = problem.step === 'review' ? '' : `${describeStep(problem.step).title}: `;
  const anchor = problem.field ? (problem.field.startsWith('member-') ? `#${problem.field}` : `#f-${problem.field}`) : '';
  const query = problem.step === 'review' ? '' : '?check=1';
  return { message: `${prefix}${problem.message}`, href: `${stepPath(draftId, problem.step)}${query}${anchor}` };
}

interface Row {
  label: string;
  value: string;
}

/** Everything the person gave, by step, with a "Change" link to each. */
export function presentReview(context: DraftContext, principal: Principal, attached: AttachedDocumentView[]) {
  const data = context.draft.data;
  const t = data.treatment ?? {};
  const a = data.applicant ?? {};
  const address = a.address ?? {};
  const typeLabel = context.program?.treatmentTypes.find((type) => type.code === t.type)?.label ?? t.type ?? '';
  const rows = (list: Row[]) => list.map((row) => ({ ...row, value: row.value || 'Not given' }));
  const section = (slug: StepSlug, list: Row[] | undefined, items?: string[]) => ({
    title: describeStep(slug).title,
    change: stepPath(context.draft.id, slug),
    rows: list ? rows(list) : [],
    items,
  });
  return [
    section('treatment', [
      { label: 'Type of treatment', value: typeLabel },
      { label: 'What is needed', value: t.description ?? '' },
      { label: 'Estimated cost', value: formatMoney(t.estimatedCost, t.currency ?? context.program?.currency) || (t.estimatedCost ?? '') },
      { label: 'Hospital or clinic', value: t.facility ?? '' },
    ]),
    section('person', [
      { label: 'National ID', value: principal.nationalId ?? 'None on your account' },
      { label: 'Given name', value: a.givenName ?? '' },
      { label: 'Family name', value: a.familyName ?? '' },
      { label: 'Gender', value: describeGender(a.gender) },
      { label: 'Birth date', value: formatDay(a.birthDate) },
      { label: 'Occupation', value: a.occupation ?? '' },
      { label: 'Phone', value: a.phone ?? '' },
      { label: 'Email', value: a.email ?? '' },
    ]),
    section('address', [
      { label: 'Region', value: address.region ?? '' },
      { label: 'District', value: address.district ?? '' },
      { label: 'Town or village', value: address.locality ?? '' },
      { label: 'Street, house or landmark', value: address.line ?? '' },
    ]),
    section(
      'family',
      undefined,
      (data.familyMembers ?? []).map(
        (m) => `${[m.givenName, m.familyName].filter(Boolean).join(' ')} (${describeRelation(m.relation)}, born ${formatDay(m.birthDate)})`,
      ),
    ),
    section(
      'documents',
      undefined,
      attached.map((d) => `${d.kindLabel}: ${d.fileName}${d.size ? ` (${d.size})` : ''}`),
    ),
  ];
}
