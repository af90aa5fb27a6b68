/**
 * The JSON-LD context of an identity card credential, published from the top-level `contexts/` folder like the
 * voucher's, under one permanent URL (docs/decisions.md, "Identity card credentials"). Its terms are schema.org's
 * for the person and ours for the ID number.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../config.js';

export const IDENTITY_CONTEXT_URL = 'https://w3id.org/iaod/identity/v1';

/** The file behind IDENTITY_CONTEXT_URL; a published version never changes (a change is a v2). */
export const IDENTITY_CONTEXT_FILE = path.join(PROJECT_ROOT, 'contexts', 'identity', 'v1.jsonld');

export const identityContext: unknown = JSON.parse(readFileSync(IDENTITY_CONTEXT_FILE, 'utf8'));
