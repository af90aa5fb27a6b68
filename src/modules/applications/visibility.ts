/**
 * Who may see an application: its applicant, the officers designated in its own stage list, auditors.
 * Kept in one place so listing, reading and the Document Store's question always agree.
 */
import type { Principal } from '../../platform/auth/principal.js';
import { selectOne } from '../../platform/db/sql.js';
import type { ApplicationsDeps } from './deps.js';

export const OFFICER_ROLES = ['reviewer', 'assessor'] as const;

/** Designated for a stage of the application's own stage list (`s`), by subject or as a member of a group. */
const stageOfficer = (stage: string) => `EXISTS (
  SELECT 1 FROM jsonb_array_elements(a.stages) AS s
  LEFT JOIN officer_groups g ON s->'officer'->>'type' = 'group' AND g.code = s->'officer'->>'ref'
  WHERE ${stage} AND ((s->'officer'->>'type' = 'user' AND s->'officer'->>'ref' = :subject) OR :subject = ANY (g.members))
)`;

/** Designated in the application's own stage list, by subject or as a member of a group. */
const IS_STAGE_OFFICER = stageOfficer('TRUE');

/**
 * The designated officer of the first stage of the application's own stage list: who decides the changes
 * its applicant proposed to officer-verified registry data. A condition on applications `a` (`:subject`).
 */
export const IS_FIRST_STAGE_OFFICER = stageOfficer("s->>'position' = '1'");

/** A condition on applications `a` (with its replacements) that holds for those the actor may see. */
export function visibility(actor: Principal): { clause: string; replacements: Record<string, unknown> } {
  const clauses: string[] = [];
  if (actor.roles.includes('auditor')) clauses.push('TRUE');
  if (actor.roles.includes('applicant')) clauses.push('a.applicant_subject = :subject');
  if (OFFICER_ROLES.some((role) => actor.roles.includes(role))) clauses.push(IS_STAGE_OFFICER);
  return {
    clause: clauses.length > 0 ? `(${clauses.join(' OR ')})` : 'FALSE',
    replacements: { subject: actor.subject },
  };
}

/**
 * A condition on applications `a` (with `:subject`) that holds when the actor may read the registry
 * changes its applicant proposed: its first-stage officer, or an auditor. Undefined when it never holds.
 */
export function proposalReaders(actor: Principal): string | undefined {
  if (actor.roles.includes('auditor')) return 'TRUE';
  if (OFFICER_ROLES.some((role) => actor.roles.includes(role))) return IS_FIRST_STAGE_OFFICER;
  return undefined;
}

/** For the Document Store: may this officer read a document attached to an application of theirs? */
export async function mayOfficerReadDocument(deps: ApplicationsDeps, documentId: string, actor: Principal): Promise<boolean> {
  if (!OFFICER_ROLES.some((role) => actor.roles.includes(role))) return false;
  const row = await selectOne(
    deps.sequelize,
    `SELECT 1 AS found FROM application_documents d JOIN applications a ON a.id = d.application_id
     WHERE d.document_id = :documentId AND a.status <> 'DRAFT' AND ${IS_STAGE_OFFICER} LIMIT 1`,
    { documentId, subject: actor.subject },
  );
  return row !== undefined;
}
