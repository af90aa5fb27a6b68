/**
 * What a page shows when a change is refused: the errors a person can fix (bad input, a stale version,
 * a rule of the program) become a message on the form; anything else goes on to the error page.
 */
import { describeErrorCode } from '../../platform/http/error-codes.js';
import { ConflictError, InputError } from '../../platform/http/errors.js';
import { fieldMessages, type FieldMessages } from './forms.js';

/** The page shows the current version in place of what was sent, so it says that rather than "reload". */
export const VERSION_CONFLICT_MESSAGE = `${describeErrorCode('ERR_VERSION_CONFLICT').title}: here is the current version.`;

export interface Refusal {
  status: 400 | 409;
  /** A stale version: the page must show the current data. */
  conflict: boolean;
  /** The message for the whole form (absent when the fields say it all). */
  message: string | undefined;
  fields: FieldMessages;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

/** Where a refusal without field paths belongs on the form. */
const FIELD_OF_CODE: Partial<Record<string, string>> = {
  ERR_PROGRAM_CODE_TAKEN: 'code',
  ERR_OFFICER_GROUP_UNKNOWN: 'officer.ref',
};

function toRefusal(error: unknown): Refusal | undefined {
  if (error instanceof ConflictError) {
    if (error.code === 'ERR_VERSION_CONFLICT') return { status: 409, conflict: true, message: VERSION_CONFLICT_MESSAGE, fields: {} };
    const field = FIELD_OF_CODE[error.code];
    return field
      ? { status: 409, conflict: false, message: undefined, fields: { [field]: error.message } }
      : { status: 409, conflict: false, message: describeErrorCode(error.code).explanation, fields: {} };
  }
  if (error instanceof InputError) {
    const field = FIELD_OF_CODE[error.code];
    if (error.fields.length === 0 && field) return { status: 400, conflict: false, message: undefined, fields: { [field]: error.message } };
    const fields = fieldMessages(error);
    return { status: 400, conflict: false, message: Object.keys(fields).length === 0 || fields.form ? error.message : undefined, fields };
  }
  return undefined;
}

/** Runs one change; a refusal a person can act on is returned, anything else is thrown on. */
export async function attempt<T>(change: () => T | Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await change() };
  } catch (error) {
    const refusal = toRefusal(error);
    if (!refusal) throw error;
    return { ok: false, refusal };
  }
}
