/** What the privacy operations stand on: the other modules' doors, bound in the composition root (and by tests). */
import type { Principal } from '../../platform/auth/principal.js';
import type { Actor, DomainEvent } from '../../platform/db/command.js';
import type { Preferences } from '../accounts/index.js';
import type { ApplicantDecisions } from '../approvals/index.js';
import type { OwnApplicationRecord } from '../applications/index.js';
import type { HolderRedemption } from '../claims/index.js';
import type { DocumentMetadata } from '../documents/index.js';
import type { VerifiedIdentity } from '../identity/index.js';
import type { OwnRecordChange, Registrant } from '../registry/index.js';
import type { Voucher } from '../vouchers/index.js';

/** Where everything the service holds about one person is read from, each through its module's door. */
export interface PersonDataSources {
  /** The registry record linked to this national ID (with its family members), if any. */
  findRegistrant(nationalId: string): Promise<Registrant | undefined>;
  /** The changes of that record, the officer never named. */
  listRegistryChanges(registrantId: string, ownerSubject: string): Promise<OwnRecordChange[]>;
  /** Every application of the person, drafts too, with its registry proposals. */
  listApplications(subject: string): Promise<OwnApplicationRecord[]>;
  /** The decisions and document verdicts on those applications, officers by display name. */
  listDecisions(applicationIds: readonly string[]): Promise<Map<string, ApplicantDecisions>>;
  /** The metadata of every document the person uploaded. */
  listDocuments(subject: string): Promise<DocumentMetadata[]>;
  /** A document's bytes from the Document Store, read as `reader` (its owner), integrity checked. */
  readDocumentBytes(reader: Principal, documentId: string): Promise<Buffer>;
  /** The vouchers of the person's applications. */
  listVouchers(subject: string): Promise<Voucher[]>;
  /** The redemptions of those vouchers, facilities by name. */
  listRedemptions(voucherIds: readonly string[]): Promise<HolderRedemption[]>;
  readPreferences(subject: string): Promise<Preferences>;
  /** The ID the person verified with their ID card's QR code, and the fields it vouched for, if any. */
  readVerifiedId(subject: string): Promise<VerifiedIdentity | undefined>;
}

export interface PrivacyDeps {
  sources: PersonDataSources;
  /** Writes the export to the audit trail (an access that changes no business state). */
  recordAccess(actor: Actor, events: DomainEvent[]): Promise<void>;
  now: () => Date;
}
