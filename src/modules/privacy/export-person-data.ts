import { zipSync, type Zippable } from 'fflate';
import type { Principal } from '../../platform/auth/principal.js';
import { requireActorRole } from '../../platform/auth/require-role.js';
import { collectPersonData } from './collect-person-data.js';
import type { PrivacyDeps } from './deps.js';

export interface PersonDataArchive {
  /** `my-data-<YYYY-MM-DD>.zip`, the date of the export (UTC). */
  fileName: string;
  bytes: Uint8Array;
}

/**
 * The caller's own data as one ZIP archive: `person.json` and `documents/<sha256>-<name>` for each file they
 * uploaded. Only an applicant exports, and only their own data, found by the subject (and national ID) of
 * their token. The export is written to the audit trail, with ids only, before the archive is handed over.
 */
export async function exportPersonData(deps: PrivacyDeps, person: Principal): Promise<PersonDataArchive> {
  requireActorRole(person, ['applicant']);
  const exportedAt = deps.now();
  const { person: data, files } = await collectPersonData(deps.sources, person, exportedAt);
  // Stored, not deflated: the documents are compressed already, and a person (or a test) can search the archive as it is.
  const entries: Zippable = { 'person.json': [new TextEncoder().encode(`${JSON.stringify(data, null, 2)}\n`), { level: 0 }] };
  for (const [path, bytes] of files) entries[path] = [bytes, { level: 0 }];
  const bytes = zipSync(entries, { mtime: exportedAt });
  await deps.recordAccess(person, [
    {
      type: 'person.data-exported',
      aggregateType: 'user',
      aggregateId: person.subject,
      payload: {
        applicationIds: data.applications.map((application) => application.id),
        documentIds: data.documents.map((document) => document.id),
        voucherIds: data.vouchers.map((voucher) => voucher.id),
      },
    },
  ]);
  return { fileName: `my-data-${exportedAt.toISOString().slice(0, 10)}.zip`, bytes };
}
