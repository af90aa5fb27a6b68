/**
 * Erasure of the personal values inside a stored JSON document (an application's draft or snapshot): the
 * shape stays, so every reader still finds the fields it expects, and the values a person could be known by
 * become a fixed placeholder. Codes, ids, amounts and dates of the process are kept.
 */

/** What an erased text field reads everywhere. */
export const ERASED = 'erased';
/** What an erased birth date reads: a fixed date, since the columns and the contract require one. */
export const ERASED_DATE = '1900-01-01';

/** Keys whose text is replaced by the placeholder. */
const TEXT_KEYS = new Set(['givenName', 'familyName', 'idValue', 'description', 'fileName', 'facility', 'region', 'name']);
/** Optional keys that are dropped (a placeholder would not be a valid phone, email or address part). */
const DROPPED_KEYS = new Set(['phone', 'email', 'occupation', 'district', 'locality', 'line', 'addressLine', 'paymentAccount']);

export function erasePersonalJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(erasePersonalJson);
  if (value === null || typeof value !== 'object') return value;
  const erased: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    if (DROPPED_KEYS.has(key)) continue;
    if (key === 'birthDate' && typeof field === 'string') erased[key] = ERASED_DATE;
    else if (key === 'gender' && typeof field === 'string') erased[key] = 'undisclosed';
    else if (key === 'age' && typeof field === 'number') erased[key] = 0;
    else if (TEXT_KEYS.has(key) && typeof field === 'string') erased[key] = ERASED;
    else erased[key] = erasePersonalJson(field);
  }
  return erased;
}
