/** What the notifications need of a claim: who at the facility to tell, and the figures (no reasons in words). */
import type { Sequelize } from 'sequelize';
import { selectOne, selectRows } from '../../platform/db/sql.js';

export interface ClaimFacts {
  id: string;
  providerId: string;
  status: string;
  total: string;
  currency: string;
  /** The facility's users, by subject. */
  providerUserSubjects: string[];
}

export async function findClaimFacts(sequelize: Sequelize, claimId: string): Promise<ClaimFacts | undefined> {
  const claim = await selectOne<{ id: string; provider_id: string; status: string; total: string; currency: string }>(
    sequelize,
    'SELECT id, provider_id, status, total, currency FROM claims WHERE id = :claimId',
    { claimId },
  );
  if (!claim) return undefined;
  const users = await selectRows<{ subject: string }>(
    sequelize,
    'SELECT subject FROM provider_users WHERE provider_id = :providerId ORDER BY subject',
    { providerId: claim.provider_id },
  );
  return {
    id: claim.id,
    providerId: claim.provider_id,
    status: claim.status,
    total: claim.total,
    currency: claim.currency,
    providerUserSubjects: users.map((user) => user.subject),
  };
}
