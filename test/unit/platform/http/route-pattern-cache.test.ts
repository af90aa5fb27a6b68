/**
 * The validator's route lookup compiles each documented path once: a path keeps its compiled pattern, and a
 * pattern compiled with other options (case-sensitive routing) is never handed to a caller that asked otherwise.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from '@jest/globals';
import { keepCompiledRoutePatterns } from '../../../../src/platform/http/route-pattern-cache.js';

type Compile = (path: string, options?: object) => { regexp: RegExp; keys: Array<{ name: string }> };

function validatorsPathToRegexp(): Compile {
  const fromValidator = createRequire(createRequire(import.meta.url).resolve('express-openapi-validator'));
  return (fromValidator('path-to-regexp') as { pathToRegexp: Compile }).pathToRegexp;
}

describe('compiled route patterns', () => {
  it('are compiled once per path and options, and match as freshly compiled ones do', () => {
    keepCompiledRoutePatterns();
    keepCompiledRoutePatterns();
    const compile = validatorsPathToRegexp();
    const insensitive = compile('/api/v1/vouchers/:voucherId', { sensitive: false, strict: false });
    expect(compile('/api/v1/vouchers/:voucherId', { sensitive: false, strict: false })).toBe(insensitive);
    expect(insensitive.keys.map((key) => key.name)).toEqual(['voucherId']);
    expect(insensitive.regexp.exec('/API/v1/vouchers/abc')?.[1]).toBe('abc');

    const sensitive = compile('/api/v1/vouchers/:voucherId', { sensitive: true, strict: false });
    expect(sensitive).not.toBe(insensitive);
    expect(sensitive.regexp.exec('/API/v1/vouchers/abc')).toBeNull();
    expect(sensitive.regexp.exec('/api/v1/vouchers/abc')?.[1]).toBe('abc');
  });
});
