/**
 * The verification module's second door, for code that runs in a browser (the scanner page's offline
 * verifier): what a voucher says it entitles to, with no Node API behind it.
 */
export { factsOf, URN_UUID, type VoucherFacts } from './voucher-facts.js';
