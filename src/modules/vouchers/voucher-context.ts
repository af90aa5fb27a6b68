/**
 * Our JSON-LD context, published from the top-level `contexts/` folder. Its URL is one permanent identifier
 * for every deployment (docs/decisions.md, "Voucher credentials"): scanners and the CBOR-LD table know it
 * without knowing which deployment issued a voucher.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../config.js';

export const VOUCHER_CONTEXT_URL = 'https://w3id.org/iaod/voucher/v1';
export const CREDENTIALS_V2_CONTEXT_URL = 'https://www.w3.org/ns/credentials/v2';

/** The file behind VOUCHER_CONTEXT_URL; a published version never changes (a change is a v2). */
export const VOUCHER_CONTEXT_FILE = path.join(PROJECT_ROOT, 'contexts', 'voucher', 'v1.jsonld');

export const voucherContext: unknown = JSON.parse(readFileSync(VOUCHER_CONTEXT_FILE, 'utf8'));
