import { describe, expect, it } from '@jest/globals';
import { decodeBase45, encodeBase45 } from '../../../../../src/modules/vouchers/index.js';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('base45 (RFC 9285)', () => {
  it.each([
    ['AB', 'BB8'],
    ['Hello!!', '%69 VD92EX0'],
    ['base-45', 'UJCLQE7W581'],
    ['ietf!', 'QED8WEX0'],
  ])('encodes %p as the RFC example %p and decodes it back', (text, encoded) => {
    expect(encodeBase45(ascii(text))).toBe(encoded);
    expect(decodeBase45(encoded)).toEqual(ascii(text));
  });

  it('round-trips every byte value and the empty input', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(decodeBase45(encodeBase45(all))).toEqual(all);
    expect(decodeBase45(encodeBase45(all.subarray(1)))).toEqual(all.subarray(1));
    expect(encodeBase45(new Uint8Array())).toBe('');
  });

  it.each([
    ['GGW', 'a triple above 65535 (the RFC example)'],
    ['ZZ', 'a pair above 255'],
    ['BB8A', 'a dangling character'],
    ['bb8', 'lowercase letters'],
    ['BB#', 'a character outside the alphabet'],
  ])('refuses %p: %s', (text) => {
    expect(decodeBase45(text)).toBeUndefined();
  });
});
