import { describe, expect, it } from '@jest/globals';
import { retryDelayMs } from '../../../../src/platform/outbox/retry-delay.js';

describe('retryDelayMs', () => {
  const retry = { baseMs: 1000, maxMs: 300_000 };

  it('waits the base delay after the first failure and twice as long after each further one', () => {
    expect([1, 2, 3, 4, 5].map((failures) => retryDelayMs(failures, retry))).toEqual([1000, 2000, 4000, 8000, 16_000]);
  });

  it('never waits longer than the cap', () => {
    expect(retryDelayMs(9, retry)).toBe(256_000);
    expect(retryDelayMs(10, retry)).toBe(300_000);
    expect(retryDelayMs(10_000, retry)).toBe(300_000);
  });
});
