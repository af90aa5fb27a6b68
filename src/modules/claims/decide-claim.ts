/**
 * The claims officer approves or rejects a submitted claim (a rejection with its reason), and marks an
 * approved claim paid with the payment's reference. Each one command on the locked claim row. A rejected
 * claim lets its redemptions go, so the facility can claim them again (their applications back to
 * REDEEMED); a paid claim's applications become REIMBURSED.
 */
import type { Principal } from '../../platform/auth/principal.js';
import { execute, selectOne, selectRows, type Transaction } from '../../platform/db/sql.js';
import { ConflictError, InputError, NotFoundError } from '../../platform/http/errors.js';
import { CLAIM_COLUMNS, claimOf, type Claim, type ClaimRow, type ClaimStatus } from './claim-rows.js';
import type { ClaimsDeps } from './deps.js';
import { requireActorRole } from '../../platform/auth/require-role.js';

async function lockClaim(
  deps: ClaimsDeps,
  claimId: string,
  transaction: Transaction,
): Promise<{ status: ClaimStatus; redemption_ids: string[] }> {
  const claim = await selectOne<{ status: ClaimStatus; redemption_ids: string[] }>(
    deps.sequelize,
    'SELECT status, redemption_ids FROM claims WHERE id = :claimId FOR UPDATE',
    { claimId },
    transaction,
  );
  if (!claim) throw new NotFoundError('There is no claim with this id.');
  return claim;
}

async function vouchersOf(deps: ClaimsDeps, redemptionIds: string[], transaction: Transaction): Promise<string[]> {
  const rows = await selectRows<{ voucher_id: string }>(
    deps.sequelize,
    'SELECT DISTINCT voucher_id FROM redemptions WHERE id = ANY(CAST(:ids AS uuid[]))',
    { ids: `{${redemptionIds.join(',')}}` },
    transaction,
  );
  return rows.map((row) => row.voucher_id);
}

async function readClaim(deps: ClaimsDeps, claimId: string, transaction: Transaction): Promise<Claim> {
  const row = await selectOne<ClaimRow>(
    deps.sequelize,
    `SELECT ${CLAIM_COLUMNS} FROM claims c WHERE c.id = :claimId`,
    { claimId },
    transaction,
  );
  return claimOf(row as ClaimRow);
}

export async function decideClaim(
  deps: ClaimsDeps,
  actor: Principal,
  claimId: string,
  decision: { decision: 'approve' | 'reject'; reason?: string },
): Promise<Claim> {
  requireActorRole(actor, ['claims-officer']);
  const reason = decision.reason?.trim() ?? '';
  if (decision.decision === 'reject' && reason === '') {
    throw new InputError('Say why the claim is rejected.', [{ path: '/body/reason', message: 'is required to reject' }]);
  }
  return deps.commands.run(actor, async (transaction) => {
    const claim = await lockClaim(deps, claimId, transaction);
    if (claim.status !== 'SUBMITTED')
      throw new ConflictError(`The claim is ${claim.status.toLowerCase()}, not waiting for a decision.`, 'ERR_CLAIM_NOT_SUBMITTED');
    const status = decision.decision === 'approve' ? 'APPROVED' : 'REJECTED';
    const now = deps.now();
    await execute(
      deps.sequelize,
      `UPDATE claims SET status = :status, decided_by = :subject, decided_at = :now, decision_reason = :reason WHERE id = :claimId`,
      { status, subject: actor.subject, now, reason: reason === '' ? null : reason, claimId },
      transaction,
    );
    if (status === 'REJECTED') {
      await execute(deps.sequelize, 'UPDATE redemptions SET claim_id = NULL WHERE claim_id = :claimId', { claimId }, transaction);
      await deps.vouchers.moveApplications(
        transaction,
        await vouchersOf(deps, claim.redemption_ids, transaction),
        'CLAIMED',
        'REDEEMED',
        now,
      );
    }
    return {
      result: await readClaim(deps, claimId, transaction),
      events: [{ type: status === 'APPROVED' ? 'claim.approved' : 'claim.rejected', aggregateType: 'claim', aggregateId: claimId }],
    };
  });
}

export async function payClaim(deps: ClaimsDeps, actor: Principal, claimId: string, paymentReference: string): Promise<Claim> {
  requireActorRole(actor, ['claims-officer']);
  return deps.commands.run(actor, async (transaction) => {
    const claim = await lockClaim(deps, claimId, transaction);
    if (claim.status !== 'APPROVED')
      throw new ConflictError(`The claim is ${claim.status.toLowerCase()}, not approved.`, 'ERR_CLAIM_NOT_APPROVED');
    const now = deps.now();
    await execute(
      deps.sequelize,
      `UPDATE claims SET status = 'PAID', paid_by = :subject, paid_at = :now, payment_reference = :reference WHERE id = :claimId`,
      { subject: actor.subject, now, reference: paymentReference.trim(), claimId },
      transaction,
    );
    await deps.vouchers.moveApplications(
      transaction,
      await vouchersOf(deps, claim.redemption_ids, transaction),
      'CLAIMED',
      'REIMBURSED',
      now,
    );
    return {
      result: await readClaim(deps, claimId, transaction),
      events: [{ type: 'claim.paid', aggregateType: 'claim', aggregateId: claimId }],
    };
  });
}
