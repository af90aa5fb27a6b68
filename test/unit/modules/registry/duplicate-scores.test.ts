import { describe, expect, it } from '@jest/globals';
import { isNearBirthDate, scorePair, type PairFeatures } from '../../../../src/modules/registry/duplicate-scores.js';

const pair = (features: Partial<PairFeatures>): PairFeatures => ({
  sameId: false,
  nameSimilarity: 1,
  samePhoneticName: true,
  birthDates: ['1990-02-14', '1990-02-14'],
  sameRegion: true,
  ...features,
});

describe('isNearBirthDate', () => {
  it.each([
    ['1990-02-14', '1990-02-15', 'another day of the month'],
    ['1990-02-14', '1990-07-14', 'another month'],
    ['1990-02-14', '1991-02-14', 'the year one off'],
    ['1993-05-09', '1993-09-05', 'day and month swapped'],
  ])('takes %s and %s as a slip (%s)', (a, b) => {
    expect(isNearBirthDate(a, b)).toBe(true);
  });

  it.each([
    ['1990-02-14', '1990-02-14', 'the same date'],
    ['1960-06-16', '1990-06-16', 'thirty years apart: another generation'],
    ['1990-02-14', '1991-03-14', 'two parts different'],
  ])('does not take %s and %s as a slip (%s)', (a, b) => {
    expect(isNearBirthDate(a, b)).toBe(false);
  });
});

describe('scorePair', () => {
  it('calls the same ID an exact match, whatever else differs', () => {
    expect(scorePair(pair({ sameId: true, nameSimilarity: 0, samePhoneticName: false, sameRegion: false }))).toEqual({
      kind: 'exact',
      score: 1,
      matchedOn: ['id'],
    });
  });

  it('scores the same name, birth date and region 1, naming each', () => {
    expect(scorePair(pair({}))).toEqual({ kind: 'probable', score: 1, matchedOn: ['name', 'phonetic-name', 'birth-date', 'region'] });
  });

  it('raises a name spelt as it sounds when the letters are far apart', () => {
    expect(scorePair(pair({ nameSimilarity: 0.3 }))).toMatchObject({
      kind: 'probable',
      score: 0.93,
      matchedOn: ['phonetic-name', 'birth-date', 'region'],
    });
  });

  it('raises a slip in the birth date with the same name and region', () => {
    expect(scorePair(pair({ birthDates: ['1993-05-09', '1993-09-05'] }))).toMatchObject({
      score: 0.88,
      matchedOn: expect.arrayContaining(['near-birth-date']),
    });
  });

  it('does not raise unlike names born the same day in the same region (twins, neighbours)', () => {
    expect(scorePair(pair({ nameSimilarity: 0.45, samePhoneticName: false }))).toBeUndefined();
  });

  it('does not raise one name born a generation apart', () => {
    expect(scorePair(pair({ birthDates: ['1960-06-16', '1990-06-16'] }))).toBeUndefined();
  });
});
