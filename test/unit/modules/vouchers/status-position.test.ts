import { describe, expect, it } from '@jest/globals';
import { STATUS_LIST_LENGTH } from '../../../../src/modules/vouchers/index.js';
import { createStatusPositions } from '../../../../src/modules/vouchers/status-position.js';

describe("a voucher's place in the status lists", () => {
  const positionOf = createStatusPositions('a test secret of the service');

  it('gives every voucher of a list its own index, so no two vouchers share a bit', () => {
    const indexes = new Set<number>();
    for (let n = 0; n < STATUS_LIST_LENGTH; n++) {
      const { listNumber, statusListIndex } = positionOf(n);
      expect(listNumber).toBe(1);
      indexes.add(statusListIndex);
    }
    expect(indexes.size).toBe(STATUS_LIST_LENGTH);
  });

  it('moves to the next list once one is full', () => {
    expect(positionOf(STATUS_LIST_LENGTH - 1).listNumber).toBe(1);
    expect(positionOf(STATUS_LIST_LENGTH).listNumber).toBe(2);
    expect(positionOf(STATUS_LIST_LENGTH).statusListIndex).toBe(positionOf(0).statusListIndex);
  });

  it('scatters consecutive vouchers, differently under another secret', () => {
    const first = [0, 1, 2, 3].map((n) => positionOf(n).statusListIndex);
    expect(first).not.toEqual([0, 1, 2, 3]);
    const other = createStatusPositions('another secret');
    expect([0, 1, 2, 3].map((n) => other(n).statusListIndex)).not.toEqual(first);
  });

  it('refuses a sequence number that is not a whole number ≥ 0', () => {
    expect(() => positionOf(-1)).toThrow(RangeError);
    expect(() => positionOf(1.5)).toThrow(RangeError);
  });
});
