import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  formatReference,
  MAX_APPLICATION_NUMBER,
  normalizeReference,
  permute,
  unpermute,
} from '../../src/modules/applications/reference.js';

const KEY = { secret: 'a-test-reference-key' };
const format = (n: number) => formatReference(n, KEY);

describe('application references', () => {
  it('look like IA-XXX-XXXX in an alphabet without look-alike letters', () => {
    expect(format(1)).toMatch(/^IA-[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('never give two application numbers the same reference (the permutation is one-to-one)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: MAX_APPLICATION_NUMBER }), (n) => unpermute(permute(n, KEY), KEY) === n));
    const seen = new Set<string>();
    for (let n = 1; n <= 50_000; n++) seen.add(format(n));
    expect(seen.size).toBe(50_000);
  });

  it('do not reveal how many applications came before', () => {
    expect(format(2).slice(3, 6)).not.toBe(format(1).slice(3, 6));
  });

  it('catch any single mistyped symbol with the check character', () => {
    const reference = format(123_456).replace(/-/g, '').slice(2);
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    for (let i = 0; i < reference.length; i++) {
      for (const symbol of alphabet) {
        if (symbol === reference[i]) continue;
        const typo = reference.slice(0, i) + symbol + reference.slice(i + 1);
        expect(normalizeReference(typo)).toBeUndefined();
      }
    }
  });

  it('read back a reference typed carelessly', () => {
    const reference = format(987_654);
    expect(normalizeReference(` ${reference.toLowerCase().replace(/-/g, ' ')} `)).toBe(reference);
  });

  it('depend on the key: another key spells the same numbers differently, still one-to-one and checkable', () => {
    const other = { secret: 'another-test-reference-key' };
    const mine = Array.from({ length: 1000 }, (_, i) => format(i + 1));
    const theirs = Array.from({ length: 1000 }, (_, i) => formatReference(i + 1, other));
    expect(mine.filter((reference, i) => reference === theirs[i]).length).toBeLessThan(5);
    expect(new Set(theirs).size).toBe(1000);
    for (const reference of theirs) expect(normalizeReference(reference)).toBe(reference);
    fc.assert(fc.property(fc.integer({ min: 1, max: MAX_APPLICATION_NUMBER }), (n) => unpermute(permute(n, other), other) === n));
  });

  it('refuse numbers outside the range instead of wrapping around', () => {
    expect(() => format(0)).toThrow(RangeError);
    expect(() => format(MAX_APPLICATION_NUMBER + 1)).toThrow(RangeError);
  });
});
