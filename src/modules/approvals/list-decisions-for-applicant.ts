import { selectRows } from '../../platform/db/sql.js';
import type { ApprovalsDeps } from './deps.js';

/** A decision on a stage as its applicant's own copy shows it: the officer by display name only, never by subject. */
export interface ApplicantDecisionRecord {
  stage: number;
  stageKind: 'review' | 'assessment';
  decision: 'approve' | 'reject';
  decidedAt: string;
  officerName: string;
  reasonCode: string;
  reason: string;
  reasonText?: string;
  amount?: string;
  currency?: string;
  /** The stage's checklist as answered, by item code. */
  checklist: Record<string, unknown>;
}

/** An officer's verdict on one of the applicant's documents, the officer by display name only. */
export interface ApplicantDocumentVerdict {
  documentId: string;
  stage: number;
  verdict: 'verified' | 'rejected';
  reason?: string;
  officerName: string;
  recordedAt: string;
}

export interface ApplicantDecisions {
  decisions: ApplicantDecisionRecord[];
  documentVerdicts: ApplicantDocumentVerdict[];
}

/**
 * The decisions and document verdicts on these applications, by application id, in stage order: for the
 * applicant's own copy of their data (the export), so the caller passes only that applicant's ids.
 */
export async function listDecisionsForApplicant(
  deps: ApprovalsDeps,
  applicationIds: readonly string[],
): Promise<Map<string, ApplicantDecisions>> {
  const byApplication = new Map<string, ApplicantDecisions>();
  if (applicationIds.length === 0) return byApplication;
  const entryOf = (id: string) => {
    const entry = byApplication.get(id) ?? { decisions: [], documentVerdicts: [] };
    byApplication.set(id, entry);
    return entry;
  };
  const ids = [...applicationIds];
  const decisions = await selectRows<{
    application_id: string;
    stage_position: number;
    stage_kind: 'review' | 'assessment';
    decision: 'approve' | 'reject';
    decided_at: Date;
    officer_display_name: string;
    reason_code: string;
    reason_label: string;
    reason_text: string | null;
    amount: string | null;
    currency: string | null;
    checklist: Record<string, unknown>;
  }>(
    deps.sequelize,
    `SELECT application_id, stage_position, stage_kind, decision, decided_at, officer_display_name, reason_code, reason_label,
       reason_text, amount, currency, checklist
     FROM application_decisions WHERE application_id = ANY (CAST(:ids AS uuid[])) ORDER BY application_id, stage_position`,
    { ids },
  );
  for (const row of decisions) {
    entryOf(row.application_id).decisions.push({
      stage: row.stage_position,
      stageKind: row.stage_kind,
      decision: row.decision,
      decidedAt: row.decided_at.toISOString(),
      officerName: row.officer_display_name,
      reasonCode: row.reason_code,
      reason: row.reason_label,
      ...(row.reason_text ? { reasonText: row.reason_text } : {}),
      ...(row.amount !== null && row.currency !== null ? { amount: row.amount, currency: row.currency } : {}),
      checklist: row.checklist,
    });
  }
  const verdicts = await selectRows<{
    application_id: string;
    document_id: string;
    stage_position: number;
    verdict: 'verified' | 'rejected';
    reason: string | null;
    officer_display_name: string;
    recorded_at: Date;
  }>(
    deps.sequelize,
    `SELECT application_id, document_id, stage_position, verdict, reason, officer_display_name, recorded_at
     FROM document_verifications WHERE application_id = ANY (CAST(:ids AS uuid[])) ORDER BY application_id, id`,
    { ids },
  );
  for (const row of verdicts) {
    entryOf(row.application_id).documentVerdicts.push({
      documentId: row.document_id,
      stage: row.stage_position,
      verdict: row.verdict,
      ...(row.reason ? { reason: row.reason } : {}),
      officerName: row.officer_display_name,
      recordedAt: row.recorded_at.toISOString(),
    });
  }
  return byApplication;
}
