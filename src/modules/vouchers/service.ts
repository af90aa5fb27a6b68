/**
 * Voucher issuance and status: binds the operations (one file each) to their dependencies for the
 * routes and the pages.
 */
import type { Sequelize } from 'sequelize';
import type { Principal } from '../../platform/auth/principal.js';
import type { CommandRunner } from '../../platform/db/command.js';
import type { Transaction } from '../../platform/db/sql.js';
import type { Clock, IssuerKeySet } from '../../platform/keys/index.js';
import type { ThreadPool } from '../../platform/threads/thread-pool.js';
import { changeVoucherStatus } from './change-voucher-status.js';
import type { UnknownCredential } from './credential.js';
import type { VoucherDocuments, VouchersDeps } from './deps.js';
import { readVoucherPdf, type RenderPdf } from './keep-voucher-pdf.js';
import { createDocumentLoader } from './document-loader.js';
import { readVoucher, type VoucherKey } from './get-voucher.js';
import { listOwnVouchers } from './list-own-vouchers.js';
import { drawFromVoucher } from './draw-from-voucher.js';
import { moveApplications } from './move-applications.js';
import { readRedemptionState } from './redemption-state.js';
import { readTrustBundle } from './trust-bundle.js';
import { createNodeVerifyingSuite } from './node-verifying-suite.js';
import { openScan, type OpenedScan, type ScanInput } from './open-scan.js';
import { verifyVoucher } from './verify-voucher.js';
import { issueVoucher } from './issue-voucher.js';
import { issueVouchers, type VoucherIssuanceItem } from './issue-vouchers.js';
import { listIssuable, type ListIssuableOptions } from './list-issuable.js';
import { listRecentVouchers } from './list-recent-vouchers.js';
import { findApplicationReferences } from './find-references.js';
import { createStatusListFetcher, readStatusList, readStatusListAt } from './publish-status-list.js';
import { checkScan, type StatusListMemory } from './check-scan.js';
import { drawQrPng, drawQrSvg } from './qr/draw-qr.js';
import { createVoucherTypeTable, VOUCHER_REGISTRY_ENTRY_ID } from './qr/type-table.js';
import type { StatusPurpose } from './credential.js';
import { createSealer } from './seal-voucher.js';
import { createStatusPositions } from './status-position.js';
import { issueCredential, verifyCredential } from './vc-api.js';
import { voucherOf } from './voucher-rows.js';

export interface VouchersServiceOptions {
  sequelize: Sequelize;
  commands: CommandRunner;
  keys: IssuerKeySet;
  publicUrl: string;
  /** Keys beneficiary references and status positions (the service's reference key). */
  secret: string;
  /** Where printable vouchers are kept (the Document Store). */
  documents: VoucherDocuments;
  /** Threads that seal vouchers (the runtime's pool); without, or with none, they are sealed on this thread. */
  threads?: ThreadPool;
  now?: Clock;
}

