/**
 * What a page shows when a change is refused: the errors a person can fix (bad input, a stale version,
 * a rule of the program) become a message on the form; anything else goes on to the error page.
 */
import { ConflictError, InputError, type AppError } from '../../platform/http/errors.js';
import type { Translate } from '../../platform/i18n/catalogs.js';
import { SOURCE_LANGUAGE, type PageLanguage } from '../../platform/i18n/languages.js';
import { FormInputError, fieldMessages, type FieldMessages } from './forms.js';

/** The page's words: its translator and its language (a request has both). */
export interface PageWords {
  t: Translate;
  language: PageLanguage;
}

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
  ERR_REASSIGNMENT_NOT_WAITING: 'reference',
};

/** The page shows the current version in place of what was sent, so it says that rather than "reload". */
export function versionConflictMessage(t: Translate): string {
  return t('admin.conflict.current', { title: t('problem.ERR_VERSION_CONFLICT.title') });
}

/**
 * The service words its refusals in English, with the values that were wrong. In English the page says
 * them; in another language it says the code's explanation, as the API's problem documents do.
 */
function serviceMessages(error: AppError, words: PageWords) {
  const english = words.language === SOURCE_LANGUAGE || error instanceof FormInputError;
  const explanation = () => words.t(`problem.${error.code}.explanation`);
  return {
    message: english ? error.message : explanation(),
    fields: (messages: FieldMessages): FieldMessages =>
      english ? messages : Object.fromEntries(Object.keys(messages).map((key) => [key, explanation()])),
  };
}

function toRefusal(error: unknown, words: PageWords): Refusal | undefined {
  const { t } = words;
  if (error instanceof ConflictError) {
    if (error.code === 'ERR_VERSION_CONFLICT') return { status: 409, conflict: true, message: versionConflictMessage(t), fields: {} };
    const field = FIELD_OF_CODE[error.code];
    return field
      ? { status: 409, conflict: false, message: undefined, fields: { [field]: serviceMessages(error, words).message } }
      : { status: 409, conflict: false, message: t(`problem.${error.code}.explanation`), fields: {} };
  }
  if (error instanceof InputError) {
    const said = serviceMessages(error, words);
    const field = FIELD_OF_CODE[error.code];
    if (error.fields.length === 0 && field) return { status: 400, conflict: false, message: undefined, fields: { [field]: said.message } };
    const fields = said.fields(fieldMessages(error));
    return { status: 400, conflict: false, message: Object.keys(fields).length === 0 || fields.form ? said.message : undefined, fields };
  }
  return undefined;
}

/** Runs one change; a refusal a person can act on is returned in the page's words, anything else is thrown on. */
export async function attempt<T>(change: () => T | Promise<T>, words: PageWords): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await change() };
  } catch (error) {
    const refusal = toRefusal(error, words);
    if (!refusal) throw error;
    return { ok: false, refusal };
  }
}
