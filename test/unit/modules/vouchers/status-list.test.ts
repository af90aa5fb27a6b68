import { describe, expect, it } from '@jest/globals';
import {
  buildStatusListCredential,
  createStatusBits,
  decodeStatusBits,
  encodeStatusBits,
  readStatusBit,
  setStatusBit,
  STATUS_LIST_LENGTH,
} from '../../../../src/modules/vouchers/index.js';

describe('bitstring status lists', () => {
  it('starts with every one of 131,072 bits clear', () => {
    const bits = createStatusBits();
    expect(bits.length * 8).toBe(STATUS_LIST_LENGTH);
    expect(readStatusBit(bits, 0)).toBe(false);
    expect(readStatusBit(bits, STATUS_LIST_LENGTH - 1)).toBe(false);
  });

  it("counts bits from the left (index 0 is the first byte's high bit) and leaves the given list unchanged", () => {
    const bits = createStatusBits(16);
    const set = setStatusBit(setStatusBit(bits, 0, true), 9, true);
    expect(Array.from(set)).toEqual([0b1000_0000, 0b0100_0000]);
    expect(Array.from(bits)).toEqual([0, 0]);
    expect(Array.from(setStatusBit(set, 0, false))).toEqual([0, 0b0100_0000]);
  });

  it('refuses an index outside the list', () => {
    expect(() => readStatusBit(createStatusBits(16), 16)).toThrow(RangeError);
    expect(() => setStatusBit(createStatusBits(16), -1, true)).toThrow(RangeError);
  });

  it('encodes as multibase base64url of GZIP and decodes back', async () => {
    const bits = setStatusBit(createStatusBits(), 94_567, true);
    const encoded = await encodeStatusBits(bits);
    expect(encoded).toMatch(/^uH4sI/);
    const decoded = await decodeStatusBits(encoded);
    expect(decoded && readStatusBit(decoded, 94_567)).toBe(true);
    expect(decoded && readStatusBit(decoded, 94_566)).toBe(false);
    expect(await decodeStatusBits('H4sIAAAAAAAAA')).toBeUndefined();
    expect(await decodeStatusBits('unot-gzip')).toBeUndefined();
  });

  it('builds the list credential in the shape of the recommendation', async () => {
    const credential = await buildStatusListCredential({
      id: 'https://iaod.example.org/status-lists/1/suspension',
      issuer: 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
      statusPurpose: 'suspension',
      bits: createStatusBits(),
      validFrom: new Date('2026-12-01T08:00:00.500Z'),
    });
    expect(credential).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      validFrom: '2026-12-01T08:00:00Z',
      credentialSubject: {
        type: 'BitstringStatusList',
        statusPurpose: 'suspension',
        id: 'https://iaod.example.org/status-lists/1/suspension#list',
      },
    });
  });
});
