/**
 * fast-check arbitraries read from the contract's JSON schemas: values a schema takes (to get past the
 * validator into the service), and ways to spoil them (to try everything the validator must stop).
 */
import fc from 'fast-check';

export interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  minProperties?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

export interface SchemaArbitraryOptions {
  /** Follows a `$ref` (the bundled contract's `#/components/...`). */
  resolve(schema: Schema): Schema;
  /**
   * Strings the service knows (ids of records made so far, user names, codes) that may fit the field
   * named `name`; those that pass the field's own constraints are offered often, so generated requests
   * reach records that exist rather than stopping at 404.
   */
  known(name: string | undefined): readonly string[];
}

/** How long a generated string may be; the mutations send the long ones. */
const USUAL_MAX_LENGTH = 40;

const typeOf = (schema: Schema): string | undefined =>
  Array.isArray(schema.type) ? schema.type[0] : (schema.type ?? (schema.properties ? 'object' : undefined));

/** Whether a string passes a string schema's own constraints (enum, length, pattern, the formats we generate). */
export function fitsString(schema: Schema, value: string): boolean {
  if (schema.enum) return schema.enum.includes(value);
  if (schema.minLength !== undefined && value.length < schema.minLength) return false;
  if (schema.maxLength !== undefined && value.length > schema.maxLength) return false;
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) return false;
  if (schema.format === 'uuid') return /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(value);
  if (schema.format === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(value);
  return true;
}

const calendarDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

/** Arbitraries made from a schema alone, kept: building one from a pattern costs more than drawing from it. */
const generatedStrings = new WeakMap<Schema, fc.Arbitrary<string>>();

function stringArbitrary(schema: Schema, name: string | undefined, options: SchemaArbitraryOptions): fc.Arbitrary<string> {
  const known = options.known(name).filter((value) => fitsString(schema, value));
  let generated = generatedStrings.get(schema);
  if (!generated) generatedStrings.set(schema, (generated = generatedString(schema)));
  return known.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: generated }) : generated;
}

function generatedString(schema: Schema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? USUAL_MAX_LENGTH, USUAL_MAX_LENGTH));
  if (schema.enum) return fc.constantFrom(...(schema.enum as string[]));
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date') return calendarDate;
  if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((date) => date.toISOString());
  if (schema.format === 'email') return fc.emailAddress().filter((email) => email.length <= (schema.maxLength ?? 254));
  if (schema.pattern?.startsWith('^') && schema.pattern.endsWith('$')) {
    return fc.stringMatching(new RegExp(schema.pattern)).filter((text) => text.length >= minLength && text.length <= maxLength);
  }
  const pattern = schema.pattern === undefined ? undefined : new RegExp(schema.pattern, 'u');
  return fc
    .string({ unit: 'grapheme', minLength, maxLength })
    .filter((text) => text.length <= maxLength && (pattern === undefined || pattern.test(text)));
}

/** Values `raw` takes; property names pick the known strings offered (see {@link SchemaArbitraryOptions.known}). */
export function valueOf(raw: Schema, options: SchemaArbitraryOptions, name?: string, depth = 0): fc.Arbitrary<unknown> {
  const schema = options.resolve(raw);
  if (depth > 12) return fc.constant(null);
  if (schema.allOf) {
    return fc
      .tuple(...schema.allOf.map((part) => valueOf(part, options, name, depth + 1)))
      .map((parts) => Object.assign({}, ...parts) as unknown);
  }
  const choice = schema.oneOf ?? schema.anyOf;
  if (choice) return fc.oneof(...choice.map((part) => valueOf(part, options, name, depth + 1)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.type) && schema.type.length > 1) {
    return fc.oneof(...schema.type.map((type) => valueOf({ ...schema, type }, options, name, depth + 1)));
  }
  switch (typeOf(schema)) {
    case 'object': {
      const properties = schema.properties ?? {};
      const model = Object.fromEntries(
        Object.entries(properties).map(([key, property]) => [key, valueOf(property, options, key, depth + 1)] as const),
      );
      const requiredKeys = (schema.required ?? []).filter((key) => key in properties);
      // Often only what is required: every optional field is one more rule a request can break.
      return fc
        .oneof(
          { weight: 2, arbitrary: fc.record(model, { requiredKeys }) },
          { weight: 1, arbitrary: fc.record(Object.fromEntries(Object.entries(model).filter(([key]) => requiredKeys.includes(key)))) },
        )
        .filter((value) => Object.keys(value).length >= (schema.minProperties ?? 0));
    }
    case 'array':
      return fc.array(valueOf(schema.items ?? {}, options, name, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    case 'string':
      return stringArbitrary(schema, name, options);
    case 'integer': {
      // Mostly near the minimum (positions, counts), sometimes anywhere in range.
      const min = Math.max(schema.minimum ?? -(2 ** 31), Number.MIN_SAFE_INTEGER);
      const max = Math.min(schema.maximum ?? 2 ** 31 - 1, Number.MAX_SAFE_INTEGER);
      return fc.oneof(
        { weight: 2, arbitrary: fc.integer({ min, max: Math.min(max, min + 4) }) },
        { weight: 1, arbitrary: fc.integer({ min, max }) },
      );
    }
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A JSON Pointer into a value, as its segments. */
export type ValuePath = Array<string | number>;

/** Every place inside `value` (the root included) a mutation can hit. */
export function pathsIn(value: unknown, at: ValuePath = []): ValuePath[] {
  const inside = Array.isArray(value)
    ? value.flatMap((item, index) => pathsIn(item, [...at, index]))
    : value !== null && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, item]) => pathsIn(item, [...at, key]))
      : [];
  return [at, ...inside];
}

/** A copy of `value` with what is at `path` replaced by `replace(old)`, or removed when it returns `REMOVE`. */
export const REMOVE = Symbol('remove');
export function changeAt(value: unknown, path: ValuePath, replace: (old: unknown) => unknown): unknown {
  if (path.length === 0) return replace(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const changed = changeAt(value[head as number], rest, replace);
    return changed === REMOVE ? value.filter((_, index) => index !== head) : value.map((item, index) => (index === head ? changed : item));
  }
  const entries = Object.entries(value as object);
  const changed = changeAt((value as Record<string, unknown>)[head as string], rest, replace);
  if (changed === REMOVE) return Object.fromEntries(entries.filter(([key]) => key !== head));
  return { ...(value as object), [head as string]: changed };
}
