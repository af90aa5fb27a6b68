/** How the portal words and formats what the services return (templates get ready-made text). */
import type { Application } from '../../modules/applications/index.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../../modules/documents/index.js';
import { GENDERS, RELATIONS } from './step-forms.js';

type Status = Application['status'];
type StageState = Application['timeline'][number]['state'];

const STATUS_WORDS: Record<Status, string> = {
  SUBMITTED: 'Received, waiting for the first review',
  IN_REVIEW: 'Being reviewed',
  ASSESSED: 'Assessed, the amount is set',
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
  waiting: 'Waiting',
  current: 'In progress',
  approved: 'Approved',
  rejected: 'Rejected',
};

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

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const MOMENT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

/** `1990-02-14` → `14 February 1990`; anything else as it is. */
export function formatDay(value: string | undefined): string {
  if (!value) return '';
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : DAY.format(date);
}

export function formatMoment(value: string | Date): string {
  return MOMENT.format(typeof value === 'string' ? new Date(value) : value);
}

/** `1200.5` in USD → `USD 1,200.50`, from the decimal text (no float on the way). */
export function formatMoney(amount: string | undefined, currency: string | undefined): string {
  if (!amount) return '';
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!match) return [currency, amount].filter(Boolean).join(' ');
  const whole = (match[1] ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (match[2] ?? '').padEnd(2, '0');
  return `${currency ? `${currency} ` : ''}${whole}.${cents}`;
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

export interface ApplicationSummary {
  id: string;
  reference: string;
  programName: string;
  treatment: string;
  cost: string;
  submitted: string;
  status: string;
  statusCode: Status;
  stages: Array<{ name: string; state: StageState; words: string }>;
}

/** A decided stage says what was decided and when, in the program's words; never who decided. */
function describeStage(stage: Application['timeline'][number]): string {
  if (stage.outcome && stage.decidedAt) return `${stage.outcome}, ${formatMoment(stage.decidedAt)}`;
  return STAGE_WORDS[stage.state];
}

export function summarizeApplication(application: Application): ApplicationSummary {
  return {
    id: application.id,
    reference: application.reference,
    programName: application.programName,
    treatment: application.treatment.typeLabel,
    cost: formatMoney(application.treatment.estimatedCost, application.treatment.currency),
    submitted: formatMoment(application.submittedAt),
    status: describeStatus(application.status),
    statusCode: application.status,
    stages: application.timeline.map((stage) => ({ name: stage.name, state: stage.state, words: describeStage(stage) })),
  };
}
