/**
 * Dates on pages are shown where the program runs: one instant is a different day in Nairobi (UTC+3)
 * and in Lima (UTC-5) around midnight, and the zone is named so a reader knows which clock it is.
 */
import { describe, expect, it } from '@jest/globals';
import { formatCalendarDate, formatMoment } from '../../../src/web/format-dates.js';

const NAIROBI = { locale: 'en-GB', timeZone: 'Africa/Nairobi' };
const LIMA = { locale: 'en-GB', timeZone: 'America/Lima' };

describe('formatting dates in the program time zone', () => {
  it('shows an instant late in the UTC evening as the next morning in Nairobi', () => {
    const instant = new Date('2026-03-03T22:30:00Z');
    expect(formatMoment(instant, NAIROBI)).toBe('4 March 2026 at 01:30 East Africa Time');
  });

  it('shows an instant just after UTC midnight as the evening before in Lima', () => {
    const instant = '2026-03-04T02:15:00.000Z';
    expect(formatMoment(instant, LIMA)).toBe('3 March 2026 at 21:15 Peru Standard Time');
  });

  it('shows the same instant on the UTC date in a program that runs in UTC, naming UTC', () => {
    expect(formatMoment('2026-03-04T02:15:00Z', { locale: 'en-GB', timeZone: 'UTC' })).toBe(
      '4 March 2026 at 02:15 Coordinated Universal Time',
    );
  });

  it('follows the locale it is given', () => {
    expect(formatMoment('2026-03-03T22:30:00Z', { locale: 'fr-FR', timeZone: 'Africa/Nairobi' })).toMatch(/^4 mars 2026.* 01:30 heure/);
  });

  it('falls back to UTC, named as such, for a zone this runtime does not know', () => {
    expect(formatMoment('2026-03-04T02:15:00Z', { locale: 'en-GB', timeZone: 'Mars/Olympus_Mons' })).toBe(
      '4 March 2026 at 02:15 Coordinated Universal Time',
    );
  });

  it('shows a birth date as the calendar day it is, whatever the zone', () => {
    expect(formatCalendarDate('1990-02-14', { locale: 'en-GB' })).toBe('14 February 1990');
    expect(formatCalendarDate('', { locale: 'en-GB' })).toBe('');
    expect(formatCalendarDate('14/02/1990', { locale: 'en-GB' })).toBe('14/02/1990');
  });
});
