/**
 * The outbox consumer that issues a voucher when the last stage approves an application of a program set to
 * `voucherIssuance: 'on-approval'`. It runs after the approval's transaction, not inside it: the approval
 * stays free of signing keys, and a signing fault delays the voucher instead of refusing the decision.
 */
import type { Sequelize } from 'sequelize';
import type { Principal } from '../../platform/auth/principal.js';
import { selectOne } from '../../platform/db/sql.js';
import { AppError, type ErrorCode } from '../../platform/http/errors.js';
import type { OutboxConsumer, OutboxEvent } from '../../platform/outbox/consumer.js';
import type { Voucher } from './voucher-rows.js';

/** Who issues at approval, as the audit trail names it: an issuing officer that is no person (and no applicant). */
export const AUTO_ISSUER: Principal = {
  subject: 'system:auto-issue',
  username: 'system',
  givenName: undefined,
  familyName: undefined,
  displayName: 'Automatic issuance',
  email: undefined,
  roles: ['issuing-officer'],
  nationalId: undefined,
  clientId: undefined,
};

/** Refusals that mean the voucher is there already, or no longer due: a repeated delivery has nothing to do. */
const NOTHING_TO_DO: readonly ErrorCode[] = ['ERR_VOUCHER_ALREADY_ISSUED', 'ERR_APPLICATION_NOT_APPROVED'];

export interface IssueOnApprovalOptions {
  sequelize: Sequelize;
  issueVoucher: (actor: Principal, applicationId: string) => Promise<Voucher>;
  logger: { info(object: object, message: string): void; warn(object: object, message: string): void };
  /** Stored with each delivery; renaming it starts the consumer afresh. Default `voucher-issue-on-approval`. */
  name?: string;
}

export function createIssueOnApprovalConsumer(options: IssueOnApprovalOptions): OutboxConsumer {
  return {
    name: options.name ?? 'voucher-issue-on-approval',
    async deliver(event) {
      if (!isFinalApproval(event)) return;
      const applicationId = event.aggregateId;
      // Read at delivery: a program switched back to manual before the relay got here is left to its officers.
      if ((await issuanceOf(options.sequelize, applicationId)) !== 'on-approval') return;
      try {
        const voucher = await options.issueVoucher(AUTO_ISSUER, applicationId);
        options.logger.info({ eventId: event.id, applicationId, voucherId: voucher.id }, 'voucher issued at approval');
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error; // the relay tries again later
        if (NOTHING_TO_DO.includes(error.code)) return;
        // Another refusal would repeat on every retry: recorded for an officer to issue by hand.
        options.logger.warn({ eventId: event.id, applicationId, code: error.code }, 'voucher not issued at approval');
      }
    },
  };
}

function isFinalApproval(event: OutboxEvent): boolean {
  return event.type === 'application.stage-decided' && event.aggregateType === 'application' && event.payload.status === 'APPROVED';
}

async function issuanceOf(sequelize: Sequelize, applicationId: string): Promise<string | undefined> {
  const row = await selectOne<{ voucher_issuance: string }>(
    sequelize,
    'SELECT p.voucher_issuance FROM applications a JOIN programs p ON p.id = a.program_id WHERE a.id = :applicationId',
    { applicationId },
  );
  return row?.voucher_issuance;
}
