/** The work queue's filters: only what the form offers, written back as the form would. */
import { describe, expect, it } from '@jest/globals';
import { queuePath, readQueueFilters } from '../../../../src/web/officer/queue-page.js';

const PROGRAM = '6f1c1f7e-3f0a-4d8e-9b7a-2c4d5e6f7a8b';

describe('readQueueFilters', () => {
  it('keeps the filters the form offers and ignores anything else', () => {
    expect(readQueueFilters({ programId: PROGRAM, minWaitHours: '72', page: '2' })).toEqual({
      programId: PROGRAM,
      minWaitHours: 72,
      page: 2,
    });
    expect(readQueueFilters({ programId: "x' OR 1=1", minWaitHours: '5', page: '-1' })).toEqual({ page: 1 });
  });

  it('writes the queue address the form would', () => {
    expect(queuePath({ page: 1 })).toBe('/officer');
    expect(queuePath({ programId: PROGRAM, minWaitHours: 24, page: 3 })).toBe(`/officer?programId=${PROGRAM}&minWaitHours=24&page=3`);
  });
});
