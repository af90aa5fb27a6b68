/**
 * The JSON-LD contexts a voucher may name, by URL: credentials v1 and v2, data-integrity v1/v2, multikey,
 * DID v1, Bitstring Status List, and ours. No Node API here: the scanner page's offline verifier is built
 * from this module too (src/web/scan/offline).
 */
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import { contexts as statusListContexts } from '@digitalbazaar/vc-bitstring-status-list-context';
import { contexts as didContexts } from 'did-context';
import { VOUCHER_CONTEXT_URL, voucherContext } from './voucher-context.js';

export const BUNDLED_CONTEXTS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ...credentialsContexts,
  ...dataIntegrityContexts,
  ...multikeyContexts,
  ...didContexts,
  ...statusListContexts,
  [VOUCHER_CONTEXT_URL, voucherContext],
]);