export function createVouchersService(options: VouchersServiceOptions) {
  const documentLoader = createDocumentLoader();
  const typeTables = new Map([
    [VOUCHER_REGISTRY_ENTRY_ID, createVoucherTypeTable({ publicUrl: options.publicUrl, issuerKeys: options.keys.keys })],
  ]);
  const deps: VouchersDeps = {
    sequelize: options.sequelize,
    commands: options.commands,
    keys: options.keys,
    documentLoader,
    typeTables,
    seal: createSealer({ signer: options.keys.signer, documentLoader, typeTables }, options.threads),
    publicUrl: options.publicUrl,
    secret: options.secret,
    positionOf: createStatusPositions(options.secret),
    now: options.now ?? (() => new Date()),
    documents: options.documents,
  };
  const fetchStatusList = createStatusListFetcher(deps);
  const threads = options.threads;
  const SCAN_THREAD = new URL('./scan-thread.ts', import.meta.url);
  const scanTools = { documentLoader, typeTables, verifyingSuite: createNodeVerifyingSuite() };
  const isTrustedIssuer = (issuer: string) => deps.keys.findByIssuer(issuer) !== undefined;
  const scanChecks = {
    fetchStatusList: (url: string) => readStatusListAt(deps, url),
    memory: new Map() as StatusListMemory,
    isTrustedIssuer,
  };
  return {
    issueVoucher: (actor: Principal, applicationId: string) => issueVoucher(deps, actor, applicationId),
    issueVouchers: (actor: Principal, applicationIds: readonly string[], onResult?: (item: VoucherIssuanceItem) => void) =>
      issueVouchers(deps, actor, applicationIds, onResult),
    listIssuable: (options: ListIssuableOptions) => listIssuable(deps, options),
    listRecentVouchers: (limit: number) => listRecentVouchers(deps, limit),
    findApplicationReferences: (ids: readonly string[]) => findApplicationReferences(deps, ids),
    /** Every voucher of one applicant's applications: their own copy (the export). */
    listOwnVouchers: (subject: string) => listOwnVouchers(deps, subject),
    getVoucher: async (reader: Principal, key: VoucherKey) => voucherOf(await readVoucher(deps, reader, key)),
    /** The QR code of a voucher its reader may see. */
    drawVoucherQr: async (reader: Principal, key: VoucherKey, format: 'png' | 'svg') => {
      const { qr_text: text } = await readVoucher(deps, reader, key);
      return format === 'png' ? drawQrPng(text) : drawQrSvg(text);
    },
    /** The printable voucher, made on its first download and kept in the Document Store. */
    readVoucherPdf: (reader: Principal, key: VoucherKey, render: RenderPdf) => readVoucherPdf(deps, reader, key, render),
    revokeVoucher: (actor: Principal, voucherId: string, reason: string) => changeVoucherStatus(deps, actor, voucherId, 'revoke', reason),
    suspendVoucher: (actor: Principal, voucherId: string, reason: string) => changeVoucherStatus(deps, actor, voucherId, 'suspend', reason),
    reinstateVoucher: (actor: Principal, voucherId: string) => changeVoucherStatus(deps, actor, voucherId, 'reinstate', undefined),
    readStatusList: (listNumber: number, purpose: StatusPurpose) => readStatusList(deps, listNumber, purpose),
    fetchStatusList,
    verifyCredential: (credential: UnknownCredential) => verifyCredential(deps, credential),
    /**
     * Every check of a voucher by name (form, signature, issuer, validity window, each status entry); the
     * signature's answer is taken as given when `openScan` checked it already.
     */
    checkVoucher: (credential: UnknownCredential, signatureValid?: boolean) =>
      verifyVoucher({
        credential,
        documentLoader,
        isTrustedIssuer,
        fetchStatusList,
        now: deps.now,
        ...(signatureValid === undefined ? {} : { signatureValid }),
      }),
    /**
     * The checks of what `openScan` opened that read the store (issuer, validity, status lists), with what has been
     * redeemed of it when it is a voucher of ours: one round trip when its status lists are the ones last read.
     */
    checkScan: (credential: UnknownCredential, signatureValid: boolean) => checkScan(deps, scanChecks, credential, signatureValid),
    /** What a scanner read, decoded, with whether its signature holds: on a thread of the pool when there is one. */
    openScan: (input: ScanInput): Promise<OpenedScan> =>
      threads && threads.size > 0 ? threads.run<OpenedScan>(SCAN_THREAD, input) : openScan(scanTools, input),
    readRedemptionState: (voucherId: string) => readRedemptionState(deps, voucherId),
    /** Issuer DIDs, the QR type table and every status list in use: what an offline scanner verifies with. */
    readTrustBundle: () => readTrustBundle(deps),
    /** Draws a redemption's amount from a voucher, in the redeeming command's transaction. */
    drawFromVoucher: (transaction: Transaction, draw: { voucherId: string; amount: string; subject: string; at: Date }) =>
      drawFromVoucher(deps, transaction, draw),
    moveApplications: (transaction: Transaction, voucherIds: readonly string[], from: string, to: string, at: Date) =>
      moveApplications(deps, transaction, voucherIds, from, to, at),
    issueCredential: (actor: Principal, credential: UnknownCredential) => issueCredential(deps, actor, credential),
    documentLoader,
    typeTables: deps.typeTables,
  };
}

export type VouchersService = ReturnType<typeof createVouchersService>;
