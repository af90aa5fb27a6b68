import type { Principal } from '../../platform/auth/principal.js';
import { selectOne, selectRows } from '../../platform/db/sql.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { visibility } from '../applications/index.js';
import type { ApprovalsDeps } from './deps.js';
import type { DocumentVerification } from './models.js';

interface VerificationRow {
  document_id: string;
  verdict: 'verified' | 'rejected';
  reason: string | null;
  stage_position: number;
  officer_subject: string;
  officer_display_name: string;
  recorded_at: Date;
}

/**
 * The latest verdict on each marked document of an application the caller may see as an officer or
 * auditor; the reasons may describe the applicant, so reading is recorded as reading the application is.
 */
export async function listDocumentVerifications(
  deps: ApprovalsDeps,
  actor: Principal,
  applicationId: string,
): Promise<DocumentVerification[]> {
  const { clause, replacements } = visibility(actor);
  const visible = await selectOne<{ applicant_subject: string }>(
    deps.sequelize,
    `SELECT a.applicant_subject FROM applications a WHERE a.id = :id AND a.status <> 'DRAFT' AND ${clause}`,
    { ...replacements, id: applicationId },
  );
  if (!visible) throw new NotFoundError('No application with that id.');
  const rows = await selectRows<VerificationRow>(
    deps.sequelize,
    `SELECT DISTINCT ON (document_id) document_id, verdict, reason, stage_position, officer_subject, officer_display_name, recorded_at
     FROM document_verifications WHERE application_id = :id ORDER BY document_id, id DESC`,
    { id: applicationId },
  );
  if (visible.applicant_subject !== actor.subject) {
    await deps.commands.recordAccess(actor, [{ type: 'application.read', aggregateType: 'application', aggregateId: applicationId }]);
  }
  return rows.map((row) => ({
    documentId: row.document_id,
    verdict: row.verdict,
    ...(row.reason === null ? {} : { reason: row.reason }),
    position: row.stage_position,
    recordedBy: { subject: row.officer_subject, displayName: row.officer_display_name },
    recordedAt: row.recorded_at.toISOString(),
  }));
}
