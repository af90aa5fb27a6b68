/**
 * Amounts as pages show them. The services hold money as decimal text (the contract's `Money`), so
 * nothing here goes through a binary float: Intl formats the text as it is, and amounts are compared
 * in cents as integers.
 */

/** The locale of amounts when none is given: English; a page passes its own language (`en`, `fr`, `ar`). */
export const DEFAULT_LOCALE = 'en';

const MONEY = /^(\d+)(?:\.(\d{1,2}))?$/;

/**
 * `5000.00` in USD → `USD 5,000`, `1250.5` → `USD 1,250.50`: the currency's code, the locale's
 * separators, cents only when there are any. Text that is not an amount is shown as it is.
 */
export function formatMoney(amount: string | undefined, currency: string | undefined, locale: string = DEFAULT_LOCALE): string {
  if (!amount) return '';
  if (!MONEY.test(amount)) return [currency, amount].filter(Boolean).join(' ');
  try {
    const format = currency
      ? new Intl.NumberFormat(locale, {
          style: 'currency',
          currency,
          currencyDisplay: 'code',
          trailingZeroDisplay: 'stripIfInteger',
          maximumFractionDigits: 2,
        })
      : new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, trailingZeroDisplay: 'stripIfInteger' });
    // Intl formats a decimal string exactly (no float on the way).
    return format.format(amount as unknown as number);
  } catch (error) {
    // An unknown locale or a malformed currency code: the plain text rather than a broken page.
    if (error instanceof RangeError) return [currency, amount].filter(Boolean).join(' ');
    throw error;
  }
}

/** The amount in cents, or undefined for text that is not an amount. */
export function toCents(amount: string | undefined): bigint | undefined {
  const match = amount === undefined ? null : MONEY.exec(amount);
  if (!match) return undefined;
  return BigInt(match[1] ?? '0') * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

/** Whether `amount` is more than `maximum`; false when either is not an amount. */
export function exceedsAmount(amount: string | undefined, maximum: string | undefined): boolean {
  const cents = toCents(amount);
  const limit = toCents(maximum);
  return cents !== undefined && limit !== undefined && cents > limit;
}
