/**
 * Builds the offline verifier (verify-offline.ts and the same voucher modules the service runs) into one
 * browser script with esbuild, once per process, on the first request for it (platform/web/browser-script.ts).
 * The voucher context module reads a file with Node's API; the bundle gets its exports as they are at build time.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBrowserScript, builtOnce, type BuiltScript } from '../../../platform/web/browser-script.js';

export type { BuiltScript };

const here = path.dirname(fileURLToPath(import.meta.url));
const ENTRY = path.join(here, 'verify-offline.ts');
/** The global the page calls: `IaodOfflineVerifier.verifyOffline(text, bundle)`. */
export const VERIFIER_GLOBAL = 'IaodOfflineVerifier';

/** Modules whose exports are data read with Node's API: the bundle holds their values (JSON) instead. */
const EVALUATED_AT_BUILD = /[/\\]modules[/\\]vouchers[/\\]voucher-context\.(ts|js)$/;

/** The script, built on first call; a failed build is tried again on the next call. */
export const offlineVerifierScript = builtOnce(() =>
  buildBrowserScript({
    entry: ENTRY,
    globalName: VERIFIER_GLOBAL,
    evaluatedAtBuild: EVALUATED_AT_BUILD,
    importMetaUrl: 'file:///offline-verifier/lib/index.js',
  }),
);
