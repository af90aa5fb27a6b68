import type { OutboxConfig } from '../../config.js';

/**
 * How long a consumer waits before its next attempt, after `failedAttempts` failures in a row: the base
 * delay, doubled after each failure, never more than the cap. No jitter: one relay at a time delivers to
 * a consumer, so there is no herd to spread out.
 */
export function retryDelayMs(failedAttempts: number, retry: OutboxConfig['retry']): number {
  const doublings = Math.min(Math.max(failedAttempts - 1, 0), 40);
  return Math.min(retry.maxMs, retry.baseMs * 2 ** doublings);
}
