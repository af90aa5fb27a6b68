/**
 * Values PostgreSQL would refuse, found before it is asked, so each is a 400 naming its field rather than
 * a database error: text holding a control character (PostgreSQL's text cannot hold NUL at all, and none
 * but tab, newline and carriage return belongs in what a person types) or half of a UTF-16 surrogate pair
 * (jsonb refuses it, and UTF-8 cannot encode it), and dates that are not on the calendar. Integers are
 * kept within their columns by the contract's `minimum`/`maximum`.
 */
import type { FieldError } from './errors.js';

/** C0 and C1 control characters but tab, newline and carriage return. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** A high surrogate with no low one after it, or a low one with no high one before it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const REFUSED_TEXT_MESSAGE = 'must not contain control characters or unpaired surrogates';
const REFUSED_KEY_MESSAGE = 'has a property name with control characters or unpaired surrogates';

/** True when PostgreSQL can store the text as typed. */
export function isStorableText(text: string): boolean {
  return !CONTROL.test(text) && !LONE_SURROGATE.test(text);
}

/** JSON Pointer escaping of one key (RFC 6901). */
function pointerSegment(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** A place in the value being walked; its path is spelled out only when something there is refused. */
interface Place {
  value: unknown;
  segment: string;
  parent: Place | undefined;
  /** Set when the place is a refused key's object, to be reported in the order it was met. */
  refusedKey?: true;
}

function pathOf(place: Place): string {
  const segments: string[] = [];
  for (let at: Place | undefined = place; at !== undefined; at = at.parent) segments.push(at.segment);
  return segments.reverse().join('/');
}

/**
 * Every string (and object key) in `value` that PostgreSQL could not store, as field errors whose paths
 * start with `prefix` (`/body`, `/query`). The message never repeats the value: it may be personal data.
 * The walk keeps its own stack rather than recursing, and spells a path only for what it reports: a body
 * nested tens of thousands deep fits in the body limit, and must be the validator's 400, not a 500 from
 * an overflowed call stack.
 */
export function findUnstorableText(value: unknown, prefix: string): FieldError[] {
  const found: FieldError[] = [];
  const pending: Place[] = [{ value, segment: prefix, parent: undefined }];
  for (let place = pending.pop(); place !== undefined; place = pending.pop()) {
    const item = place.value;
    if (place.refusedKey) found.push({ path: pathOf(place), message: REFUSED_KEY_MESSAGE });
    else if (typeof item === 'string') {
      if (!isStorableText(item)) found.push({ path: pathOf(place), message: REFUSED_TEXT_MESSAGE });
    } else if (item !== null && typeof item === 'object' && !Buffer.isBuffer(item)) {
      const children: Place[] = Array.isArray(item)
        ? item.map((child, index) => ({ value: child, segment: String(index), parent: place }))
        : Object.entries(item as Record<string, unknown>).map(([key, child]) =>
            // A refused key is reported on its object: the key itself would not make a readable path.
            isStorableText(key) ? { value: child, segment: pointerSegment(key), parent: place } : { ...place, refusedKey: true as const },
          );
      // Onto the stack last first, so fields are reported in the order they were sent.
      for (const child of children.reverse()) pending.push(child);
    }
  }
  return found;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A `format: date` check that knows the calendar: `2023-02-29` and `2023-04-31` are refused (ajv-formats'
 * fast mode, the validator's default, takes any day up to 39), and so is year 0, which PostgreSQL refuses.
 */
export function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  // Date.UTC reads years 0–99 as 1900–1999; the leap rule repeats every 400 years, so shift those.
  return day <= daysInMonth(year < 100 ? year + 2000 : year, month);
}
