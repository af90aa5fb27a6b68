import { describe, expect, it } from '@jest/globals';
import { FAILURE_RESET_SECONDS, createSignInLockout } from '../../../../../src/platform/auth/dev-provider/sign-in-lockout.js';

const SETTINGS = { maxFailures: 5, waitIncrementSeconds: 60, maxWaitSeconds: 900 };

function clock() {
  let current = Date.parse('2026-11-30T12:00:00Z');
  return {
    now: () => current,
    advanceSeconds(seconds: number) {
      current += seconds * 1000;
    },
  };
}

describe('sign-in lockout of the development provider', () => {
  it('locks an account for the wait increment at the fifth wrong password in a row, and no sooner', () => {
    const time = clock();
    const lockout = createSignInLockout(SETTINGS, time.now);
    for (let failure = 1; failure < 5; failure += 1) {
      expect(lockout.recordFailure('u1')).toBe(0);
      expect(lockout.isLocked('u1')).toBe(false);
    }
    expect(lockout.recordFailure('u1')).toBe(60);
    expect(lockout.isLocked('u1')).toBe(true);
    time.advanceSeconds(59);
    expect(lockout.isLocked('u1')).toBe(true);
    time.advanceSeconds(1);
    expect(lockout.isLocked('u1')).toBe(false);
  });

  it('locks again at each wrong password past the limit, a wait increment longer every five, up to the longest wait', () => {
    const time = clock();
    const lockout = createSignInLockout(SETTINGS, time.now);
    const waits: number[] = [];
    for (let failure = 1; failure <= 80; failure += 1) {
      waits.push(lockout.recordFailure('u1'));
      time.advanceSeconds(900);
    }
    expect(waits.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(waits.slice(4, 10)).toEqual([60, 60, 60, 60, 60, 120]);
    expect(waits[14]).toBe(180);
    expect(waits[74]).toBe(900);
    expect(waits[79]).toBe(900);
  });

  it('forgets the wrong passwords of an account that signs in', () => {
    const lockout = createSignInLockout(SETTINGS, clock().now);
    for (let failure = 1; failure < 5; failure += 1) lockout.recordFailure('u1');
    lockout.recordSuccess('u1');
    for (let failure = 1; failure < 5; failure += 1) expect(lockout.recordFailure('u1')).toBe(0);
    expect(lockout.isLocked('u1')).toBe(false);
  });

  it('forgets wrong passwords after twelve hours without another', () => {
    const time = clock();
    const lockout = createSignInLockout(SETTINGS, time.now);
    for (let failure = 1; failure < 5; failure += 1) lockout.recordFailure('u1');
    time.advanceSeconds(FAILURE_RESET_SECONDS + 1);
    expect(lockout.recordFailure('u1')).toBe(0);
    expect(FAILURE_RESET_SECONDS).toBe(43_200);
  });

  it('counts each account on its own', () => {
    const lockout = createSignInLockout(SETTINGS, clock().now);
    for (let failure = 1; failure <= 5; failure += 1) lockout.recordFailure('u1');
    expect(lockout.isLocked('u1')).toBe(true);
    expect(lockout.isLocked('u2')).toBe(false);
    expect(lockout.recordFailure('u2')).toBe(0);
  });

  it('never locks with a limit of 0', () => {
    const lockout = createSignInLockout({ ...SETTINGS, maxFailures: 0 }, clock().now);
    for (let failure = 1; failure <= 50; failure += 1) expect(lockout.recordFailure('u1')).toBe(0);
    expect(lockout.isLocked('u1')).toBe(false);
  });
});
