/**
 * The status timeline as an applicant reads it: their words (never the officers' stage names), the
 * status line agreeing with the steps, and the date of each step that has happened, where the program runs.
 */
import { describe, expect, it } from '@jest/globals';
import type { Application } from '../../../../src/modules/applications/index.js';
import { loadMessages } from '../../../../src/platform/i18n/catalogs.js';
import { describeStatus, describeTimeline } from '../../../../src/web/ssp/present.js';

const t = loadMessages('locales').translatorFor('en');

const NAIROBI = { locale: 'en-GB', timeZone: 'Africa/Nairobi' };

function applicationWith(status: Application['status'], timeline: Application['timeline']): Application {
  return { status, timeline, submittedAt: '2026-03-03T22:30:00.000Z' } as Application;
}

const SOCIAL_WORKER = { position: 1, name: 'Social worker: documents, enrolment, deduplication, eligibility', kind: 'review' } as const;
const SENIOR_OFFICER = { position: 2, name: 'Senior officer: verification, eligibility and amount', kind: 'assessment' } as const;

describe('the status timeline', () => {
  it('says a just-sent application is being checked, in the same words as the status, dated where the program runs', () => {
    const application = applicationWith('SUBMITTED', [
      { ...SOCIAL_WORKER, state: 'current' },
      { ...SENIOR_OFFICER, state: 'waiting' },
    ]);
    expect(describeStatus(application.status, t)).toBe('Sent, being checked');
    expect(describeTimeline(application, NAIROBI, t)).toEqual([
      {
        title: 'Sent',
        state: 'approved',
        words: 'Done',
        when: { text: '4 March 2026 at 01:30 East Africa Time', iso: '2026-03-03T22:30:00.000Z' },
      },
      { title: 'Check 1 of 2', state: 'current', words: 'Being checked', when: undefined },
      { title: 'Check 2 of 2', state: 'waiting', words: 'Not started yet', when: undefined },
      { title: 'Decision', state: 'waiting', words: 'Not yet' },
    ]);
  });

  it('dates each decided stage and the decision of an approved application', () => {
    const application = applicationWith('APPROVED', [
      { ...SOCIAL_WORKER, state: 'approved', decidedAt: '2026-03-05T06:00:00.000Z' },
      { ...SENIOR_OFFICER, state: 'approved', decidedAt: '2026-03-06T21:10:00.000Z' },
    ]);
    const steps = describeTimeline(application, NAIROBI, t);
    expect(steps.map((s) => [s.title, s.words, s.when?.text])).toEqual([
      ['Sent', 'Done', '4 March 2026 at 01:30 East Africa Time'],
      ['Check 1 of 2', 'Passed', '5 March 2026 at 09:00 East Africa Time'],
      ['Check 2 of 2', 'Passed, amount set', '7 March 2026 at 00:10 East Africa Time'],
      ['Decision', 'Approved', '7 March 2026 at 00:10 East Africa Time'],
    ]);
  });

  it('ends with "Not approved" on the date of the rejection, and the later stage never starts', () => {
    const application = applicationWith('REJECTED', [
      { ...SOCIAL_WORKER, state: 'rejected', decidedAt: '2026-03-05T06:00:00.000Z' },
      { ...SENIOR_OFFICER, state: 'waiting' },
    ]);
    const steps = describeTimeline(application, NAIROBI, t);
    expect(steps.map((s) => [s.title, s.state, s.words, s.when?.text])).toEqual([
      ['Sent', 'approved', 'Done', '4 March 2026 at 01:30 East Africa Time'],
      ['Check 1 of 2', 'rejected', 'Not approved', '5 March 2026 at 09:00 East Africa Time'],
      ['Check 2 of 2', 'waiting', 'Not started yet', undefined],
      ['Decision', 'rejected', 'Not approved', '5 March 2026 at 09:00 East Africa Time'],
    ]);
  });

  it("never shows the officers' words to the applicant", () => {
    const application = applicationWith('IN_REVIEW', [
      { ...SOCIAL_WORKER, state: 'approved', decidedAt: '2026-03-05T06:00:00.000Z' },
      { ...SENIOR_OFFICER, state: 'current' },
    ]);
    const words = JSON.stringify(describeTimeline(application, NAIROBI, t)) + describeStatus(application.status, t);
    expect(words).not.toMatch(/enrolment|deduplication|Social worker|Senior officer|review/i);
  });
});
