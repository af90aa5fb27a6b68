import { describe, expect, it } from '@jest/globals';
import { findUnstorableText } from '../../../../src/platform/http/storable-values.js';

describe('text PostgreSQL cannot store', () => {
  it('names each refused string and key in the order they were sent', () => {
    const body = { a: ['ok', 'x\u0000'], 'b\u0001': 1, c: { 'd/e': '\ud800', f: 'fine' }, g: 'tab\tand\nnewline' };
    expect(findUnstorableText(body, '/body')).toEqual([
      { path: '/body/a/1', message: 'must not contain control characters or unpaired surrogates' },
      { path: '/body', message: 'has a property name with control characters or unpaired surrogates' },
      { path: '/body/c/d~1e', message: 'must not contain control characters or unpaired surrogates' },
    ]);
  });

  it('walks a value nested far deeper than the call stack goes', () => {
    const depth = 30_000;
    const deep = JSON.parse(`${'{"a":['.repeat(depth)}"\\u0000"${']}'.repeat(depth)}`) as unknown;
    const [refused, ...others] = findUnstorableText(deep, '/body');
    expect(others).toEqual([]);
    expect(refused?.path).toBe(`/body${'/a/0'.repeat(depth)}`);
    expect(findUnstorableText(JSON.parse(`${'['.repeat(depth)}"fine"${']'.repeat(depth)}`), '/body')).toEqual([]);
  });
});
