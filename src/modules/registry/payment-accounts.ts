/**
 * Payment accounts as people type them: the contract allows letters, digits and single spaces or dashes;
 * this checks that the number fits its kind. Shared by the registry, applications and the portal's forms.
 */
import { InputError, type FieldError } from '../../platform/http/errors.js';
import type { PaymentAccount } from './models.js';

/** An IBAN has at most 34 characters; national account numbers are shorter. */
const BANK_NUMBER = /^[A-Za-z0-9]{4,34}$/;
/** A wallet is a phone number: at most 15 digits (E.164). */
const MOBILE_NUMBER = /^[0-9]{6,15}$/;

export const BANK_NUMBER_MESSAGE = 'must have 4 to 34 letters and digits for a bank account';
export const MOBILE_NUMBER_MESSAGE = 'must be a phone number of 6 to 15 digits for mobile money';

/** The number's letters and digits, without the spaces, dashes and leading plus a person may type. */
function bareAccountNumber(number: string): string {
  return number.replace(/[\s+-]/g, '');
}

/** Why the number does not fit its kind, at `path` (where the account sits), or nothing; a draft's parts may be missing. */
export function checkPaymentAccount(account: { kind?: string; number?: string } | undefined, path: string): FieldError[] {
  if (!account?.number || !account.kind) return [];
  const bare = bareAccountNumber(account.number);
  if (account.kind === 'bank' && !BANK_NUMBER.test(bare)) return [{ path: `${path}/number`, message: BANK_NUMBER_MESSAGE }];
  if (account.kind === 'mobile-money' && !MOBILE_NUMBER.test(bare)) return [{ path: `${path}/number`, message: MOBILE_NUMBER_MESSAGE }];
  return [];
}

/** Refuses (400, `ERR_PAYMENT_ACCOUNT_INVALID`) a number that does not fit its kind; nothing is written. */
export function requireValidPaymentAccount(account: PaymentAccount | undefined, path: string): void {
  const problems = checkPaymentAccount(account, path);
  if (problems.length > 0) {
    throw new InputError(
      `The payment account number ${problems.map((p) => p.message).join('; ')}.`,
      problems,
      'ERR_PAYMENT_ACCOUNT_INVALID',
    );
  }
}
