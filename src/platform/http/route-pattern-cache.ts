/**
 * express-openapi-validator (5.6) looks up a request's documented path by compiling every path of the contract
 * with path-to-regexp, in turn, on every request (`lookupRoute`): a tenth of the main thread's time under load.
 * The patterns are fixed once the contract is loaded, so the compiled pattern is kept here per path and options:
 * the same answers, compiled once. The validator reads `pathToRegexp` from its path-to-regexp module at each
 * call, so replacing that export (on the copy the validator resolves) is enough; the result is only read.
 */
import { createRequire } from 'node:module';

interface PathRegexp {
  regexp: RegExp;
  keys: unknown[];
}
type PathToRegexp = (path: unknown, options?: object) => PathRegexp;
interface PathToRegexpModule {
  pathToRegexp: PathToRegexp & { compiledPatterns?: Map<string, PathRegexp> };
}

/** More documented paths than any contract of ours has; past it, patterns are compiled without keeping them. */
const MOST_KEPT = 1000;

/** path-to-regexp 8's options; a call with any other is compiled as it comes. */
const OPTIONS = new Set(['sensitive', 'strict', 'end', 'trailing', 'delimiter', 'encodePath']);

function keyOf(path: unknown, options: object | undefined): string | undefined {
  if (typeof path !== 'string') return undefined;
  if (!options) return path;
  for (const name in options) if (!OPTIONS.has(name)) return undefined;
  const o = options as Record<string, unknown>;
  if (typeof o.encodePath === 'function') return undefined;
  return `${String(o.sensitive)} ${String(o.strict)} ${String(o.end)} ${String(o.trailing)} ${String(o.delimiter)} ${path}`;
}

export function keepCompiledRoutePatterns(): void {
  const fromValidator = createRequire(createRequire(import.meta.url).resolve('express-openapi-validator'));
  const module = fromValidator('path-to-regexp') as PathToRegexpModule;
  if (module.pathToRegexp.compiledPatterns) return;
  const compile = module.pathToRegexp;
  const compiledPatterns = new Map<string, PathRegexp>();
  const keeping: PathToRegexpModule['pathToRegexp'] = (path, options) => {
    const key = keyOf(path, options);
    if (key === undefined) return compile(path, options);
    let compiled = compiledPatterns.get(key);
    if (!compiled) {
      compiled = compile(path, options);
      if (compiledPatterns.size < MOST_KEPT) compiledPatterns.set(key, compiled);
    }
    return compiled;
  };
  keeping.compiledPatterns = compiledPatterns;
  module.pathToRegexp = keeping;
}
