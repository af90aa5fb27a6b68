/**
 * Service providers and redemptions: binds the operations (one file each) to their dependencies for the
 * routes and the pages.
 */
import type { Sequelize } from 'sequelize';
import type { Principal } from '../../platform/auth/principal.js';
import type { CommandRunner } from '../../platform/db/command.js';
import type { PageRequest } from '../../platform/db/sql.js';
import type { ClaimsDeps } from './deps.js';
import {
  getProvider,
  linkProviderUser,
  listProviders,
  registerProvider,
  requireLinkedProvider,
  unlinkProviderUser,
  type ServiceProviderInput,
} from './providers.js';
import { getRedemption, listOwnRedemptions } from './read-redemptions.js';
import { listVoucherRedemptions } from './list-voucher-redemptions.js';
import { redeemVoucher, type RedemptionInput } from './redeem-voucher.js';
import type { ClaimStatus } from './claim-rows.js';
import { decideClaim, payClaim } from './decide-claim.js';
import { exportClaimsCsv, getClaim, listClaimRedemptions, listClaims, listClaimSignals, mayReadInvoice } from './read-claims.js';
import { submitClaim, type ClaimInput } from './submit-claim.js';

export interface ClaimsServiceOptions {
  sequelize: Sequelize;
  commands: CommandRunner;
  directory: ClaimsDeps['directory'];
  vouchers: ClaimsDeps['vouchers'];
  documents: ClaimsDeps['documents'];
  now?: () => Date;
}

export function createClaimsService(options: ClaimsServiceOptions) {
  const deps: ClaimsDeps = { ...options, now: options.now ?? (() => new Date()) };
  return {
    registerProvider: (actor: Principal, input: ServiceProviderInput) => registerProvider(deps, actor, input),
    listProviders: (reader: Principal) => listProviders(deps, reader),
    getProvider: (reader: Principal, providerId: string) => getProvider(deps, reader, providerId),
    linkProviderUser: (actor: Principal, providerId: string, username: string) => linkProviderUser(deps, actor, providerId, username),
    unlinkProviderUser: (actor: Principal, providerId: string, subject: string) => unlinkProviderUser(deps, actor, providerId, subject),
    /** The caller's facility, or ERR_PROVIDER_NOT_LINKED. */
    providerOf: (actor: Principal) => requireLinkedProvider(deps, actor),
    redeemVoucher: (actor: Principal, input: RedemptionInput, idempotencyKey?: string) => redeemVoucher(deps, actor, input, idempotencyKey),
    getRedemption: (reader: Principal, redemptionId: string) => getRedemption(deps, reader, redemptionId),
    listOwnRedemptions: (reader: Principal, page: PageRequest, options: { unclaimed?: boolean } = {}) =>
      listOwnRedemptions(deps, reader, page, options),
    /** The redemptions of one holder's vouchers, facility by name: their own copy (the export). */
    listVoucherRedemptions: (voucherIds: readonly string[]) => listVoucherRedemptions(deps, voucherIds),
    submitClaim: (actor: Principal, input: ClaimInput, idempotencyKey?: string) => submitClaim(deps, actor, input, idempotencyKey),
    getClaim: (reader: Principal, claimId: string) => getClaim(deps, reader, claimId),
    listClaimRedemptions: (reader: Principal, claimId: string) => listClaimRedemptions(deps, reader, claimId),
    listClaims: (reader: Principal, options: PageRequest & { status?: ClaimStatus }) => listClaims(deps, reader, options),
    /** The redemption signals of these claims, by claim id; for the claims officers (the queue's counts). */
    listClaimSignals: (reader: Principal, claimIds: readonly string[]) => listClaimSignals(deps, reader, claimIds),
    exportClaimsCsv: (reader: Principal) => exportClaimsCsv(deps, reader),
    decideClaim: (actor: Principal, claimId: string, decision: { decision: 'approve' | 'reject'; reason?: string }) =>
      decideClaim(deps, actor, claimId, decision),
    payClaim: (actor: Principal, claimId: string, paymentReference: string) => payClaim(deps, actor, claimId, paymentReference),
    /** For the Document Store's read policy: a claims officer reads the invoices of claims. */
    mayReadInvoice: (documentId: string, reader: Principal) => mayReadInvoice(deps, documentId, reader),
  };
}

export type ClaimsService = ReturnType<typeof createClaimsService>;
