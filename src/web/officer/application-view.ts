/**
 * What the officer's application page shows, read as the signed-in officer may see it (loadApplicationPage)
 * and put into the template's words (presentApplicationPage): the snapshot, the timeline, and the panels
 * the officer acts in (documents, signals, proposed registry changes, the decision form), each in the
 * state a refused form left it.
 */
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { RegistryProposal } from '../../modules/applications/index.js';
import type { StageToDecide } from '../../modules/approvals/index.js';
import type { Principal } from '../../platform/auth/principal.js';
import { formatCalendarDate, formatMoment } from '../format-dates.js';
import { formatMoney } from '../money.js';
import { checklistFieldOf, type ChecklistAnswers, type ChecklistErrors } from './checklist-form.js';
import { datesOf, localeOf, type OfficerPagesOptions } from './context.js';
import { DECISION_FIELDS, type DecisionErrors, type DecisionValues } from './decision-form.js';
import { presentDocumentsPanel, type DocumentsPanelState } from './document-verification-panel.js';
import { presentSignalsPanel, type SignalsPanelState } from './signals-panel.js';
import { presentDuplicatesPanel, type DuplicatesPanelState } from './duplicates-panel.js';
import type { DuplicateCandidateList } from '../../modules/deduplication/index.js';
import { ForbiddenError } from '../../platform/http/errors.js';

export interface DecisionFormState {
  values: DecisionValues;
  errors: DecisionErrors;
  checklist: ChecklistAnswers;
  checklistErrors: ChecklistErrors;
  general?: { title: string; explanation: string } | undefined;
  idempotencyKey: string;
}

/** What an in-place (htmx) update says and where focus goes after it (views/assets/in-page-updates.js). */
export interface PanelUpdate {
  announce: string;
  focus: string;
}

/** The state each form of the page is in after a refusal; absent parts are shown fresh. */
export interface PageStates {
  decision?: DecisionFormState;
  documents?: DocumentsPanelState;
  signals?: SignalsPanelState;
  duplicates?: DuplicatesPanelState;
}

const EMPTY_VALUES: DecisionValues = { decision: '', reasonCode: '', reasonText: '', amount: '', overrideReason: '' };

/** Everything the page shows, as the signed-in officer may see it; reading it is recorded (getApplication). */
export async function loadApplicationPage(options: OfficerPagesOptions, req: Request, principal: Principal, id: string) {
  const { applications, approvals, programs, signals, deduplication } = options;
  const application = await applications.getApplication(principal, id);
  const [decisions, stage, terms, zones, verifications, signalList, duplicates] = await Promise.all([
    approvals.listStageDecisions(principal, id),
    approvals.findStageToDecide(principal, id),
    programs.findDecisionTerms(application.programId),
    programs.programTimeZones([application.programId]),
    application.documents.length > 0 ? approvals.listDocumentVerifications(principal, id) : Promise.resolve([]),
    signals.listSignals(principal, id),
    // Only the first-stage officer (and auditors) read the likely duplicates; the others see no panel.
    deduplication.listDuplicateCandidates(principal, id).catch((error: unknown): DuplicateCandidateList | undefined => {
      if (error instanceof ForbiddenError) return undefined;
      throw error;
    }),
  ]);
  // The other applications a signal points to that this officer may open: linked, the others only named.
  const related = signalList.signals.flatMap((s) => (s.related ? [s.related.applicationId] : []));
  const openable = await approvals.findReferences(principal, related);
  const dates = datesOf(req, zones, application.programId);
  const locale = localeOf(req);
  const currency = terms?.currency ?? application.treatment.currency;
  return {
    application,
    decisions,
    stage,
    terms,
    dates,
    locale,
    currency,
    verifications,
    signals: signalList.signals,
    openable,
    duplicates,
  };
}

export type LoadedApplicationPage = Awaited<ReturnType<typeof loadApplicationPage>>;

export function presentProposals(req: Request, loaded: LoadedApplicationPage, update?: PanelUpdate) {
  const proposals = loaded.application.registryProposals;
  if (!proposals || proposals.length === 0) return undefined;
  const show = (value: RegistryProposal['proposedValue']) => (typeof value === 'string' ? value : JSON.stringify(value));
  return {
    applicationId: loaded.application.id,
    update,
    items: proposals.map((p) => ({
      field: p.field,
      fieldName: req.t(`officer.proposals.field.${p.field}`),
      proposedValue: show(p.proposedValue),
      registryValue: show(p.registryValue),
      decision: p.decision,
      decidedWords: p.decision
        ? req.t(`officer.proposals.decided.${p.decision}`, {
            officer: p.decidedBy ?? '',
            when: p.decidedAt ? formatMoment(p.decidedAt, loaded.dates) : '',
          })
        : '',
    })),
  };
}

