/** What a notification is: a kind of news, for one person, on one channel. */

/** Each kind has a subject and a body per language in `locales/<lang>/notifications.json`. */
export const NOTICE_KINDS = [
  'application-received',
  'stage-approved',
  'application-rejected',
  'application-approved',
  'voucher-issued',
  'voucher-redeemed',
  'application-waiting',
  'officer-digest',
  'claim-approved',
  'claim-rejected',
  'claim-paid',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const CHANNELS = ['email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Whom a notice is for, as the delivery list shows it. */
export type RecipientRole = 'applicant' | 'officer' | 'provider';

/** The values a kind's template may use; a program's own template is checked against this list. */
export const NOTICE_VALUES: Readonly<Record<NoticeKind, readonly string[]>> = {
  'application-received': ['name', 'reference', 'program', 'link'],
  'stage-approved': ['name', 'reference', 'program', 'stage', 'link'],
  'application-rejected': ['name', 'reference', 'program', 'stage', 'reason', 'link'],
  'application-approved': ['name', 'reference', 'program', 'amount', 'link'],
  'voucher-issued': ['name', 'reference', 'program', 'amount', 'link'],
  'voucher-redeemed': ['name', 'reference', 'program', 'amount', 'remaining', 'link'],
  'application-waiting': ['name', 'reference', 'program', 'stage', 'link'],
  'officer-digest': ['name', 'count', 'link'],
  'claim-approved': ['name', 'claim', 'amount', 'link'],
  'claim-rejected': ['name', 'claim', 'amount', 'link'],
  'claim-paid': ['name', 'claim', 'amount', 'link'],
};

/**
 * One message to send: ids and codes, and the values its template fills in. The only personal value is
 * the recipient's own first name; amounts are formatted, references are the public application references.
 */
export interface Notice {
  /** Unique per event (or digest day), recipient and channel together make the delivery's key. */
  source: string;
  kind: NoticeKind;
  recipientSubject: string;
  recipientRole: RecipientRole;
  /** The program whose template applies and whose managers see the delivery; none for a digest. */
  programId: string | undefined;
  values: Record<string, string | number>;
  /** For an applicant: where the registry and the application keep their contact. */
  applicant?: { registrantId: string | null; givenName?: string; email?: string; phone?: string };
}

/** How to reach a person, and their name to greet them with. */
export interface Recipient {
  subject: string;
  name: string;
  email: string | undefined;
  phone: string | undefined;
}

export type DeliveryStatus = 'PENDING' | 'SENT' | 'FAILED' | 'SKIPPED';
