/** Where a step leads back to: only a named place of the portal, never an address from the request. */
import { describe, expect, it } from '@jest/globals';
import { loadMessages } from '../../../../src/platform/i18n/catalogs.js';
import { describeOverMaximum } from '../../../../src/web/ssp/present.js';
import { readReturnPlace, stepPath } from '../../../../src/web/ssp/steps.js';

const DRAFT = '6f1c1f7e-3f0a-4d8e-9b7a-2c4d5e6f7a8b';

describe('readReturnPlace', () => {
  it('accepts the review, also as the first of repeated values', () => {
    expect(readReturnPlace('review')).toBe('review');
    expect(readReturnPlace(['review', 'https://evil.example'])).toBe('review');
  });

  it('refuses addresses and anything else', () => {
    for (const value of ['https://evil.example', '//evil.example', '/ssp', 'Review', ' review', '', undefined, { review: 1 }, ['/x']]) {
      expect(readReturnPlace(value)).toBeUndefined();
    }
  });
});

describe('stepPath', () => {
  it('names the place to return to in the query only when there is one', () => {
    expect(stepPath(DRAFT, 'address')).toBe(`/ssp/drafts/${DRAFT}/address`);
    expect(stepPath(DRAFT, 'address', 'review')).toBe(`/ssp/drafts/${DRAFT}/address?return=review`);
  });
});

describe('describeOverMaximum', () => {
  it('says in plain words what the program pays at most, and that applying is still possible', () => {
    expect(describeOverMaximum('5000.00', 'USD', loadMessages('locales').translatorFor('en'), 'en').replace(/\u00a0/g, ' ')).toBe(
      'This program pays up to USD 5,000. You can still apply; an officer decides the amount.',
    );
  });
});
