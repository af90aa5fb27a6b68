/**
 * Robust statistics for "far outside the usual range": the median and the median absolute deviation
 * (MAD) are not moved by the few extreme values they are meant to find, as a mean and standard deviation are.
 */

/** Below this many past values, no judgement: too few to say what is usual. */
export const MIN_SAMPLE_SIZE = 10;
/** Iglewicz and Hoaglin's cut-off for the modified z-score. */
export const OUTLIER_SCORE = 3.5;

export interface RobustScore {
  median: number;
  /** The median absolute deviation from the median. */
  mad: number;
  /** |x − median| over the scale (1.4826·MAD, or 1.2533·mean absolute deviation when the MAD is 0). */
  score: number;
  sampleSize: number;
}

/** The median of values sorted in ascending order (at least one). */
function medianOf(sorted: number[]): number {
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

/**
 * How far `value` lies from the `past` values, in robust standard deviations; undefined when there are
 * fewer than MIN_SAMPLE_SIZE of them or they do not vary at all (no spread to measure against).
 */
export function robustScoreOf(value: number, past: readonly number[]): RobustScore | undefined {
  if (past.length < MIN_SAMPLE_SIZE) return undefined;
  const median = medianOf([...past].sort((a, b) => a - b));
  const deviations = past.map((x) => Math.abs(x - median)).sort((a, b) => a - b);
  const mad = medianOf(deviations);
  // More than half the values equal: the MAD is 0, and the mean absolute deviation still sees the spread.
  const scale = mad > 0 ? 1.4826 * mad : (1.2533 * deviations.reduce((sum, d) => sum + d, 0)) / deviations.length;
  if (scale === 0) return undefined;
  return { median, mad, score: Math.abs(value - median) / scale, sampleSize: past.length };
}
