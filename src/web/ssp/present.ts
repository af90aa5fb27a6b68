/** How the portal words and formats what the services return (templates get ready-made text). */
import type { Application } from '../../modules/applications/index.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../../modules/documents/index.js';
import { DEFAULT_LOCALE, formatMoney } from '../money.js';
import { formatMoment, type DateFormatOptions } from '../format-dates.js';
import { GENDERS, RELATIONS } from './step-forms.js';

type Status = Application['status'];
type StageState = Application['timeline'][number]['state'];

// The applicant's words, the same as the timeline's: a sent application is being checked at once.
const STATUS_WORDS: Record<Status, string> = {
  SUBMITTED: 'Sent, being checked',
  IN_REVIEW: 'Being checked',
  ASSESSED: 'Checked, the amount is set',
  APPROVED: 'Approved',
  REJECTED: 'Not approved',
  VOUCHER_ISSUED: 'Approved, voucher issued',
  REDEEMED: 'Voucher used at the provider',
  CLAIMED: 'The provider has claimed payment',
  REIMBURSED: 'Completed, the provider has been paid',
  REVOKED: 'Voucher cancelled',
  EXPIRED: 'Voucher expired',
};

const STAGE_WORDS: Record<StageState, string> = {
  waiting: 'Not started yet',
  current: 'Being checked',
  approved: 'Passed',
  rejected: 'Not approved',
};

/** The statuses after the last stage said yes. */
const APPROVED: ReadonlySet<Status> = new Set(['APPROVED', 'VOUCHER_ISSUED', 'REDEEMED', 'CLAIMED', 'REIMBURSED', 'REVOKED', 'EXPIRED']);

const KIND_WORDS: Record<DocumentKind, string> = {
  'medical-report': 'Medical report',
  prescription: 'Prescription',
  'id-proof': 'ID proof',
  other: 'Other document',
};

export const DOCUMENT_KIND_OPTIONS = DOCUMENT_KINDS.map((code) => ({ code, label: KIND_WORDS[code] }));

export function describeStatus(status: Status): string {
  return STATUS_WORDS[status];
}

export function describeKind(kind: string): string {
  return KIND_WORDS[kind as DocumentKind] ?? kind;
}

export function describeGender(code: string | undefined): string {
  return GENDERS.find((g) => g.code === code)?.label ?? code ?? '';
}

export function describeRelation(code: string | undefined): string {
  return RELATIONS.find((r) => r.code === code)?.label ?? code ?? '';
}

/**
 * The estimated cost is above what the program pays: not an error (the assessment sets the amount),
 * but the applicant should know before sending.
 */
export function describeOverMaximum(maxAmount: string, currency: string, locale: string = DEFAULT_LOCALE): string {
  return `This program pays up to ${formatMoney(maxAmount, currency, locale)}. You can still apply; an officer decides the amount.`;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** Starting an application was refused: the person has as many unsent ones as they may. */
export function describeDraftQuotaReached(maxOpenDrafts: number): string {
  return (
    `You already have ${maxOpenDrafts} applications that are not sent yet, the most one person may have at once. ` +
    'Continue one of them below and send it, or discard one you no longer need, then apply again.'
  );
}

/** A file was refused: it would take the person's documents of unsent applications past the quota. */
export function describeUploadQuotaReached(quotaBytes: number): string {
  return (
    `You have uploaded as much as one person may keep for applications not sent yet (${formatSize(quotaBytes)}). ` +
    'Send this application with the documents already attached; files of sent applications no longer count.'
  );
}

/** The message for a file over the Document Store's cap (also shown by the page's script before sending). */
export function describeTooLarge(maxBytes: number): string {
  return `This file is larger than ${formatSize(maxBytes)}. Send a smaller file: a photo at a lower quality, or fewer pages.`;
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

/**
 * "Sent", one "Check n of m" per stage, then "Decision". The stages' own names are the officers' (they
 * speak of enrolment and deduplication); the applicant needs to know where it stands and since when.
 */
export function describeTimeline(application: Application, dates: DateFormatOptions): TimelineStep[] {
  const stages = application.timeline;
  const sent: TimelineStep = { title: 'Sent', state: 'approved', words: 'Done', when: happened(application.submittedAt, dates) };
  const checks = stages.map((stage, index): TimelineStep => ({
    title: `Check ${index + 1} of ${stages.length}`,
    state: stage.state,
    // A decided stage in the program's words (the outcome and the reason's label, never who decided).
    words: stage.outcome ?? (stage.state === 'approved' && stage.kind === 'assessment' ? 'Passed, amount set' : STAGE_WORDS[stage.state]),
    when: stage.state === 'approved' || stage.state === 'rejected' ? happened(stage.decidedAt, dates) : undefined,
  }));
  const rejectedAt = stages.find((stage) => stage.state === 'rejected');
  let decision: TimelineStep = { title: 'Decision', state: 'waiting', words: 'Not yet' };
  if (application.status === 'REJECTED') {
    decision = { title: 'Decision', state: 'rejected', words: 'Not approved', when: happened(rejectedAt?.decidedAt, dates) };
  } else if (APPROVED.has(application.status)) {
    decision = { title: 'Decision', state: 'approved', words: 'Approved', when: happened(stages.at(-1)?.decidedAt, dates) };
  }
  return [sent, ...checks, decision];
}

export function summarizeApplication(application: Application, dates: DateFormatOptions): ApplicationSummary {
  return {
    id: application.id,
    reference: application.reference,
    programName: application.programName,
    treatment: application.treatment.typeLabel,
    cost: formatMoney(application.treatment.estimatedCost, application.treatment.currency),
    submitted: formatMoment(application.submittedAt, dates),
    status: describeStatus(application.status),
    statusCode: application.status,
    steps: describeTimeline(application, dates),
  };
}
