/**
 * Builds a browser script from TypeScript modules of the service with esbuild, once per process, on the first
 * request for it: nothing is fetched, and no built file is kept in the repository. The portals' scripts that run
 * the service's own code (the scanner's offline verifier, the ID preview) are made here. Modules whose exports are
 * data read with Node's API (a JSON-LD context read from its file) are evaluated at build time: the bundle holds
 * their values instead.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import type { Request, Response } from 'express';

export interface BuiltScript {
  code: string;
  /** A strong ETag (quoted) of the code. */
  etag: string;
}

export interface BrowserScriptOptions {
  /** The module whose exports the script's global holds. */
  entry: string;
  /** The global the page calls, e.g. `IaodOfflineVerifier`. */
  globalName: string;
  /** Modules (by path) whose exports are evaluated at build time. Default none. */
  evaluatedAtBuild?: RegExp;
  /** What the packages' `import.meta.url` becomes (a script has none). */
  importMetaUrl: string;
  /**
   * Whether the service's own modules are taken as free of side effects, so a door's exports the script does not
   * use are left out with everything they import. Default false.
   */
  ownModulesPure?: boolean;
}

const SOURCE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The service's own modules (under src/) run nothing when imported: unused ones can be dropped. */
const ownModulesPure: Plugin = {
  name: 'own-modules-pure',
  setup(builder) {
    builder.onResolve({ filter: /^\.{1,2}\// }, async (args) => {
      if (args.pluginData === 'own-modules-pure' || !args.importer.startsWith(SOURCE_ROOT)) return undefined;
      const resolved = await builder.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'own-modules-pure' });
      if (resolved.errors.length > 0) return undefined;
      return resolved.path.startsWith(SOURCE_ROOT) ? { path: resolved.path, sideEffects: false } : undefined;
    });
  },
};

const require = createRequire(import.meta.url);

function evaluateAtBuild(filter: RegExp): Plugin {
  return {
    name: 'evaluate-at-build',
    setup(builder) {
      builder.onLoad({ filter }, async (args) => {
        const exports = (await import(pathToFileURL(args.path).href)) as Record<string, unknown>;
        const lines = Object.entries(exports)
          // A server path (the context's file) means nothing in a browser.
          .filter(([, value]) => typeof value !== 'string' || !path.isAbsolute(value))
          .map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};`);
        return { contents: lines.join('\n'), loader: 'js' };
      });
    },
  };
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

export async function buildBrowserScript(options: BrowserScriptOptions): Promise<BuiltScript> {
  const result = await build({
    entryPoints: [options.entry],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    globalName: options.globalName,
    target: ['es2022'],
    minify: true,
    legalComments: 'eof',
    // The context packages name their files relative to their module (metadata, never read here).
    define: { 'import.meta.url': JSON.stringify(options.importMetaUrl) },
    logLevel: 'silent',
    plugins: [
      ...(options.ownModulesPure ? [ownModulesPure] : []),
      ...(options.evaluatedAtBuild ? [evaluateAtBuild(options.evaluatedAtBuild)] : []),
      browserFiles,
    ],
  });
  const code = result.outputFiles[0]?.text;
  if (code === undefined) throw new Error(`esbuild produced no ${options.globalName}`);
  return { code, etag: `"${createHash('sha256').update(code).digest('base64url').slice(0, 32)}"` };
}

/** The script, built on first call; a failed build is tried again on the next call. */
export function builtOnce(make: () => Promise<BuiltScript>): () => Promise<BuiltScript> {
  let built: Promise<BuiltScript> | undefined;
  return () => {
    built ??= make().catch((error: unknown) => {
      built = undefined;
      throw error;
    });
    return built;
  };
}

/** Sends a built script, revalidated by its ETag (a new build is a new ETag). */
export function sendBuiltScript(req: Request, res: Response, script: BuiltScript): void {
  res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('ETag', script.etag);
  if (req.headers['if-none-match'] === script.etag) {
    res.status(304).end();
    return;
  }
  res.send(script.code);
}
