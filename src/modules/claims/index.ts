/** What other modules and the composition root may use of the claims module (providers, redemptions). */
export { addClaimSignalIndexes, createClaims, createServiceProviders } from './migrations.js';
export { createClaimsHandlers } from './routes.js';
export { createClaimsService, type ClaimsService, type ClaimsServiceOptions } from './service.js';
export type { ServiceProvider, ServiceProviderInput } from './providers.js';
export type { Redemption, RedemptionInput } from './redeem-voucher.js';
export type { Claim, ClaimStatus } from './claim-rows.js';
export type { ClaimSignal, ClaimSignalKind } from './find-claim-signals.js';
export { DEMO_FACILITY_NAME, seedDemoFacility } from './seed.js';
export { eraseRedemptionTexts } from './erase-redemption-texts.js';
export type { HolderRedemption } from './list-voucher-redemptions.js';
export { findClaimFacts, type ClaimFacts } from './find-claim-facts.js';
