/**
 * Drawing an amount from a voucher, inside the command of whoever redeems it (the claims module). One
 * conditional UPDATE does the check and the change: the row must be in force, within its validity window,
 * and keep what was drawn within its amount. Concurrent draws on any number of app instances queue on the
 * row, and each one re-checks the condition against the row as the previous one left it, so the total drawn
 * never passes the amount. When nothing remains the voucher becomes REDEEMED and its revocation list is
 * published again, so every scanner that checks status refuses it from then on.
 */
import { execute, selectOne, selectRows, type Transaction } from '../../platform/db/sql.js';
import { AppError, NotFoundError } from '../../platform/http/errors.js';
import type { VouchersDeps } from './deps.js';
import { republishStatusList } from './publish-status-list.js';
import type { VoucherStatus } from './voucher-rows.js';

export interface VoucherDraw {
  voucherId: string;
  applicationId: string;
  programId: string;
  amount: string;
  currency: string;
  /** What had been drawn before this draw. */
  drawnBefore: string;
  /** What remains after this draw. */
  remaining: string;
  status: VoucherStatus;
}

interface DrawnRow {
  id: string;
  application_id: string;
  program_id: string;
  amount: string;
  currency: string;
  redeemed_amount: string;
  remaining: string;
  status: VoucherStatus;
  status_list: number;
}

export async function drawFromVoucher(
  deps: VouchersDeps,
  transaction: Transaction,
  draw: { voucherId: string; amount: string; subject: string; at: Date },
): Promise<VoucherDraw> {
  const [row] = await selectRows<DrawnRow>(
    deps.sequelize,
    `UPDATE vouchers v SET redeemed_amount = v.redeemed_amount + CAST(:amount AS numeric),
       status = CASE WHEN v.redeemed_amount + CAST(:amount AS numeric) = v.amount THEN 'REDEEMED' ELSE v.status END,
       status_changed_by = CASE WHEN v.redeemed_amount + CAST(:amount AS numeric) = v.amount THEN :subject ELSE v.status_changed_by END,
       status_changed_at = CASE WHEN v.redeemed_amount + CAST(:amount AS numeric) = v.amount THEN :at ELSE v.status_changed_at END
     WHERE v.id = :voucherId AND v.status = 'ACTIVE' AND v.valid_from <= :at AND v.valid_until > :at
       AND v.redeemed_amount + CAST(:amount AS numeric) <= v.amount
     RETURNING v.id, v.application_id, v.program_id, v.amount, v.currency, v.redeemed_amount,
       v.amount - v.redeemed_amount AS remaining, v.status, v.status_list`,
    { voucherId: draw.voucherId, amount: draw.amount, subject: draw.subject, at: draw.at },
    transaction,
  );
  if (!row) throw await refusalOf(deps, transaction, draw);
  if (row.status === 'REDEEMED') await republishStatusList(deps, row.status_list, 'revocation', transaction);
  // The application's first redemption moves it on; later ones leave it where it is.
  await execute(
    deps.sequelize,
    "UPDATE applications SET status = 'REDEEMED', updated_at = :at, version = version + 1 WHERE id = :id AND status = 'VOUCHER_ISSUED'",
    { id: row.application_id, at: draw.at },
    transaction,
  );
  return {
    voucherId: row.id,
    applicationId: row.application_id,
    programId: row.program_id,
    amount: row.amount,
    currency: row.currency,
    drawnBefore: (Number(row.redeemed_amount) - Number(draw.amount)).toFixed(2),
    remaining: row.remaining,
    status: row.status,
  };
}

/** Why a draw changed nothing, checked in the order a provider would want to hear it. */
async function refusalOf(
  deps: VouchersDeps,
  transaction: Transaction,
  draw: { voucherId: string; amount: string; at: Date },
): Promise<AppError> {
  const voucher = await selectOne<{ status: VoucherStatus; valid_from: Date; valid_until: Date; remaining: string; currency: string }>(
    deps.sequelize,
    'SELECT status, valid_from, valid_until, amount - redeemed_amount AS remaining, currency FROM vouchers WHERE id = :voucherId',
    { voucherId: draw.voucherId },
    transaction,
  );
  if (!voucher) return new NotFoundError('This service issued no voucher with that id.');
  if (voucher.status === 'REVOKED') return new AppError('ERR_VOUCHER_REVOKED', { detail: 'The program revoked this voucher.' });
  if (voucher.status === 'SUSPENDED') return new AppError('ERR_VOUCHER_SUSPENDED', { detail: 'The program has suspended this voucher.' });
  if (voucher.status === 'REDEEMED') return new AppError('ERR_VOUCHER_REDEEMED', { detail: 'Nothing remains on this voucher.' });
  if (voucher.valid_until.getTime() <= draw.at.getTime()) {
    return new AppError('ERR_VOUCHER_EXPIRED', { detail: `The voucher was valid until ${voucher.valid_until.toISOString()}.` });
  }
  if (voucher.valid_from.getTime() > draw.at.getTime()) {
    return new AppError('ERR_VOUCHER_NOT_YET_VALID', { detail: `The voucher is valid from ${voucher.valid_from.toISOString()}.` });
  }
  return new AppError('ERR_REDEMPTION_OVER_REMAINING', {
    detail: `${draw.amount} ${voucher.currency} is more than the ${voucher.remaining} ${voucher.currency} that remain on this voucher.`,
    extensions: { remaining: voucher.remaining },
  });
}
