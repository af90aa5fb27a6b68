import type { Sequelize } from 'sequelize';
import type { CommandRunner, DomainEvent } from '../../platform/db/command.js';
import type { Transaction } from '../../platform/db/sql.js';
import type { Clock, IssuerKeySet } from '../../platform/keys/index.js';
import type { DocumentLoader } from './document-loader.js';
import type { TypeTables } from './qr/voucher-qr.js';
import type { SealVoucher } from './seal-voucher.js';
import type { StatusPosition } from './status-position.js';

/** What the voucher operations stand on, bound once by the service. */
export interface VouchersDeps {
  sequelize: Sequelize;
  commands: CommandRunner;
  keys: IssuerKeySet;
  documentLoader: DocumentLoader;
  typeTables: TypeTables;
  /** Signs a voucher and encodes it for its QR code, on a thread of the pool when there is one. */
  seal: SealVoucher;
  /** The deployment's public URL: status lists are served under it. */
  publicUrl: string;
  /** Keys the beneficiary references and the status positions. */
  secret: string;
  positionOf: (sequenceNumber: number) => StatusPosition;
  now: Clock;
  /** Where printable vouchers are kept (the Document Store). */
  documents: VoucherDocuments;
}

export interface VoucherDocuments {
  keep(
    file: { kind: 'voucher'; mediaType: 'application/pdf'; fileName: string; bytes: Buffer },
    transaction: Transaction,
  ): Promise<{ id: string; event: DomainEvent }>;
  readGenerated(id: string): Promise<Buffer | undefined>;
}
