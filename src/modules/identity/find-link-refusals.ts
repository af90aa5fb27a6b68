/**
 * The refused attempts of an account to link an ID another account holds (link-verified-id.ts records them): for the
 * first-stage officer of that account's applications, as a signal. When, and nothing else: not the ID, not the
 * other account.
 */
import { selectRows } from '../../platform/db/sql.js';
import type { IdentityDeps } from './deps.js';

/** At most this many attempts are told: enough to see a pattern, bounded for a page. */
const ATTEMPTS_LIMIT = 20;

export interface LinkRefusal {
  attemptedAt: Date;
}

/** An account's refused attempts, newest first. */
export async function findLinkRefusals(deps: IdentityDeps, subject: string): Promise<LinkRefusal[]> {
  const rows = await selectRows<{ attempted_at: Date }>(
    deps.sequelize,
    `SELECT attempted_at FROM identity_link_refusals WHERE subject = :subject ORDER BY attempted_at DESC, id DESC LIMIT ${ATTEMPTS_LIMIT}`,
    { subject },
  );
  return rows.map((row) => ({ attemptedAt: row.attempted_at }));
}
