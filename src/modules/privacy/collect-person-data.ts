import type { Principal } from '../../platform/auth/principal.js';
import type { Preferences } from '../accounts/index.js';
import type { ApplicantDecisionRecord, ApplicantDocumentVerdict } from '../approvals/index.js';
import type { OwnApplicationRecord } from '../applications/index.js';
import type { HolderRedemption } from '../claims/index.js';
import type { DocumentMetadata } from '../documents/index.js';
import type { VerifiedIdentity } from '../identity/index.js';
import type { OwnRecordChange, Registrant } from '../registry/index.js';
import type { Voucher } from '../vouchers/index.js';
import type { PersonDataSources } from './deps.js';

/** The version of `person.json`'s shape: raised when a field changes meaning or goes away. */
export const PERSON_EXPORT_FORMAT = 'iaod-person-export/1';

/** A document's metadata and where its bytes are in the archive. */
export type ExportedDocument = DocumentMetadata & { file: string };

/** One application with its decisions and the officers' verdicts on its documents. */
export type ExportedApplication = OwnApplicationRecord & {
  decisions: ApplicantDecisionRecord[];
  documentVerdicts: ApplicantDocumentVerdict[];
};

export type ExportedVoucher = Voucher & { redemptions: Array<Omit<HolderRedemption, 'voucherId'>> };

/** `person.json`: everything the service holds about one person, as one JSON document. */
export interface PersonData {
  format: typeof PERSON_EXPORT_FORMAT;
  exportedAt: string;
  /** The account as the identity provider vouched for it when the export was made, and its saved preferences. */
  account: { username: string; displayName: string; email?: string; preferences: Preferences };
  /** The ID verified with the QR code of the person's ID card (the fields it vouched for), or null. */
  verifiedId: VerifiedIdentity | null;
  /** The registry record (its family members inside), or null when the person is not in the registry. */
  registrant: Registrant | null;
  registryChanges: OwnRecordChange[];
  applications: ExportedApplication[];
  documents: ExportedDocument[];
  vouchers: ExportedVoucher[];
}

export interface CollectedPersonData {
  person: PersonData;
  /** The documents' bytes, by their path in the archive. */
  files: Map<string, Buffer>;
}

// Letters and digits of ASCII, dot, dash and underscore: every unzip tool on every system reads the name.
const UNSAFE_IN_ARCHIVE = /[^A-Za-z0-9._-]+/g;

/** `documents/<sha256>-<file name>`, the name reduced to characters every unzip tool accepts. */
export function archivePathOf(document: Pick<DocumentMetadata, 'sha256' | 'fileName'>): string {
  const name = document.fileName
    .normalize('NFKD')
    .replace(UNSAFE_IN_ARCHIVE, '_')
    .replace(/^[._]+/, '')
    .slice(0, 100);
  return `documents/${document.sha256}-${name || 'document'}`;
}

/** Reads everything held about `person`, through the other modules' doors, found by their subject and national ID only. */
export async function collectPersonData(sources: PersonDataSources, person: Principal, exportedAt: Date): Promise<CollectedPersonData> {
  const { subject } = person;
  const registrant = person.nationalId ? ((await sources.findRegistrant(person.nationalId)) ?? null) : null;
  const [registryChanges, records, metadata, vouchers, preferences, verifiedId] = await Promise.all([
    registrant ? sources.listRegistryChanges(registrant.id, subject) : Promise.resolve([]),
    sources.listApplications(subject),
    sources.listDocuments(subject),
    sources.listVouchers(subject),
    sources.readPreferences(subject),
    sources.readVerifiedId(subject),
  ]);
  const [decisions, redemptions] = await Promise.all([
    sources.listDecisions(records.map((record) => record.id)),
    sources.listRedemptions(vouchers.map((voucher) => voucher.id)),
  ]);

  const files = new Map<string, Buffer>();
  const documents: ExportedDocument[] = [];
  // One at a time: a person may hold many files, and each is read whole.
  for (const document of metadata) {
    const file = archivePathOf(document);
    if (!files.has(file)) files.set(file, await sources.readDocumentBytes(person, document.id));
    documents.push({ ...document, file });
  }

  return {
    person: {
      format: PERSON_EXPORT_FORMAT,
      exportedAt: exportedAt.toISOString(),
      account: {
        username: person.username,
        displayName: person.displayName,
        ...(person.email ? { email: person.email } : {}),
        preferences,
      },
      verifiedId: verifiedId ?? null,
      registrant,
      registryChanges,
      applications: records.map((record) => ({
        ...record,
        decisions: decisions.get(record.id)?.decisions ?? [],
        documentVerdicts: decisions.get(record.id)?.documentVerdicts ?? [],
      })),
      documents,
      vouchers: vouchers.map((voucher) => ({
        ...voucher,
        redemptions: redemptions.filter((r) => r.voucherId === voucher.id).map(({ voucherId: _voucherId, ...redemption }) => redemption),
      })),
    },
    files,
  };
}
