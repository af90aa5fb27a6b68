/**
 * Builds the offline verifier (verify-offline.ts and the same voucher modules the service runs) into one
 * browser script with esbuild, once per process, on the first request for it: nothing is fetched, and no
 * built file is kept in the repository. The voucher context module reads a file with Node's API; the
 * bundle gets its exports as they are at build time instead.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

export interface BuiltScript {
  code: string;
  /** A strong ETag (quoted) of the code. */
  etag: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const ENTRY = path.join(here, 'verify-offline.ts');
/** The global the page calls: `IaodOfflineVerifier.verifyOffline(text, bundle)`. */
export const VERIFIER_GLOBAL = 'IaodOfflineVerifier';

/** Modules whose exports are data read with Node's API: the bundle holds their values (JSON) instead. */
const EVALUATED_AT_BUILD = /[/\\]modules[/\\]vouchers[/\\]voucher-context\.(ts|js)$/;

const evaluateAtBuild: Plugin = {
  name: 'evaluate-at-build',
  setup(builder) {
    builder.onLoad({ filter: EVALUATED_AT_BUILD }, async (args) => {
      const exports = (await import(pathToFileURL(args.path).href)) as Record<string, unknown>;
      const lines = Object.entries(exports)
        // A server path (the context's file) means nothing in a browser.
        .filter(([, value]) => typeof value !== 'string' || !path.isAbsolute(value))
        .map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};`);
      return { contents: lines.join('\n'), loader: 'js' };
    });
  },
};

async function buildVerifier(): Promise<BuiltScript> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    globalName: VERIFIER_GLOBAL,
    target: ['es2022'],
    minify: true,
    legalComments: 'eof',
    // The context packages name their files relative to their module (metadata, never read here); a script has
    // no import.meta, so they get a URL of their own to resolve against.
    define: { 'import.meta.url': JSON.stringify('file:///offline-verifier/lib/index.js') },
    logLevel: 'silent',
    plugins: [evaluateAtBuild, browserFiles],
  });
  const code = result.outputFiles[0]?.text;
  if (code === undefined) throw new Error('esbuild produced no offline verifier');
  return { code, etag: `"${createHash('sha256').update(code).digest('base64url').slice(0, 32)}"` };
}

/**
 * Packages whose `browser` file map esbuild does not apply because their `exports` names one file: the browser
 * file, beside the package's entry, is taken instead (base64url-universal's Node file needs Buffer).
 */
const BROWSER_FILES = new Map([['base64url-universal', 'browser.js']]);

const browserFiles: Plugin = {
  name: 'browser-files',
  setup(builder) {
    builder.onResolve({ filter: new RegExp(`^(${[...BROWSER_FILES.keys()].join('|')})$`) }, (args) => ({
      path: path.join(path.dirname(require.resolve(args.path)), BROWSER_FILES.get(args.path) as string),
    }));
  },
};

let built: Promise<BuiltScript> | undefined;

/** The script, built on first call; a failed build is tried again on the next call. */
export function offlineVerifierScript(): Promise<BuiltScript> {
  built ??= buildVerifier().catch((error: unknown) => {
    built = undefined;
    throw error;
  });
  return built;
}
