import type { Sequelize } from 'sequelize';
import type { DirectoryUser } from '../../platform/auth/user-directory.js';
import type { CommandRunner } from '../../platform/db/command.js';
import type { Transaction } from '../../platform/db/sql.js';
import type { VoucherDraw } from '../vouchers/index.js';

/** What the claims operations stand on, bound once by the service. */
export interface ClaimsDeps {
  sequelize: Sequelize;
  commands: CommandRunner;
  /** The identity provider's users, to check whom a manager links to a facility. */
  directory: { findUser(usernameOrSubject: string): Promise<DirectoryUser | undefined> };
  /** Draws an amount from a voucher in the redemption's transaction (the vouchers module's rule). */
  vouchers: {
    drawFromVoucher(transaction: Transaction, draw: { voucherId: string; amount: string; subject: string; at: Date }): Promise<VoucherDraw>;
    /** Moves the applications of these vouchers that are at `from` to `to` (claimed, reimbursed). */
    moveApplications(transaction: Transaction, voucherIds: readonly string[], from: string, to: string, at: Date): Promise<void>;
  };
  /** The Document Store's documents of an owner (the claim's invoice). */
  documents: {
    findOwnedBy(ids: string[], ownerSubject: string, transaction?: Transaction): Promise<Array<{ id: string; kind: string }>>;
  };
  now: () => Date;
}
