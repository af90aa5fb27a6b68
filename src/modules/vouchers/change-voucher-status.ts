import type { Principal } from '../../platform/auth/principal.js';
import { selectOne, execute } from '../../platform/db/sql.js';
import { ConflictError, NotFoundError } from '../../platform/http/errors.js';
import type { StatusPurpose } from './credential.js';
import type { VouchersDeps } from './deps.js';
import { republishStatusList } from './publish-status-list.js';
import { requireVoucherRole } from './require-voucher-role.js';
import { VOUCHER_COLUMNS, voucherOf, type Voucher, type VoucherRow, type VoucherStatus } from './voucher-rows.js';

export type VoucherStatusChange = 'revoke' | 'suspend' | 'reinstate';

interface ChangeRule {
  from: readonly VoucherStatus[];
  to: VoucherStatus;
  /** The list whose bit changes. */
  purpose: StatusPurpose;
  refusal: () => ConflictError;
  event: string;
}

const RULES: Record<VoucherStatusChange, ChangeRule> = {
  revoke: {
    from: ['ACTIVE', 'SUSPENDED'],
    to: 'REVOKED',
    purpose: 'revocation',
    refusal: () => new ConflictError('The voucher is already revoked.', 'ERR_VOUCHER_REVOKED_ALREADY'),
    event: 'voucher.revoked',
  },
  suspend: {
    from: ['ACTIVE'],
    to: 'SUSPENDED',
    purpose: 'suspension',
    refusal: () => new ConflictError('Only a voucher in force can be suspended.', 'ERR_VOUCHER_NOT_ACTIVE'),
    event: 'voucher.suspended',
  },
  reinstate: {
    from: ['SUSPENDED'],
    to: 'ACTIVE',
    purpose: 'suspension',
    refusal: () => new ConflictError('Only a suspended voucher can be reinstated.', 'ERR_VOUCHER_NOT_SUSPENDED'),
    event: 'voucher.reinstated',
  },
};

/**
 * The program manager revokes (for good), suspends or reinstates a voucher, with a reason. One command:
 * the voucher row is locked, the move checked, the status and reason stored, the list whose bit changed
 * published again (a revoked voucher leaving suspension clears that bit too), and the change recorded.
 * A revoked voucher's application becomes REVOKED.
 */
export async function changeVoucherStatus(
  deps: VouchersDeps,
  actor: Principal,
  voucherId: string,
  change: VoucherStatusChange,
  reason: string | undefined,
): Promise<Voucher> {
  requireVoucherRole(actor, 'program-manager');
  const rule = RULES[change];
  return deps.commands.run(actor, async (transaction) => {
    const current = await selectOne<{ status: VoucherStatus; status_list: number; application_id: string }>(
      deps.sequelize,
      'SELECT status, status_list, application_id FROM vouchers WHERE id = :voucherId FOR UPDATE',
      { voucherId },
      transaction,
    );
    if (!current) throw new NotFoundError('No voucher with that id.');
    if (!rule.from.includes(current.status)) throw rule.refusal();
    const now = deps.now();
    await execute(
      deps.sequelize,
      `UPDATE vouchers SET status = :status, status_reason = :reason, status_changed_by = :subject, status_changed_at = :now
       WHERE id = :voucherId`,
      { status: rule.to, reason: reason ?? null, subject: actor.subject, now, voucherId },
      transaction,
    );
    if (rule.to === 'REVOKED') {
      await execute(
        deps.sequelize,
        "UPDATE applications SET status = 'REVOKED', updated_at = :now, version = version + 1 WHERE id = :id",
        { now, id: current.application_id },
        transaction,
      );
    }
    await republishStatusList(deps, current.status_list, rule.purpose, transaction);
    if (current.status === 'SUSPENDED' && rule.to === 'REVOKED')
      await republishStatusList(deps, current.status_list, 'suspension', transaction);
    const row = (await selectOne<VoucherRow>(
      deps.sequelize,
      `SELECT ${VOUCHER_COLUMNS} FROM vouchers v JOIN applications a ON a.id = v.application_id WHERE v.id = :voucherId`,
      { voucherId },
      transaction,
    )) as VoucherRow;
    return {
      result: voucherOf(row),
      // The reason in words may name people: the record keeps the move, the officer and the ids.
      events: [
        {
          type: rule.event,
          aggregateType: 'voucher',
          aggregateId: voucherId,
          payload: { applicationId: current.application_id, from: current.status, to: rule.to },
        },
      ],
    };
  });
}
