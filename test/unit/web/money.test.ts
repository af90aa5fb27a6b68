/** Amounts on pages: formatted from the decimal text with the locale's separators, compared without floats. */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { exceedsAmount, formatMoney, toCents } from '../../../src/web/money.js';

// Intl puts a no-break space between the currency code and the number.
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

describe('formatMoney', () => {
  it('shows the currency code, thousands separators, and cents only when there are any', () => {
    expect(plain(formatMoney('5000.00', 'USD'))).toBe('USD 5,000');
    expect(plain(formatMoney('1250.5', 'USD'))).toBe('USD 1,250.50');
    expect(plain(formatMoney('1250.05', 'KES'))).toBe('KES 1,250.05');
    expect(plain(formatMoney('7', 'USD'))).toBe('USD 7');
  });

  it('keeps every digit of the largest amount the contract allows (no float on the way)', () => {
    expect(plain(formatMoney('999999999999.99', 'USD'))).toBe('USD 999,999,999,999.99');
  });

  it("follows the locale's separators", () => {
    expect(plain(formatMoney('1250.50', 'EUR', 'de'))).toBe('1.250,50 EUR');
    expect(plain(formatMoney('1250.50', 'USD', 'fr'))).toMatch(/^1\s250,50 USD$/);
  });

  it('shows text that is not an amount as it is, and nothing for no amount', () => {
    expect(formatMoney('about a thousand', 'USD')).toBe('USD about a thousand');
    expect(formatMoney(undefined, 'USD')).toBe('');
    expect(formatMoney('', 'USD')).toBe('');
  });

  it('falls back to the plain text for a malformed currency code or locale instead of failing the page', () => {
    expect(formatMoney('12.50', 'US')).toBe('US 12.50');
    expect(formatMoney('12.50', 'USD', 'not a locale!')).toBe('USD 12.50');
  });

  it('formats without a currency when none is known', () => {
    expect(formatMoney('1250.5', undefined)).toBe('1,250.50');
  });
});

describe('exceedsAmount', () => {
  it('compares decimal text in cents', () => {
    expect(exceedsAmount('5000.01', '5000.00')).toBe(true);
    expect(exceedsAmount('5000', '5000.00')).toBe(false);
    expect(exceedsAmount('4999.99', '5000')).toBe(false);
    expect(exceedsAmount('10000', '9999.9')).toBe(true);
  });

  it('is false when either side is not an amount', () => {
    expect(exceedsAmount('lots', '5000')).toBe(false);
    expect(exceedsAmount('6000', undefined)).toBe(false);
    expect(exceedsAmount(undefined, '5000')).toBe(false);
  });

  it('agrees with integer arithmetic on cents for any two amounts', () => {
    const amount = fc.tuple(fc.bigInt({ min: 0n, max: 999_999_999_999n }), fc.integer({ min: 0, max: 99 }));
    fc.assert(
      fc.property(amount, amount, ([aWhole, aCents], [bWhole, bCents]) => {
        const a = `${aWhole}.${String(aCents).padStart(2, '0')}`;
        const b = `${bWhole}.${String(bCents).padStart(2, '0')}`;
        expect(toCents(a)).toBe(aWhole * 100n + BigInt(aCents));
        expect(exceedsAmount(a, b)).toBe(aWhole * 100n + BigInt(aCents) > bWhole * 100n + BigInt(bCents));
      }),
    );
  });
});