function presentDecisionForm(req: Request, stage: StageToDecide, form: DecisionFormState | undefined) {
  const state = form ?? { values: EMPTY_VALUES, errors: {}, checklist: {}, checklistErrors: {}, idempotencyKey: randomUUID() };
  const checklist = stage.checklist.map((item) => ({
    ...item,
    field: checklistFieldOf(item.code),
    answer: state.checklist[item.code] ?? '',
    error: state.checklistErrors[item.code],
  }));
  // The summary in the order of the form: the checklist first, then the decision's fields.
  const itemErrors = checklist.flatMap((item) => (item.error ? [{ message: item.error, href: `#f-${item.field}-yes` }] : []));
  const fieldErrors = DECISION_FIELDS.filter((f) => state.errors[f]).map((f) => ({
    message: state.errors[f],
    href: `#f-${f === 'decision' ? 'decision-approve' : f}`,
  }));
  return {
    ...state,
    checklist,
    assessment: stage.kind === 'assessment',
    approveLabel: req.t(`officer.decision.approve.${stage.kind}`),
    action: `stages/${stage.position}/decision`,
    summary: [...itemErrors, ...fieldErrors],
  };
}

function verifiedByIdOf(fields: readonly string[]) {
  return {
    name: fields.includes('givenName') && fields.includes('familyName'),
    gender: fields.includes('gender'),
    birthDate: fields.includes('birthDate'),
    address: fields.includes('address'),
  };
}

export function presentApplicationPage(req: Request, loaded: LoadedApplicationPage, states: PageStates = {}) {
  const { application, decisions, stage, terms, dates, locale, currency } = loaded;
  const maximum = terms ? formatMoney(terms.maxAmount, terms.currency, locale) : '';
  const estimatedCost = formatMoney(application.treatment.estimatedCost, application.treatment.currency, locale);
  const { applicant } = application;
  return {
    application,
    labels: {
      status: req.t(`officer.status.${application.status}`),
      idType: req.t(`officer.idType.${applicant.idType}`),
      gender: req.t(`officer.gender.${applicant.gender}`),
    },
    submitted: formatMoment(application.submittedAt, dates),
    estimatedCost,
    assessedAmount: application.assessedAmount ? formatMoney(application.assessedAmount, currency, locale) : '',
    birthDate: formatCalendarDate(application.applicant.birthDate, dates),
    // The applicant's fields their verified ID QR vouched for, marked "verified by ID".
    verifiedById: verifiedByIdOf(applicant.verifiedById ?? []),
    familyMembers: application.familyMembers.map((m) => ({
      ...m,
      birthDate: formatCalendarDate(m.birthDate, dates),
      relationLabel: req.t(`officer.relation.${m.relation}`),
      genderLabel: req.t(`officer.gender.${m.gender}`),
    })),
    documentsPanel: presentDocumentsPanel(req, loaded, states.documents),
    signalsPanel: presentSignalsPanel(req, loaded, states.signals),
    duplicatesPanel: presentDuplicatesPanel(req, loaded, states.duplicates),
    timeline: application.timeline.map((entry) => {
      const decided = decisions.find((d) => d.position === entry.position);
      return {
        ...entry,
        stateLabel: req.t(`officer.timelineState.${entry.state}`),
        decided: decided && {
          ...decided,
          when: formatMoment(decided.decidedAt, dates),
          whenIso: decided.decidedAt.toISOString(),
          amount: decided.amount ? formatMoney(decided.amount, decided.currency, locale) : '',
          checklistWords: decided.checklist.map((item) =>
            req.t('officer.application.timeline.checklistAnswer', {
              item: item.label,
              answer: req.t(item.answer ? 'officer.checklist.yes' : 'officer.checklist.no'),
            }),
          ),
        },
      };
    }),
    proposals: presentProposals(req, loaded),
    stage,
    decisionForm: stage?.designated ? presentDecisionForm(req, stage, states.decision) : undefined,
    reasons: terms?.reasonCodes ?? [],
    currency,
    maximum,
  };
}

/** The whole page, as a plain (no JavaScript) post that was refused gets it back, or as a read. */
export function renderApplicationPage(
  req: Request,
  res: Response,
  loaded: LoadedApplicationPage,
  states: PageStates = {},
  status = 200,
): void {
  res.status(status).render('officer/application.njk', presentApplicationPage(req, loaded, states));
}
