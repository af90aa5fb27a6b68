/** How the portal words and formats what the services return (templates get ready-made text in the page's language). */
import type { Translate } from '../../platform/i18n/catalogs.js';
import type { Application } from '../../modules/applications/index.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../../modules/documents/index.js';
import { formatMoney } from '../money.js';
import { formatMoment, type DateFormatOptions } from '../format-dates.js';
import { GENDERS, PAYMENT_ACCOUNT_KINDS, RELATIONS } from './step-forms.js';

type Status = Application['status'];
type StageState = Application['timeline'][number]['state'];

/** The statuses after the last stage said yes. */
const APPROVED: ReadonlySet<Status> = new Set(['APPROVED', 'VOUCHER_ISSUED', 'REDEEMED', 'CLAIMED', 'REIMBURSED', 'REVOKED', 'EXPIRED']);

/** The page's language as presenters need it: its translator and the locales its dates and amounts are written in. */
export interface PageText {
  t: Translate;
  /** For calendar dates and instants (`en-GB` for English). */
  dateLocale: string;
  /** For amounts. */
  moneyLocale: string;
}

/** How a page writes dates (in the program's time zone) and money, in its language. */
export interface PageFormats extends DateFormatOptions {
  /** The locale for amounts: the page's language. */
  moneyLocale: string;
}

/** A list of choices for a select: each code with its words. */
export interface Choice {
  code: string;
  label: string;
}

export function documentKindOptions(t: Translate): Choice[] {
  return DOCUMENT_KINDS.map((code) => ({ code, label: t(`ssp.kind.${code}`) }));
}

export function genderOptions(t: Translate): Choice[] {
  return GENDERS.map((code) => ({ code, label: t(`ssp.gender.${code}`) }));
}

export function relationOptions(t: Translate): Choice[] {
  return RELATIONS.map((code) => ({ code, label: t(`ssp.relation.${code}`) }));
}

export function paymentAccountKindOptions(t: Translate): Choice[] {
  return PAYMENT_ACCOUNT_KINDS.map((code) => ({ code, label: t(`ssp.paymentAccountKind.${code}`) }));
}

/** A payment account in one line (kind, provider, number), or '' when none was given. */
export function describePaymentAccount(account: { kind?: string; number?: string; provider?: string } | undefined, t: Translate): string {
  if (!account) return '';
  const kind = (PAYMENT_ACCOUNT_KINDS as readonly (string | undefined)[]).includes(account.kind)
    ? t(`ssp.paymentAccountKind.${account.kind}`)
    : (account.kind ?? '');
  return [kind, account.provider, account.number].filter(Boolean).join(' · ');
}

// The applicant's words, the same as the timeline's: a sent application is being checked at once.
export function describeStatus(status: Status, t: Translate): string {
  return t(`ssp.status.${status}`);
}

export function describeKind(kind: string, t: Translate): string {
  return (DOCUMENT_KINDS as readonly string[]).includes(kind) ? t(`ssp.kind.${kind as DocumentKind}`) : kind;
}

export function describeGender(code: string | undefined, t: Translate): string {
  return (GENDERS as readonly (string | undefined)[]).includes(code) ? t(`ssp.gender.${code}`) : (code ?? '');
}

export function describeRelation(code: string | undefined, t: Translate): string {
  return (RELATIONS as readonly (string | undefined)[]).includes(code) ? t(`ssp.relation.${code}`) : (code ?? '');
}

/**
 * The estimated cost is above what the program pays: not an error (the assessment sets the amount),
 * but the applicant should know before sending.
 */
export function describeOverMaximum(maxAmount: string, currency: string, t: Translate, locale: string): string {
  return t('ssp.treatment.overMaximum', { maxAmount: formatMoney(maxAmount, currency, locale) });
}

export function formatSize(bytes: number, t: Translate): string {
  if (bytes < 1024) return t('ssp.size.bytes', { count: bytes });
  if (bytes < 1024 * 1024) return t('ssp.size.kilobytes', { count: Math.round(bytes / 1024) });
  return t('ssp.size.megabytes', { count: Math.round((bytes / (1024 * 1024)) * 10) / 10 });
}

/** The start page's pages of programs: links to the page before and after (absent at the ends) and where this one stands. */
export interface ProgramPager {
  previous?: string;
  next?: string;
  where: string;
}

