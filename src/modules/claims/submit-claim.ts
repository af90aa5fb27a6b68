/**
 * A provider user claims reimbursement for redemptions of their facility, with an invoice they uploaded.
 * One command: the redemptions are locked (in id order), every rule checked (each of this facility → none in
 * another claim → one currency → the total equals their sum → the invoice is the caller's own invoice), then
 * the claim is written, the redemptions marked with it and their applications moved to CLAIMED.
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../platform/auth/principal.js';
import { execute, selectRows } from '../../platform/db/sql.js';
import { AppError, ConflictError, InputError } from '../../platform/http/errors.js';
import type { components } from '../../generated/openapi.js';
import { CLAIM_COLUMNS, claimOf, type Claim, type ClaimRow } from './claim-rows.js';
import type { ClaimsDeps } from './deps.js';
import { requireLinkedProvider } from './providers.js';

export type ClaimInput = components['schemas']['ClaimInput'];

const cents = (amount: string) => Math.round(Number(amount) * 100);

export async function submitClaim(
  deps: ClaimsDeps,
  actor: Principal,
  input: ClaimInput,
  idempotencyKey: string | undefined,
): Promise<{ claim: Claim; replayed: boolean }> {
  const ids = [...new Set(input.redemptionIds.map((id) => id.toLowerCase()))];
  if (ids.length !== input.redemptionIds.length) {
    throw new InputError('A redemption is named twice.', [{ path: '/body/redemptionIds', message: 'must not repeat a redemption' }]);
  }
  const { result, replayed } = await deps.commands.runIdempotent(
    actor,
    { key: idempotencyKey, operation: 'submitClaim', request: input },
    async (transaction) => {
      const provider = await requireLinkedProvider(deps, actor, transaction);
      const redemptions = await selectRows<{
        id: string;
        provider_id: string;
        claim_id: string | null;
        amount: string;
        currency: string;
        voucher_id: string;
      }>(
        deps.sequelize,
        `SELECT id, provider_id, claim_id, amount, currency, voucher_id FROM redemptions
         WHERE id = ANY(CAST(:ids AS uuid[])) ORDER BY id FOR UPDATE`,
        { ids: `{${ids.join(',')}}` },
        transaction,
      );
      const foreign = ids.filter((id) => !redemptions.some((row) => row.id === id && row.provider_id === provider.id));
      if (foreign.length > 0) {
        throw new AppError('ERR_CLAIM_FOREIGN_REDEMPTION', {
          detail: `${foreign.length} of the redemptions named are not your facility's.`,
          extensions: { redemptionIds: foreign },
        });
      }
      const claimed = redemptions.filter((row) => row.claim_id !== null).map((row) => row.id);
      if (claimed.length > 0) {
        throw new ConflictError(`${claimed.length} of the redemptions are in another claim already.`, 'ERR_REDEMPTION_ALREADY_CLAIMED');
      }
      const currencies = [...new Set(redemptions.map((row) => row.currency))];
      if (currencies.length !== 1) {
        throw new AppError('ERR_CLAIM_MIXED_CURRENCIES', {
          detail: `The redemptions are in ${currencies.join(' and ')}: claim each currency apart.`,
        });
      }
      const sum = redemptions.reduce((total, row) => total + cents(row.amount), 0);
      if (cents(input.total) !== sum) {
        throw new AppError('ERR_CLAIM_TOTAL_MISMATCH', {
          detail: `The redemptions add up to ${(sum / 100).toFixed(2)} ${currencies[0]}, not ${input.total}.`,
          extensions: { expectedTotal: (sum / 100).toFixed(2) },
        });
      }
      const [invoice] = await deps.documents.findOwnedBy([input.invoiceDocumentId], actor.subject, transaction);
      if (!invoice || invoice.kind !== 'invoice') {
        throw new AppError('ERR_CLAIM_INVOICE_MISSING', { detail: 'The invoice must be a document of kind "invoice" that you uploaded.' });
      }
      const id = randomUUID();
      const now = deps.now();
      const [row] = await selectRows<ClaimRow>(
        deps.sequelize,
        `WITH c AS (
           INSERT INTO claims (id, provider_id, status, total, currency, invoice_document_id, redemption_ids, submitted_by, submitted_at)
           VALUES (:id, :providerId, 'SUBMITTED', :total, :currency, :invoiceId, CAST(:ids AS uuid[]), :subject, :now)
           RETURNING *
         )
         SELECT ${CLAIM_COLUMNS} FROM c`,
        {
          id,
          providerId: provider.id,
          total: (sum / 100).toFixed(2),
          currency: currencies[0],
          invoiceId: invoice.id,
          ids: `{${ids.join(',')}}`,
          subject: actor.subject,
          now,
        },
        transaction,
      );
      await execute(
        deps.sequelize,
        'UPDATE redemptions SET claim_id = :id WHERE id = ANY(CAST(:ids AS uuid[]))',
        { id, ids: `{${ids.join(',')}}` },
        transaction,
      );
      await deps.vouchers.moveApplications(transaction, [...new Set(redemptions.map((row) => row.voucher_id))], 'REDEEMED', 'CLAIMED', now);
      return {
        result: claimOf(row as ClaimRow),
        events: [
          {
            type: 'claim.submitted',
            aggregateType: 'claim',
            aggregateId: id,
            payload: { providerId: provider.id, total: (sum / 100).toFixed(2), currency: currencies[0], redemptions: ids.length },
          },
        ],
      };
    },
  );
  return { claim: result, replayed };
}
