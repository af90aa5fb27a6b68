/**
 * IANA time zones as this runtime's Intl knows them. A zone is known when Intl can format in it: the
 * list `Intl.supportedValuesOf` gives differs between Node releases (Node 20 lists Asia/Calcutta, not
 * Asia/Kolkata, and leaves out UTC), while both names format on all of them.
 */

/** The zone names to offer in a form, UTC first. */
export function listTimeZones(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
}

/** True for an IANA name (or alias) Intl formats in; offsets such as `+03:00` are not names and are refused. */
export function isKnownTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+/-]*$/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}
