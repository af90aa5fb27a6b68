import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { robustScoreOf } from '../../../../src/modules/signals/robust-statistics.js';

const TEN = [1000, 1100, 1150, 1200, 1250, 1300, 1350, 1400, 1500, 1600];

describe('robustScoreOf', () => {
  it('gives no score below ten past values', () => {
    expect(robustScoreOf(50_000, TEN.slice(1))).toBeUndefined();
  });

  it('scores the distance from the median in units of 1.4826 × MAD', () => {
    // Median 1275; deviations 275 175 125 75 25 25 75 125 225 325 → MAD 125.
    const scored = robustScoreOf(1275 + 3 * 1.4826 * 125, TEN);
    expect(scored).toMatchObject({ median: 1275, mad: 125, sampleSize: 10 });
    expect(scored?.score).toBeCloseTo(3, 6);
  });

  it('is not moved by one extreme past value, as a mean would be', () => {
    const withExtreme = [...TEN.slice(0, 9), 1_000_000];
    expect(robustScoreOf(30_000, withExtreme)?.score).toBeGreaterThan(3.5);
  });

  it('falls back to the mean absolute deviation when most past values are equal, and gives none when all are', () => {
    const mostlyEqual = [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1200, 1400, 1600];
    const scored = robustScoreOf(1000, mostlyEqual);
    expect(scored?.mad).toBe(0);
    expect(robustScoreOf(5000, mostlyEqual)?.score).toBeCloseTo(4000 / ((1.2533 * 1200) / 10), 6);
    expect(robustScoreOf(5000, Array(12).fill(1000))).toBeUndefined();
  });

  it('scores the median itself as 0 and is the same whatever the order of the past values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 10, maxLength: 60 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (past, value) => {
          const scored = robustScoreOf(value, past);
          const reversed = robustScoreOf(value, [...past].reverse());
          expect(reversed).toEqual(scored);
          if (scored) expect(robustScoreOf(scored.median, past)?.score).toBe(0);
        },
      ),
    );
  });
});
