/**
 * Builds the ID preview (preview-id.ts and the identity module's browser door) into one browser script with
 * esbuild, once per process, on the first request for it (platform/web/browser-script.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBrowserScript, builtOnce } from '../../../platform/web/browser-script.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The global the page calls: `IaodIdPreview.previewIdQr(text)`. */
export const ID_PREVIEW_GLOBAL = 'IaodIdPreview';

export const idPreviewScript = builtOnce(() =>
  buildBrowserScript({
    entry: path.join(here, 'preview-id.ts'),
    globalName: ID_PREVIEW_GLOBAL,
    // The vouchers' browser door (base45, inflate) names their context module, which reads its file.
    evaluatedAtBuild: /[/\\]modules[/\\]vouchers[/\\]voucher-context\.(ts|js)$/,
    importMetaUrl: 'file:///id-preview/lib/index.js',
    ownModulesPure: true,
  }),
);
