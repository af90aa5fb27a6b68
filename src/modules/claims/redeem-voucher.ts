/**
 * A provider user redeems a voucher for what their facility gave: the whole remaining amount or part of it.
 * One command: the user's facility is found (or ERR_PROVIDER_NOT_LINKED), the amount is drawn from the
 * voucher by the vouchers module's one conditional update (never more than its value in total, whatever
 * the number of app instances), and the redemption and its record are written. With an Idempotency-Key, a
 * retried request returns the first redemption and draws nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../platform/auth/principal.js';
import { selectRows } from '../../platform/db/sql.js';
import type { components } from '../../generated/openapi.js';
import { InputError } from '../../platform/http/errors.js';
import type { ClaimsDeps } from './deps.js';
import { requireLinkedProvider } from './providers.js';
import { redemptionOf, type RedemptionRow } from './redemption-rows.js';

export type Redemption = components['schemas']['Redemption'];
export type RedemptionInput = components['schemas']['RedemptionInput'];

export async function redeemVoucher(
  deps: ClaimsDeps,
  actor: Principal,
  input: RedemptionInput,
  idempotencyKey: string | undefined,
): Promise<{ redemption: Redemption; replayed: boolean }> {
  if (!(Number(input.amount) > 0)) {
    throw new InputError('The amount must be more than zero.', [{ path: '/body/amount', message: 'must be more than zero' }]);
  }
  const { result, replayed } = await deps.commands.runIdempotent(
    actor,
    { key: idempotencyKey, operation: 'redeemVoucher', request: input },
    async (transaction) => {
      const provider = await requireLinkedProvider(deps, actor, transaction);
      const at = deps.now();
      const draw = await deps.vouchers.drawFromVoucher(transaction, {
        voucherId: input.voucherId,
        amount: input.amount,
        subject: actor.subject,
        at,
      });
      const id = randomUUID();
      const [row] = await selectRows<RedemptionRow>(
        deps.sequelize,
        `INSERT INTO redemptions (id, voucher_id, provider_id, redeemed_by, amount, currency, service, redeemed_at, remaining_after)
         VALUES (:id, :voucherId, :providerId, :subject, :amount, :currency, :service, :at, :remaining)
         RETURNING *, (SELECT name FROM service_providers WHERE id = :providerId) AS provider_name`,
        {
          id,
          voucherId: draw.voucherId,
          providerId: provider.id,
          subject: actor.subject,
          amount: input.amount,
          currency: draw.currency,
          service: input.service,
          at,
          remaining: draw.remaining,
        },
        transaction,
      );
      return {
        result: redemptionOf(row as RedemptionRow, draw.status),
        events: [
          {
            type: 'voucher.redeemed',
            aggregateType: 'redemption',
            aggregateId: id,
            // Ids and amounts only: the service given may describe the person's condition.
            payload: {
              voucherId: draw.voucherId,
              applicationId: draw.applicationId,
              programId: draw.programId,
              providerId: provider.id,
              amount: input.amount,
              currency: draw.currency,
              remaining: draw.remaining,
              fullyRedeemed: draw.status === 'REDEEMED',
            },
          },
        ],
      };
    },
  );
  return { redemption: result, replayed };
}