/** Paging through the open programs; undefined when they all fit on one page. */
export function presentPager(page: number, lastPage: number, total: number, t: Translate): ProgramPager | undefined {
  if (lastPage <= 1) return undefined;
  return {
    previous: page > 1 ? `/ssp?page=${page - 1}#programs-heading` : undefined,
    next: page < lastPage ? `/ssp?page=${page + 1}#programs-heading` : undefined,
    where: t('ssp.home.pageOf', { page, last: lastPage, total }),
  };
}

/** Starting an application was refused: the person has as many unsent ones as they may. */
export function describeDraftQuotaReached(maxOpenDrafts: number, t: Translate): string {
  return t('ssp.draftQuota', { count: maxOpenDrafts });
}

/** A file was refused: it would take the person's documents of unsent applications past the quota. */
export function describeUploadQuotaReached(quotaBytes: number, t: Translate): string {
  return t('ssp.documents.quotaReached', { size: formatSize(quotaBytes, t) });
}

/** The message for a file over the Document Store's cap (also shown by the page's script before sending). */
export function describeTooLarge(maxBytes: number, t: Translate): string {
  return t('ssp.documents.tooLarge', { size: formatSize(maxBytes, t) });
}

/** One step of the timeline as the applicant reads it; `state` picks the step's colour. */
export interface TimelineStep {
  title: string;
  state: StageState;
  words: string;
  /** When the step happened, where the program runs; absent for a step still to come. */
  when?: { text: string; iso: string };
}

export interface ApplicationSummary {
  id: string;
  reference: string;
  programName: string;
  treatment: string;
  cost: string;
  submitted: string;
  status: string;
  statusCode: Status;
  steps: TimelineStep[];
}

function happened(at: string | undefined, dates: DateFormatOptions): TimelineStep['when'] {
  return at ? { text: formatMoment(at, dates), iso: at } : undefined;
}

/** A check's state in words; a decided one with the program's reason for it. */
function describeCheck(stage: Application['timeline'][number], t: Translate): string {
  const words = stage.state === 'approved' && stage.kind === 'assessment' ? t('ssp.timeline.amountSet') : t(`ssp.stage.${stage.state}`);
  return stage.reason ? t('ssp.timeline.withReason', { words, reason: stage.reason }) : words;
}

/**
 * "Sent", one "Check n of m" per stage, then "Decision". The stages' own names are the officers' (they
 * speak of enrolment and deduplication); the applicant needs to know where it stands and since when.
 */
export function describeTimeline(application: Application, dates: DateFormatOptions, t: Translate): TimelineStep[] {
  const stages = application.timeline;
  const sent: TimelineStep = {
    title: t('ssp.timeline.sent'),
    state: 'approved',
    words: t('ssp.timeline.done'),
    when: happened(application.submittedAt, dates),
  };
  const checks = stages.map((stage, index): TimelineStep => ({
    title: t('ssp.timeline.check', { number: index + 1, total: stages.length }),
    state: stage.state,
    // A decided stage says what was decided and the program's reason (its label is program data), never who.
    words: describeCheck(stage, t),
    when: stage.state === 'approved' || stage.state === 'rejected' ? happened(stage.decidedAt, dates) : undefined,
  }));
  const rejectedAt = stages.find((stage) => stage.state === 'rejected');
  const title = t('ssp.timeline.decision');
  let decision: TimelineStep = { title, state: 'waiting', words: t('ssp.timeline.notYet') };
  if (application.status === 'REJECTED') {
    decision = { title, state: 'rejected', words: t('ssp.timeline.notApproved'), when: happened(rejectedAt?.decidedAt, dates) };
  } else if (APPROVED.has(application.status)) {
    decision = { title, state: 'approved', words: t('ssp.timeline.approved'), when: happened(stages.at(-1)?.decidedAt, dates) };
  }
  return [sent, ...checks, decision];
}

export function summarizeApplication(application: Application, formats: PageFormats, t: Translate): ApplicationSummary {
  return {
    id: application.id,
    reference: application.reference,
    programName: application.programName,
    treatment: application.treatment.typeLabel,
    cost: formatMoney(application.treatment.estimatedCost, application.treatment.currency, formats.moneyLocale),
    submitted: formatMoment(application.submittedAt, formats),
    status: describeStatus(application.status, t),
    statusCode: application.status,
    steps: describeTimeline(application, formats, t),
  };
}
