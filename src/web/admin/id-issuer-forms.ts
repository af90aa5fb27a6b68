/**
 * The trusted ID issuer form: the issuer (the `iss` of its ID QR codes, set once), a name, and its public keys, each
 * an algorithm and the key in hexadecimal, checked against the contract's TrustedIdIssuerInput and
 * TrustedIdIssuerUpdate as the API checks the same input. A key row left empty is a row not used.
 */
import type { components } from '../../generated/openapi.js';
import { InputError, type FieldError } from '../../platform/http/errors.js';
import type { SchemaValidator } from '../../platform/http/schema-validator.js';
import type { Translate } from '../../platform/i18n/catalogs.js';
import { FormInputError, fieldKey, text, type FieldMessages, type FormBody } from './forms.js';

export type IdIssuer = components['schemas']['TrustedIdIssuer'];
type IdIssuerInput = components['schemas']['TrustedIdIssuerInput'];
type IdIssuerUpdate = components['schemas']['TrustedIdIssuerUpdate'];
type KeyAlgorithm = components['schemas']['IdIssuerKey']['algorithm'];

/** The algorithms in the order the form offers them, each with its words (locales/<lang>/admin.json). */
export const KEY_ALGORITHMS: ReadonlyArray<{ value: KeyAlgorithm; key: string }> = [
  { value: 'EdDSA', key: 'admin.idIssuers.algorithm.EdDSA' },
  { value: 'ES256', key: 'admin.idIssuers.algorithm.ES256' },
];

/** As many keys as the contract allows on one issuer. */
export const MAX_KEYS = 20;

export interface KeyRowValues {
  /** EdDSA, ES256, or what was sent (the schema refuses it). */
  algorithm: string;
  publicKeyHex: string;
}

export interface IdIssuerFormValues {
  issuer: string;
  name: string;
  /** The rows used, in the order typed (empty rows dropped, so the API's `keys/<n>` is the form's row n). */
  keys: KeyRowValues[];
  /** The version of the issuer being edited; empty for a new one. */
  version: string;
}

export function emptyIdIssuerForm(): IdIssuerFormValues {
  return { issuer: '', name: '', keys: [], version: '' };
}

export function idIssuerFormValues(issuer: IdIssuer): IdIssuerFormValues {
  return {
    issuer: issuer.issuer,
    name: issuer.name,
    keys: issuer.keys.map((key) => ({ algorithm: key.algorithm, publicKeyHex: key.publicKeyHex })),
    version: String(issuer.version ?? ''),
  };
}

function texts(body: FormBody, name: string): string[] {
  const value = body[name];
  const list = Array.isArray(value) ? (value as unknown[]) : value === undefined ? [] : [value];
  return list.map((item) => (typeof item === 'string' ? item : ''));
}

/** How many key rows the form sent, the empty ones too (the page gives them back, and one more, on "Add another key"). */
export function keyRowsSent(body: FormBody): number {
  return Math.max(texts(body, 'keyAlgorithm').length, texts(body, 'keyHex').length);
}

export function readIdIssuerForm(body: FormBody): IdIssuerFormValues {
  const algorithms = texts(body, 'keyAlgorithm');
  // A key pasted from a document often comes broken over lines or spaced in groups: the spaces are not the key.
  const hexes = texts(body, 'keyHex').map((hex) => hex.replace(/\s+/g, ''));
  const keys: KeyRowValues[] = [];
  for (let i = 0; i < Math.max(algorithms.length, hexes.length); i += 1) {
    const row = { algorithm: (algorithms[i] ?? '').trim(), publicKeyHex: hexes[i] ?? '' };
    if (row.publicKeyHex !== '') keys.push(row);
  }
  return { issuer: text(body, 'issuer'), name: text(body, 'name'), keys, version: text(body, 'version') };
}

/** The message for a refused key, naming what its algorithm's key looks like. */
export function keyMessage(algorithm: string, t: Translate): string {
  if (algorithm === 'EdDSA') return t('admin.fix.idIssuer.key.EdDSA');
  if (algorithm === 'ES256') return t('admin.fix.idIssuer.key.ES256');
  return t('admin.fix.idIssuer.algorithm');
}

/** `keys.2.publicKeyHex` and the like in plain words; the list as a whole, and the issuer and name, by their hints. */
function messageFor(key: string, values: IdIssuerFormValues, t: Translate): string {
  const [first, row, part] = key.split('.');
  if (first === 'keys' && row !== undefined && /^\d+$/.test(row)) {
    const algorithm = values.keys[Number(row)]?.algorithm ?? '';
    return part === 'algorithm' ? t('admin.fix.idIssuer.algorithm') : keyMessage(algorithm, t);
  }
  if (first === 'keys') return t('admin.fix.idIssuer.keys');
  if (first === 'issuer') return t('admin.fix.idIssuer.issuer');
  if (first === 'name') return t('admin.fix.idIssuer.name');
  return t('admin.fix.value');
}

/** Field errors (the contract's, or the service's refusal of a key) as plain messages keyed by form field. */
export function idIssuerFieldMessages(fields: readonly FieldError[], values: IdIssuerFormValues, t: Translate): FieldMessages {
  const messages: FieldMessages = {};
  for (const field of fields) {
    const key = fieldKey(field.path) || 'form';
    messages[key] ??= messageFor(key, values, t);
  }
  return messages;
}

function checked<T>(schemas: SchemaValidator, schema: string, input: unknown, values: IdIssuerFormValues, t: Translate): T {
  const fields = schemas.validate(schema, input, '/body');
  if (fields.length === 0) return input as T;
  const messages = idIssuerFieldMessages(fields, values, t);
  throw new FormInputError(
    t('admin.fix.form'),
    Object.entries(messages).map(([key, message]) => ({ path: `/body/${key.split('.').join('/')}`, message })),
  );
}

const keysOf = (values: IdIssuerFormValues) => values.keys.map((key) => ({ algorithm: key.algorithm, publicKeyHex: key.publicKeyHex }));

export function toIdIssuerInput(values: IdIssuerFormValues, schemas: SchemaValidator, t: Translate): IdIssuerInput {
  return checked<IdIssuerInput>(
    schemas,
    'TrustedIdIssuerInput',
    { issuer: values.issuer, name: values.name, keys: keysOf(values) },
    values,
    t,
  );
}

/** A page without a version is stale and must be reloaded. */
export function toIdIssuerUpdate(values: IdIssuerFormValues, schemas: SchemaValidator, t: Translate): IdIssuerUpdate {
  const version = Number(values.version);
  if (!Number.isInteger(version) || version < 1) throw new FormInputError(t('admin.fix.outOfDate'));
  return checked<IdIssuerUpdate>(schemas, 'TrustedIdIssuerUpdate', { name: values.name, keys: keysOf(values), version }, values, t);
}

/** The service's refusal of a key (its field paths name the rows), in the page's words. */
export function isKeyRefusal(error: unknown): error is InputError {
  return error instanceof InputError && !(error instanceof FormInputError) && error.code === 'ERR_ID_ISSUER_KEY_INVALID';
}
