import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  formatReference,
  MAX_APPLICATION_NUMBER,
  normalizeReference,
  permute,
  unpermute,
} from '../../src/modules/applications/reference.js';

describe('application references', () => {
  it('look like IA-XXX-XXXX in an alphabet without look-alike letters', () => {
    expect(formatReference(1)).toMatch(/^IA-[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('never give two application numbers the same reference (the permutation is one-to-one)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: MAX_APPLICATION_NUMBER }), (n) => unpermute(permute(n)) === n));
    const seen = new Set<string>();
    for (let n = 1; n <= 50_000; n++) seen.add(formatReference(n));
    expect(seen.size).toBe(50_000);
  });

  it('do not reveal how many applications came before', () => {
    expect(formatReference(2).slice(3, 6)).not.toBe(formatReference(1).slice(3, 6));
  });

  it('catch any single mistyped symbol with the check character', () => {
    const reference = formatReference(123_456).replace(/-/g, '').slice(2);
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
    const reference = formatReference(987_654);
    expect(normalizeReference(` ${reference.toLowerCase().replace(/-/g, ' ')} `)).toBe(reference);
  });

  it('refuse numbers outside the range instead of wrapping around', () => {
    expect(() => formatReference(0)).toThrow(RangeError);
    expect(() => formatReference(MAX_APPLICATION_NUMBER + 1)).toThrow(RangeError);
  });
});
