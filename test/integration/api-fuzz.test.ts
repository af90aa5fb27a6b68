/**
 * A fuzz of every operation of the contract, read from the /openapi.json the app serves, with a token of
 * every user of the realm (so every role), no token and forged ones. Each operation is sent generated
 * requests: path parameters naming records that exist, that do not and that are malformed; query
 * parameters; bodies the operation's schema takes and spoiled ones (a field missing or extra, a wrong
 * type, huge strings and numbers, boundary integers, control characters, unpaired surrogates, impossible
 * dates, deep nesting, bytes that are not UTF-8 or not JSON); content types and encodings; an
 * Idempotency-Key, fresh, reused or malformed; and for the upload, multipart forms with random bytes,
 * empty files, parts missing or doubled and forms that are broken. No answer may be a 5xx, and every error
 * is problem+json with a code from the error table, with that code's status.
 *
 * The fuzz runs on a database of its own, seeded through the API first (a program with stages, a group,
 * a registrant, a document, a draft, an application) so generated requests reach the services; ids the
 * answers carry are reused by later requests. An operation added to the contract is fuzzed from then on:
 * the test fails if one was not exercised, or never answered with a success.
 *
 * Fixed seed by default. FUZZ_RUNS sets the generated requests per operation (default 30) and FUZZ_SEED
 * the seed, e.g. `FUZZ_RUNS=500 FUZZ_SEED=7 npm test -- test/integration/api-fuzz.test.ts`; FUZZ_REPORT=1
 * prints how often each operation answered each status and code. A failure lists every offending request
 * (operation, caller, what was varied) with what the app logged for it.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { SignJWT, generateKeyPair } from 'jose';
import request from 'supertest';
import { selectRows } from '../../src/platform/db/sql.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { ROLES } from '../../src/platform/auth/principal.js';
import { loadRealm } from '../../src/platform/auth/realm.js';
import { createDatabaseIfMissing, dropDatabase } from '../../src/platform/db/embedded-postgres.js';
import { ERROR_CODES } from '../../src/platform/http/error-codes.js';
import { readTestEnvironment } from '../support/environment.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { changeAt, pathsIn, REMOVE, valueOf, type Schema, type ValuePath } from '../support/schema-arbitrary.js';
import { LOCKOUT_TEST_USERS } from '../support/sign-in-lockout.js';
import { generateIdSigningKey, signIdCard } from '../support/id-qr-codes.js';
import { serviceAccountTokenFor, tokenFor } from '../support/tokens.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
/** The trusted ID issuer the seed adds, and the key its ID cards are signed with. */
const ID_ISSUER = 'https://fuzz-id.example';
const ID_KEY = generateIdSigningKey('EdDSA');
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
/** The fuzz app's document cap: small, so over-cap files are cheap to send. */
const MAX_UPLOAD_BYTES = 64 * 1024;

// ----- The contract ---------------------------------------------------------------------------------

interface Parameter {
  $ref?: string;
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Schema;
}
interface SpecOperation {
  operationId: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema: Schema; example?: unknown }> };
}
interface Spec {
  security?: Array<Record<string, string[]>>;
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
}

interface Operation {
  id: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  template: string;
  /** Where the path is served: /api/v1, or the root for the probes. */
  base: string;
  parameters: Parameter[];
  json?: Schema;
  /** The contract's example of the JSON body. */
  example?: unknown;
  multipart?: Schema;
  /** undefined: open to anyone; []: any signed-in user; else any of these roles. */
  roles: string[] | undefined;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function readOperations(spec: Spec, resolve: <T extends { $ref?: string }>(value: T) => T): Operation[] {
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    const servers = item.servers as Array<{ url: string }> | undefined;
    for (const method of METHODS) {
      const operation = item[method] as SpecOperation | undefined;
      if (!operation) continue;
      const security = operation.security ?? spec.security ?? [];
      const content = operation.requestBody?.content ?? {};
      operations.push({
        id: operation.operationId,
        method,
        template,
        base: (servers?.[0]?.url ?? '/api/v1').replace(/\/$/, ''),
        parameters: [...((item.parameters as Parameter[] | undefined) ?? []), ...(operation.parameters ?? [])].map(resolve),
        json: content['application/json']?.schema,
        example: content['application/json']?.example,
        multipart: content['multipart/form-data']?.schema,
        roles: security.length === 0 ? undefined : security.flatMap((requirement) => Object.values(requirement).flat()),
      });
    }
  }
  return operations;
}

// ----- Callers -------------------------------------------------------------------------------------

/** Whether the contract lets a caller with these roles in (an open operation lets anyone in). */
function mayCall(caller: { roles: string[] }, operation: Operation): boolean {
  const { roles } = operation;
  return roles === undefined || roles.length === 0 || caller.roles.some((role) => roles.includes(role));
}

interface Caller {
  label: string;
  roles: string[];
  /** The `national_id` of an applicant's token. */
  nationalId?: string;
  /** The Authorization header, fresh when asked (tokens expire during long runs). */
  authorization(): Promise<string | undefined>;
}

/** A user of the realm, who always has a token. */
interface User extends Caller {
  authorization(): Promise<string>;
}

function decodeSegment(segment: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Record<string, unknown>;
}
const encodeSegment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Tokens no one issued: tampered claims, another key, no signature, and things that are not tokens. */
async function forgedCallers(real: string): Promise<Caller[]> {
  const [header = '', payload = '', signature = ''] = real.split('.');
  const claims = decodeSegment(payload);
  const escalated = { ...claims, realm_access: { roles: [...ROLES] }, exp: Math.floor(Date.now() / 1000) + 3600 };
  const { privateKey } = await generateKeyPair('RS256');
  const otherKey = await new SignJWT(escalated).setProtectedHeader(decodeSegment(header) as { alg: string }).sign(privateKey);
  const fixed = (label: string, authorization: string | undefined): Caller => ({
    label,
    roles: [],
    authorization: async () => authorization,
  });
  return [
    fixed('no token', undefined),
    fixed('tampered claims', `Bearer ${header}.${encodeSegment(escalated)}.${signature}`),
    fixed('another key', `Bearer ${otherKey}`),
    fixed('alg none', `Bearer ${encodeSegment({ alg: 'none', typ: 'JWT' })}.${encodeSegment(escalated)}.`),
    fixed('not a token', 'Bearer not.a.token'),
    fixed('huge token', `Bearer ${'a'.repeat(7000)}`),
    fixed('basic scheme', `Basic ${Buffer.from('maria:demo').toString('base64')}`),
    fixed('empty bearer', 'Bearer '),
  ];
}

// ----- Generated requests ----------------------------------------------------------------------------

/** What one generated request is, before it is sent (ids of records are picked when it is sent). */
interface Plan {
  caller: Caller;
  /** Per path parameter: a known record (by index, resolved when sent), a value, or raw URL text. */
  path: Record<string, { known: number; own: boolean } | { value: string } | { raw: string }>;
  /** Query parameters by name (`version` is refreshed when sent, like the body's), then raw text to add. */
  query: { values: Record<string, string>; extra: string | undefined };
  headers: Record<string, string>;
  body: Body;
  /** What was chosen, for the report of a failure. */
  notes: string[];
}

type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown; contentType: string | undefined; freshVersion: boolean; deepText?: string; gzip?: boolean }
  | { kind: 'bytes'; bytes: Buffer; contentType: string | undefined };

const DEEP = '\u2063deep\u2063';
const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';
const REUSED_IDEMPOTENCY_KEY = 'fuzz-reused-key-0001';

const EDGE_NUMBERS = [
  0,
  -1,
  1,
  1.5,
  -0.5,
  32767,
  32768,
  65536,
  2147483647,
  2147483648,
  -2147483648,
  -2147483649,
  2 ** 53,
  2 ** 53 + 2,
  1e20,
  1e308,
  -1e308,
  5e-324,
];
const EDGE_TEXTS = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  '\u0001\u001f',
  '\u007f\u0085\u009f',
  'tab\tnew\nline\rreturn',
  '\ud800',
  'x\udfffy',
  '\udbff\udfff',
  '😀'.repeat(50),
  '\u202e\u200b\ufeff',
  "'; DROP TABLE applications; --",
  '%00',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'NaN',
  '٣٤٥',
];
const EDGE_DATES = [
  '2023-02-29',
  '2023-04-31',
  '1900-02-29',
  '2000-02-29',
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '10000-01-01',
  '-0001-01-01',
  '2023-1-1',
  '2023-13-01',
  '2023-00-10',
  '1582-10-10',
  '2023-02-29T00:00:00Z',
];
const WRONG_TYPES: unknown[] = [null, true, 0, -1, 'text', [], {}, [1, 2], { a: 1 }];
const EXTRA_KEYS = ['extra', '__proto__', 'constructor', 'isAdmin', '', 'version', 'id'];
const RAW_BODIES: Array<string | Buffer> = [
  '',
  'null',
  '[]',
  '"text"',
  '123',
  '{',
  '{"a":1}{"b":2}',
  '{"version": 1e400}',
  '{"version": -0, "version": "1"}',
  '\ufeff{}',
  'language=en&contactChannel=sms',
  Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('"}')]),
  Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00]),
  Buffer.from('{"name":"a\\ud800"}'),
];
const CONTENT_TYPES = [
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-16le',
  'application/merge-patch+json',
  'application/problem+json',
  'APPLICATION/JSON',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=zz',
  'application/json; boundary=;;',
  undefined,
];
const MALFORMED_SEGMENTS = [
  'not-a-uuid',
  '0',
  '%00',
  '%25',
  '%E0%A4%A',
  '..%2F..%2Fetc',
  'a'.repeat(3000),
  '%F0%9F%92%A9',
  '%20',
  'NULL',
  `{${UNKNOWN_UUID}}`,
  UNKNOWN_UUID.toUpperCase(),
  `${UNKNOWN_UUID}%00`,
];
const QUERY_MUTATIONS = [
  'debug=1',
  'page=1&page=2',
  'page[a]=1',
  'page=',
  'page=1e400',
  'page=-0',
  'page=0x10',
  'page=99999999999999999999',
  'pageSize=%00',
  'a=%E0%A4%A',
  '%=1',
  'name[0]=a&name[1]=b',
  `name=${'x'.repeat(4000)}`,
];

/** Known strings offered to a field of this name (ids by their parameter's name, user names, codes). */
type Known = (name: string | undefined) => readonly string[];

function mutateJson(valid: unknown): fc.Arbitrary<{ value: unknown; note: string; deepText?: string }> {
  const places = pathsIn(valid);
  const where = (at: ValuePath) => `/${at.join('/')}`;
  return fc.tuple(fc.constantFrom(...places), fc.nat()).chain(([at, n]) =>
    fc.oneof(
      fc.constant({ value: at.length === 0 ? valid : changeAt(valid, at, () => REMOVE), note: `missing ${where(at)}` }),
      fc.constantFrom(...EXTRA_KEYS).map((key) => ({
        value: changeAt(valid, at, (old) => {
          const copy = old !== null && typeof old === 'object' && !Array.isArray(old) ? { ...old } : {};
          Object.defineProperty(copy, key, { value: { isAdmin: true }, enumerable: true, configurable: true, writable: true });
          return copy;
        }),
        note: `extra ${JSON.stringify(key)} at ${where(at)}`,
      })),
      fc
        .constantFrom(...WRONG_TYPES)
        .map((wrong) => ({ value: changeAt(valid, at, () => wrong), note: `wrong type ${JSON.stringify(wrong)} at ${where(at)}` })),
      fc.constantFrom(...EDGE_NUMBERS).map((edge) => ({ value: changeAt(valid, at, () => edge), note: `number ${edge} at ${where(at)}` })),
      fc
        .constantFrom(...EDGE_TEXTS)
        .map((edge) => ({ value: changeAt(valid, at, () => edge), note: `text ${JSON.stringify(edge).slice(0, 40)} at ${where(at)}` })),
      fc.constantFrom(...EDGE_DATES).map((edge) => ({ value: changeAt(valid, at, () => edge), note: `date ${edge} at ${where(at)}` })),
      fc.constantFrom(5_000, 60_000, 120_000).map((length) => ({
        value: changeAt(valid, at, () => (n % 2 === 0 ? 'x' : 'é').repeat(length)),
        note: `string of ${length} at ${where(at)}`,
      })),
      fc.constantFrom(30, 25_000).map((length) => ({
        value: changeAt(valid, at, (old) => Array.from({ length }, () => old)),
        note: `array of ${length} at ${where(at)}`,
      })),
      fc.tuple(fc.constantFrom(64, 2_000, 20_000, 45_000), fc.constantFrom('array' as const, 'object' as const)).map(([depth, kind]) => ({
        value: changeAt(valid, at, () => DEEP),
        deepText: kind === 'array' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
        note: `${kind}s ${depth} deep at ${where(at)}`,
      })),
    ),
  );
}

/**
 * A JSON body: one the schema takes (generated, or the contract's example with the ids of records that
 * exist put in), often spoiled; `examples` are the contract's, already given known ids.
 */
function jsonBody(
  schema: Schema,
  valid: (schema: Schema) => fc.Arbitrary<unknown>,
  example: fc.Arbitrary<unknown> | undefined,
): fc.Arbitrary<{ body: Body; notes: string[] }> {
  const contentType = fc.oneof(
    { weight: 12, arbitrary: fc.constant<string | undefined>('application/json') },
    { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
  );
  const takes = example ? fc.oneof(valid(schema), example) : valid(schema);
  const sound = fc.tuple(takes, fc.boolean(), fc.boolean()).map(([value, freshVersion, second]) => ({
    value,
    note: 'valid',
    freshVersion: freshVersion || second,
    deepText: undefined as string | undefined,
  }));
  const spoiled = takes.chain((value) => mutateJson(value).map((mutated) => ({ ...mutated, freshVersion: true })));
  return fc
    .tuple(fc.oneof({ weight: 6, arbitrary: sound }, { weight: 4, arbitrary: spoiled }), contentType, fc.nat(40))
    .map(([chosen, type, n]) => ({
      body: {
        kind: 'json',
        value: chosen.value,
        contentType: type,
        freshVersion: chosen.freshVersion,
        deepText: chosen.deepText,
        gzip: n === 0,
      },
      notes: [`body ${chosen.note}`, `content-type ${type}`, ...(n === 0 ? ['gzip'] : [])],
    }));
}

const rawBody = fc
  .tuple(
    fc.constantFrom(...RAW_BODIES),
    fc.constantFrom<string | undefined>('application/json', 'text/plain', undefined, 'application/json; charset=utf-8'),
  )
  .map(([raw, contentType]) => ({
    body: { kind: 'bytes', bytes: Buffer.isBuffer(raw) ? raw : Buffer.from(raw), contentType } as Body,
    notes: [`raw body ${JSON.stringify(raw.toString()).slice(0, 60)}`, `content-type ${contentType}`],
  }));

// Multipart forms, written by hand so broken ones can be sent too.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');
const fileBytes = fc.oneof(
  fc.constantFrom(
    PDF,
    PNG,
    JPEG,
    Buffer.alloc(0),
    Buffer.from('%PDF-'),
    Buffer.from('hello'),
    Buffer.from('<svg/>'),
    Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x25),
  ),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  fc
    .tuple(fc.constantFrom(PDF, PNG, JPEG), fc.uint8Array({ maxLength: 2000 }))
    .map(([head, tail]) => Buffer.concat([head, Buffer.from(tail)])),
  fc.constant(Buffer.concat([PDF, Buffer.alloc(MAX_UPLOAD_BYTES - PDF.length, 0x20)])),
);
const FILE_NAMES = [
  'report.pdf',
  '',
  'a',
  '../../etc/passwd',
  'x'.repeat(600) + '.pdf',
  'ré sumé.pdf',
  'evil\u0000.pdf',
  'tab\there.png',
  '\u202egnp.exe',
  'name"quote.pdf',
  'back\\slash.jpg',
  'ctrl\u0007.pdf',
  'half\ud800.pdf',
];
const PART_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'application/octet-stream', 'text/html', 'application/x-msdownload', ''];
const KINDS = ['medical-report', 'prescription', 'id-proof', 'other', 'not-a-kind', '', 'other\u0000', 'x'.repeat(2000), '\ud800'];

interface Part {
  name: string;
  fileName?: string;
  type?: string;
  bytes: Buffer;
}
function formBytes(boundary: string, parts: Part[], ending: string): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.fileName === undefined ? '' : `; filename="${part.fileName}"`}`;
    const type = part.type === undefined ? '' : `Content-Type: ${part.type}\r\n`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`), part.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(ending.replace('BOUNDARY', boundary)));
  return Buffer.concat(chunks);
}

const multipartBody = fc
  .record({
    file: fc.option(
      fc.record({
        name: fc.constantFrom('file', 'file', 'file', 'kind', 'upload'),
        fileName: fc.option(fc.constantFrom(...FILE_NAMES), { nil: undefined }),
        type: fc.option(fc.constantFrom(...PART_TYPES), { nil: undefined }),
        bytes: fileBytes,
      }),
      { nil: undefined, freq: 8 },
    ),
    kind: fc.option(fc.constantFrom(...KINDS), { nil: undefined, freq: 8 }),
    second: fc.constantFrom('none', 'none', 'none', 'file', 'kind', 'extra', 'many'),
    ending: fc.constantFrom('--BOUNDARY--\r\n', '--BOUNDARY--\r\n', '--BOUNDARY--\r\n', '', '--BOUNDARY', '--other--\r\n', 'garbage'),
    contentType: fc.constantFrom(
      'multipart/form-data; boundary=BOUNDARY',
      'multipart/form-data; boundary=BOUNDARY',
      'multipart/form-data',
      'multipart/form-data; boundary=',
      'multipart/mixed; boundary=BOUNDARY',
      'application/json',
    ),
  })
  .map(({ file, kind, second, ending, contentType }) => {
    const boundary = `fuzz${'b'.repeat(20)}`;
    const parts: Part[] = [];
    if (kind !== undefined) parts.push({ name: 'kind', bytes: Buffer.from(kind) });
    if (file) parts.push(file);
    if (second === 'file') parts.push({ name: 'file', fileName: 'second.pdf', type: 'application/pdf', bytes: PDF });
    if (second === 'kind') parts.push({ name: 'kind', bytes: Buffer.from('other') });
    if (second === 'extra') parts.push({ name: 'extra', bytes: Buffer.from('1') });
    if (second === 'many') for (let i = 0; i < 12; i += 1) parts.push({ name: `f${i}`, bytes: Buffer.from('1') });
    const notes = [
      `form file=${file ? `${file.name}:${JSON.stringify(file.fileName)}:${file.type}:${file.bytes.length}B` : 'none'}`,
      `kind=${JSON.stringify(kind)?.slice(0, 30)} second=${second} ending=${JSON.stringify(ending)}`,
      `content-type ${contentType}`,
    ];
    return {
      body: { kind: 'bytes', bytes: formBytes(boundary, parts, ending), contentType: contentType.replace('BOUNDARY', boundary) } as Body,
      notes,
    };
  });

function queryOf(
  operation: Operation,
  valid: (schema: Schema, name: string) => fc.Arbitrary<unknown>,
): fc.Arbitrary<{ query: Plan['query']; notes: string[] }> {
  const queryParameters = operation.parameters.filter((p) => p.in === 'query');
  const model = Object.fromEntries(queryParameters.map((p) => [p.name, valid(p.schema, p.name).map(String)] as const));
  const sound = fc.record(model, { requiredKeys: queryParameters.filter((p) => p.required).map((p) => p.name) });
  return fc
    .tuple(sound, fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...QUERY_MUTATIONS) }))
    .map(([values, extra]) => {
      const text = [new URLSearchParams(values as Record<string, string>).toString(), extra].filter(Boolean).join('&');
      return { query: { values: values as Record<string, string>, extra }, notes: text ? [`query ${text.slice(0, 80)}`] : [] };
    });
}

// ----- The test ------------------------------------------------------------------------------------

interface Finding {
  operation: string;
  caller: string;
  request: string;
  status: number;
  problem: string;
  logged?: string;
}

describe('a fuzz of every operation with every role', () => {
  const log: string[] = [];
  const database = `iaod_fuzz_${Date.now()}_${process.pid}`;
  const adminUrl = Object.assign(new URL(readTestEnvironment().databaseUrl), { pathname: '/postgres' }).href;
  let testApp: TestApp;
  let operations: Operation[];
  let resolve: <T extends { $ref?: string }>(value: T) => T;
  let users: User[];
  let callers: Caller[];
  /** User names of the realm's reviewers and assessors, who may be designated to a stage. */
  const officers: string[] = [];
  /** Ids (and group codes) of records that exist, by the name of the parameter or field that carries them. */
  const pools = new Map<string, string[]>();
  /** The same, per caller: what each one was answered with (their own drafts, documents...). */
  const seenBy = new Map<string, Map<string, string[]>>();
  /** For a record's id, the ids of the records it belongs to (a stage's program), by parameter name. */
  const links = new Map<string, Record<string, string>>();
  const findings: Finding[] = [];
  const exercised = new Set<string>();
  const succeeded = new Set<string>();
  /** Per operation, how often each status and code came back (printed with FUZZ_REPORT=1). */
  const answers = new Map<string, Record<string, number>>();

  const remember = (name: string, value: unknown, by?: string) => {
    if (typeof value !== 'string') return;
    const pool = pools.get(name) ?? [];
    if (!pool.includes(value)) pools.set(name, [...pool, value]);
    if (by === undefined) return;
    // A caller's own are kept in the order last answered with: the most recent is tried most.
    const own = seenBy.get(by) ?? new Map<string, string[]>();
    seenBy.set(by, own);
    own.set(name, [...(own.get(name) ?? []).filter((id) => id !== value), value]);
  };
  /** The ids of this name the caller was answered with, or else all that exist. */
  const idsFor = (caller: Caller, name: string): string[] => {
    const own = seenBy.get(caller.label)?.get(name) ?? [];
    return own.length > 0 ? own : (pools.get(name) ?? []);
  };
  const knownTo =
    (caller: Caller): Known =>
    (name) => {
      if (name === undefined) return [];
      if (name === 'ref') return [...officers, ...(pools.get('groupCode') ?? [])];
      if (name === 'members') return officers;
      if (name === 'idValue') return caller.nationalId ? [caller.nationalId] : [];
      if (name === 'idType') return ['NATIONAL_ID'];
      if (name === 'type') return ['surgery', 'treatment'];
      if (name === 'currency') return ['USD'];
      // A small redemption fits what remains on the seeded voucher; the user names a facility can link.
      if (name === 'amount' || name === 'total') return ['1.00'];
      if (name === 'username') return seeded.providerUsers;
      if (name === 'subject') return pools.get('subject') ?? [];
      // An ID QR of the caller's own ID (the seeded application's names), signed by the seeded trusted issuer.
      if (name === 'text') return [idCardFor(caller)];
      if (name === 'algorithm') return ['EdDSA'];
      if (name === 'publicKeyHex') return [ID_KEY.publicKeyHex];
      return idsFor(caller, name);
    };
  const idCards = new Map<string, string>();
  const idCardFor = (caller: Caller): string => {
    const card =
      idCards.get(caller.label) ??
      signIdCard({
        issuer: ID_ISSUER,
        key: ID_KEY,
        claims: {
          id: caller.nationalId ?? `NID-FUZZ-${caller.label}`,
          firstName: 'Amina',
          lastName: 'Yusuf',
          dateOfBirth: '19900214',
          gender: 2,
        },
      });
    idCards.set(caller.label, card);
    return card;
  };
  const validFor = (caller: Caller) => (schema: Schema, name?: string) => valueOf(schema, { resolve, known: knownTo(caller) }, name);

  /** The path parameter named by the resource at a template's first segment (`/programs` → programId). */
  function idNameOf(template: string): string | undefined {
    const first = template.split('/')[1];
    const item = operations.find((op) => new RegExp(`^/${first}/\\{(\\w+)\\}$`).test(op.template));
    return item ? /\{(\w+)\}$/.exec(item.template)?.[1] : undefined;
  }

  /** Ids (and group codes) the answer carries, kept for later requests. */
  function harvest(template: string, body: unknown, by: string): void {
    const own = idNameOf(template);
    const walk = (value: unknown, parentKey: string | undefined, owners: Record<string, string>) => {
      if (Array.isArray(value)) {
        value.forEach((item) => walk(item, parentKey, owners));
        return;
      }
      if (value === null || typeof value !== 'object') return;
      const record = value as Record<string, unknown>;
      const name = parentKey === undefined || parentKey === 'items' ? own : parentKey === 'stages' ? 'stageId' : undefined;
      const id = name === 'groupCode' ? record.code : record.id;
      let inside = owners;
      if (name && typeof id === 'string') {
        remember(name, id, by);
        links.set(id, { ...links.get(id), ...owners });
        inside = { ...owners, [name]: id };
      }
      for (const [key, item] of Object.entries(record)) {
        if (key.endsWith('Id') && typeof item === 'string' && /^[0-9a-f-]{36}$/.test(item)) remember(key, item, by);
        else walk(item, key, inside);
      }
    };
    walk(body, undefined, {});
  }

  beforeAll(async () => {
    await createDatabaseIfMissing(adminUrl, database);
    testApp = await startTestApp({
      env: {
        DATABASE_URL: Object.assign(new URL(adminUrl), { pathname: `/${database}` }).href,
        DOCUMENT_MAX_BYTES: String(MAX_UPLOAD_BYTES),
        LOG_LEVEL: 'error',
      },
      logStream: new Writable({
        write(chunk: Buffer, _encoding, done) {
          log.push(chunk.toString('utf8'));
          done();
        },
      }),
    });
    const spec = (await request(testApp.app).get('/openapi.json').expect(200)).body as Spec;
    resolve = <T extends { $ref?: string }>(value: T): T => {
      if (!value.$ref) return value;
      const [, , kind, name] = value.$ref.split('/');
      return resolve(spec.components[kind ?? '']?.[name ?? ''] as T);
    };
    operations = readOperations(spec, resolve);

    const realm = await loadRealm(path.join(PROJECT_ROOT, 'keycloak', 'realm.json'));
    // The lockout tests' users are locked now and then by a test running beside this one.
    const locked: readonly string[] = Object.values(LOCKOUT_TEST_USERS);
    const humans = realm.users.filter((u) => u.password !== undefined && u.enabled && !locked.includes(u.username));
    users = await Promise.all(
      humans.map(async (user): Promise<User> => {
        let [token, issued] = [await tokenFor(user.username, user.password), Date.now()];
        return {
          label: user.username,
          roles: user.realmRoles,
          nationalId: user.attributes.national_id,
          async authorization() {
            if (Date.now() - issued > 120_000) [token, issued] = [await tokenFor(user.username, user.password), Date.now()];
            return `Bearer ${token}`;
          },
        };
      }),
    );
    officers.push(
      ...users.filter((user) => user.roles.some((role) => role === 'reviewer' || role === 'assessor')).map((user) => user.label),
    );
    // A partner system (the DCI registry gateway's caller): the realm's service account, by client credentials.
    const serviceAccount = realm.users.find((user) => user.serviceAccountClientId === 'iaod-external');
    let [partnerToken, partnerIssued] = [await serviceAccountTokenFor('iaod-external'), Date.now()];
    const partner: Caller = {
      label: 'iaod-external (service account)',
      roles: serviceAccount?.realmRoles ?? [],
      async authorization() {
        if (Date.now() - partnerIssued > 120_000)
          [partnerToken, partnerIssued] = [await serviceAccountTokenFor('iaod-external'), Date.now()];
        return `Bearer ${partnerToken}`;
      },
    };
    callers = [
      ...users,
      partner,
      ...(await forgedCallers((await userCalled(seeded.manager || 'maria').authorization()).slice('Bearer '.length))),
    ];
    await seed();
  });

  afterAll(async () => {
    if (process.env.FUZZ_REPORT) console.log(JSON.stringify(Object.fromEntries(answers), null, 1));
    await testApp?.close();
    await dropDatabase(adminUrl, database);
  });

  function userCalled(username: string): User {
    const user = users.find((candidate) => candidate.label === username);
    if (!user) throw new Error(`no user ${username} in the realm`);
    return user;
  }
  async function call(username: string, method: Operation['method'], url: string, body?: unknown, expected = [200, 201]) {
    const agent = request(testApp.app);
    const req = agent[method](url).set('Authorization', await userCalled(username).authorization());
    const res = await (body === undefined ? req : req.send(body as object));
    if (!expected.includes(res.status))
      throw new Error(`seeding ${method} ${url} as ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown>;
  }

  /** Who the seeded records belong to, and the records kept usable between operations (see {@link replenish}). */
  const seeded = {
    manager: '',
    reviewer: '',
    assessor: '',
    applicants: [] as string[],
    programId: '',
    drafts: new Map<string, string>(),
    /** An application holding an undecided proposal for the registry's officer-verified occupation. */
    proposalApplicationId: '',
    /** The seeded document, attached to the proposal's application for its first-stage officer to verify. */
    documentId: '',
    issuer: '',
    /** A program of one assessment stage, where applications are approved for vouchers. */
    voucherProgramId: '',
    /** Users holding the service-provider role, and the facility the first one redeems for. */
    providerUsers: [] as string[],
    providerId: '',
  };

  async function createOpenProgram(): Promise<string> {
    const program = await call(seeded.manager, 'post', '/api/v1/programs', {
      code: `FUZZ-${randomUUID().slice(0, 8).toUpperCase()}`,
      name: 'Emergency surgery (fuzz)',
      currency: 'USD',
      maxAmount: '5000.00',
      voucherValidityDays: 30,
      treatmentTypes: [
        { code: 'surgery', label: 'Urgent surgery' },
        { code: 'treatment', label: 'Medical treatment' },
      ],
      reasonCodes: [{ code: 'eligible', label: 'Eligible' }],
      stages: [
        {
          name: 'Social worker',
          kind: 'review',
          officer: { type: 'user', ref: seeded.reviewer },
          // The items the contract's decision example answers.
          checklist: [
            { code: 'resident', label: 'Lives in the program area' },
            { code: 'urgent', label: 'The treatment is urgent' },
          ],
        },
        { name: 'Group review', kind: 'review', officer: { type: 'group', ref: 'fuzz-officers' } },
        { name: 'Senior officer', kind: 'assessment', officer: { type: 'user', ref: seeded.assessor } },
      ],
    });
    const opened = await call(seeded.manager, 'patch', `/api/v1/programs/${String(program.id)}`, {
      version: program.version,
      state: 'open',
    });
    harvest('/programs', opened, seeded.manager);
    // First in its pool: the record a generated request names most often.
    pools.set('programId', [String(opened.id), ...(pools.get('programId') ?? []).filter((id) => id !== opened.id)]);
    return String(opened.id);
  }

  const completeApplication = () => ({
    programId: seeded.programId,
    treatment: { type: 'surgery', description: 'Appendectomy.', estimatedCost: '1200.50', currency: 'USD' },
    applicant: { givenName: 'Amina', familyName: 'Yusuf', gender: 'female', birthDate: '1990-02-14', address: { region: 'Coast' } },
  });

  /** Records for the generated requests to reach, made through the API as the users would. */
  async function seed(): Promise<void> {
    const holding = (role: string) => users.filter((u) => u.roles.includes(role)).map((u) => u.label);
    [seeded.manager = '', seeded.reviewer = '', seeded.assessor = ''] = [
      holding('program-manager')[0],
      holding('reviewer')[0],
      holding('assessor')[0],
    ];
    seeded.issuer = holding('issuing-officer')[0] ?? '';
    seeded.providerUsers = holding('service-provider');
    // The first status list exists once a voucher is issued; a request naming it can succeed.
    remember('listNumber', '1');
    remember('purpose', 'revocation');
    seeded.applicants = holding('applicant');
    const [applicant = ''] = seeded.applicants;
    const group = await call(seeded.manager, 'put', '/api/v1/officer-groups/fuzz-officers', {
      name: 'Fuzz officers',
      members: [seeded.reviewer],
    });
    remember('groupCode', group.code, seeded.manager);
    // The stage a new application waits at: a decision of it by the reviewer can succeed.
    remember('position', '1');
    seeded.programId = await createOpenProgram();
    const registrant = await call(seeded.reviewer, 'post', '/api/v1/registrants', {
      idType: 'PASSPORT',
      idValue: 'FUZZ-0001',
      givenName: 'Halima',
      familyName: 'Said',
      gender: 'female',
      birthDate: '1988-04-12',
      address: { region: 'Coast' },
      familyMembers: [{ relation: 'child', givenName: 'Omar', familyName: 'Said', gender: 'male', birthDate: '2015-09-01' }],
    });
    remember('registrantId', registrant.id, seeded.reviewer);
    const upload = await request(testApp.app)
      .post('/api/v1/documents')
      .set('Authorization', await userCalled(applicant).authorization())
      .field('kind', 'medical-report')
      .attach('file', PDF, { filename: 'report.pdf', contentType: 'application/pdf' });
    if (upload.status !== 201) throw new Error(`seeding the document: ${upload.status} ${JSON.stringify(upload.body)}`);
    remember('documentId', upload.body.id, applicant);
    seeded.documentId = String(upload.body.id);
    const documents = [{ documentId: upload.body.id, kind: 'medical-report' }];
    remember(
      'applicationId',
      (await call(applicant, 'post', '/api/v1/applications', { ...completeApplication(), documents })).id,
      applicant,
    );
    for (const who of seeded.applicants) {
      remember('applicationId', (await call(who, 'post', '/api/v1/application-drafts', { programId: seeded.programId })).id, who);
    }
    await replenish();
  }

  /**
   * Between operations: the seeded program open again (or a new one) and a complete draft for each
   * applicant, whatever the generated requests did to them, so every operation can still succeed.
   */
  async function replenish(): Promise<void> {
    const program = await request(testApp.app)
      .get(`/api/v1/programs/${seeded.programId}`)
      .set('Authorization', await userCalled(seeded.manager).authorization());
    if (program.body.state !== 'open') {
      const reopened = await request(testApp.app)
        .patch(`/api/v1/programs/${seeded.programId}`)
        .set('Authorization', await userCalled(seeded.manager).authorization())
        .send({ version: program.body.version, state: 'open' });
      if (reopened.status !== 200) seeded.programId = await createOpenProgram();
    }
    await keepProposalOpen();
    await keepDuplicateOpen();
    await keepVoucherWork();
    await keepProviderWork();
    await keepErasureWork();
    // A template of the program's own, so reading, replacing and removing templates meet one.
    await call(seeded.manager, 'put', `/api/v1/programs/${seeded.programId}/notification-templates/application-received/en`, {
      subject: 'We have {reference}',
      body: 'Hello {name}. {link}',
    });
    await keepIdIssuer();
    for (const who of seeded.applicants) {
      const draftId = seeded.drafts.get(who);
      const authorization = await userCalled(who).authorization();
      const draft =
        draftId && (await request(testApp.app).get(`/api/v1/application-drafts/${draftId}`).set('Authorization', authorization));
      if (draft && draft.status === 200 && draft.body.programId === seeded.programId) {
        remember('applicationId', draftId, who);
        continue;
      }
      const started = await request(testApp.app)
        .post('/api/v1/application-drafts')
        .set('Authorization', authorization)
        .send(completeApplication());
      if (started.status !== 201) continue;
      seeded.drafts.set(who, started.body.id);
      remember('applicationId', started.body.id, who);
    }
  }

  /** An application approved by one assessment stage, or undefined when the program no longer takes one. */
  async function approvedApplication(): Promise<string | undefined> {
    const [applicant = ''] = seeded.applicants;
    if (!seeded.voucherProgramId) {
      const program = await call(seeded.manager, 'post', '/api/v1/programs', {
        code: `FUZZV-${randomUUID().slice(0, 8).toUpperCase()}`,
        name: 'Vouchers (fuzz)',
        currency: 'USD',
        maxAmount: '5000.00',
        voucherValidityDays: 30,
        treatmentTypes: [{ code: 'surgery', label: 'Urgent surgery' }],
        reasonCodes: [{ code: 'eligible', label: 'Eligible' }],
        stages: [{ name: 'Assessment', kind: 'assessment', officer: { type: 'user', ref: seeded.assessor } }],
      });
      await call(seeded.manager, 'patch', `/api/v1/programs/${String(program.id)}`, { version: program.version, state: 'open' });
      seeded.voucherProgramId = String(program.id);
    }
    const submitted = await request(testApp.app)
      .post('/api/v1/applications')
      .set('Authorization', await userCalled(applicant).authorization())
      .send({ ...completeApplication(), programId: seeded.voucherProgramId });
    const decided =
      submitted.status === 201 &&
      (await request(testApp.app)
        .post(`/api/v1/applications/${String(submitted.body.id)}/stages/1/decision`)
        .set('Authorization', await userCalled(seeded.assessor).authorization())
        .send({ decision: 'approve', reasonCode: 'eligible', amount: '900.00', checklist: {} }));
    if (!decided || decided.status !== 201) {
      // Generated requests changed the program so that it takes no such application: a new one next time.
      seeded.voucherProgramId = '';
      return undefined;
    }
    return String(submitted.body.id);
  }

  /**
   * For the voucher operations: an approved application waiting for its voucher, a voucher in force and a
   * suspended one (each named to the issuing officer and the manager), whatever generated requests did.
   */
  async function keepVoucherWork(): Promise<void> {
    if (!seeded.issuer) return;
    const [applicant = ''] = seeded.applicants;
    const issue = async () => {
      const id = await approvedApplication();
      return id === undefined ? undefined : call(seeded.issuer, 'post', `/api/v1/applications/${id}/voucher`, undefined, [201]);
    };
    const waiting = await approvedApplication();
    if (waiting) remember('applicationId', waiting, seeded.issuer);
    for (const status of ['ACTIVE', 'SUSPENDED'] as const) {
      const voucher = await issue();
      if (!voucher) return;
      if (status === 'SUSPENDED') {
        await call(seeded.manager, 'post', `/api/v1/vouchers/${String(voucher.id)}/suspension`, { reason: 'Reported lost.' });
      }
      for (const who of [seeded.issuer, seeded.manager, applicant]) {
        remember('voucherId', voucher.id, who);
        remember('applicationId', voucher.applicationId, who);
      }
    }
  }

  /**
   * For completing an erasure: a pending request of the last applicant (the first holds the seeded vouchers),
   * none of their vouchers in force (a generated run may have issued one), known to the manager as the only
   * request to try, since a completed one can only be refused.
   */
  /** The trusted ID issuer of the seeded ID cards, added again when a generated request removed it. */
  async function keepIdIssuer(): Promise<void> {
    if (!seeded.manager) return;
    const trusted = (
      await request(testApp.app)
        .get('/api/v1/id-issuers')
        .set('Authorization', await userCalled(seeded.manager).authorization())
    ).body as Array<{ id?: string; issuer: string }>;
    const issuer =
      trusted.find((candidate) => candidate.issuer === ID_ISSUER) ??
      (await call(seeded.manager, 'post', '/api/v1/id-issuers', {
        issuer: ID_ISSUER,
        name: 'Fuzz ID office',
        keys: [{ algorithm: 'EdDSA', publicKeyHex: ID_KEY.publicKeyHex }],
      }));
    remember('issuerId', issuer.id, seeded.manager);
  }

  async function keepErasureWork(): Promise<void> {
    const person = seeded.applicants[seeded.applicants.length - 1];
    if (!person || !seeded.manager) return;
    const asked = await call(person, 'post', '/api/v1/me/erasure-request', {});
    const subject = String((await call(person, 'get', '/api/v1/me')).subject);
    const inForce = await selectRows<{ id: string }>(
      testApp.runtime.database.sequelize,
      `SELECT v.id FROM vouchers v JOIN applications a ON a.id = v.application_id
       WHERE a.applicant_subject = :subject AND v.status IN ('ACTIVE', 'SUSPENDED')`,
      { subject },
    );
    for (const { id } of inForce) await call(seeded.manager, 'post', `/api/v1/vouchers/${id}/revocation`, { reason: 'Erasure asked.' });
    const id = String(asked.id);
    pools.set('erasureRequestId', [id]);
    seenBy.get(seeded.manager)?.delete('erasureRequestId');
    remember('erasureRequestId', id, seeded.manager);
  }

  /**
   * For the provider and redemption operations: a facility with the first provider user linked to it (again,
   * whatever generated requests unlinked), known to the manager, the claims officers and that user, and a
   * voucher in force named to that user, from which a small amount can be redeemed.
   */
  async function keepProviderWork(): Promise<void> {
    const [providerUser] = seeded.providerUsers;
    if (!providerUser || !seeded.issuer) return;
    if (!seeded.providerId) {
      const provider = await call(seeded.manager, 'post', '/api/v1/providers', {
        name: 'Fuzz Clinic',
        kind: 'clinic',
        region: 'Coast',
        paymentDetails: 'KCB 1234567890',
      });
      seeded.providerId = String(provider.id);
    }
    const subject = String((await call(providerUser, 'get', '/api/v1/me')).subject);
    remember('subject', subject);
    const linked = await request(testApp.app)
      .post(`/api/v1/providers/${seeded.providerId}/users`)
      .set('Authorization', await userCalled(seeded.manager).authorization())
      .send({ username: providerUser });
    // Linked elsewhere by a generated request: moved back to the seeded facility.
    if (linked.status === 409) {
      const all = await call(seeded.manager, 'get', '/api/v1/providers');
      for (const provider of all.items as Array<{ id: string; users: Array<{ subject: string }> }>) {
        if (provider.users.some((user) => user.subject === subject)) {
          await call(seeded.manager, 'delete', `/api/v1/providers/${provider.id}/users/${encodeURIComponent(subject)}`);
        }
      }
      await call(seeded.manager, 'post', `/api/v1/providers/${seeded.providerId}/users`, { username: providerUser });
    }
    for (const who of [seeded.manager, providerUser, ...users.filter((u) => u.roles.includes('claims-officer')).map((u) => u.label)]) {
      remember('providerId', seeded.providerId, who);
    }
    const application = await approvedApplication();
    if (!application) return;
    const voucher = await call(seeded.issuer, 'post', `/api/v1/applications/${application}/voucher`, undefined, [201]);
    remember('voucherId', voucher.id, providerUser);
    await keepClaimWork(providerUser, String(voucher.id));
  }

  /**
   * For the claims operations: an unclaimed redemption of 1.00 and an invoice (named to the provider user, so a
   * generated claim of that redemption for 1.00 can succeed), a claim waiting for a decision and an approved one
   * (named to the claims officers, so a decision and a payment can succeed).
   */
  async function keepClaimWork(providerUser: string, voucherId: string): Promise<void> {
    const officers = users.filter((u) => u.roles.includes('claims-officer')).map((u) => u.label);
    const [officer] = officers;
    if (!officer) return;
    const redeem = async () =>
      String((await call(providerUser, 'post', '/api/v1/redemptions', { voucherId, amount: '1.00', service: 'Dressing' }, [201])).id);
    const uploadInvoice = async () => {
      const res = await request(testApp.app)
        .post('/api/v1/documents')
        .set('Authorization', await userCalled(providerUser).authorization())
        .field('kind', 'invoice')
        .attach('file', Buffer.from(`%PDF-1.4\n% invoice ${randomUUID()}\n%%EOF\n`), {
          filename: 'invoice.pdf',
          contentType: 'application/pdf',
        });
      if (res.status !== 201) throw new Error(`seeding an invoice: ${res.status} ${JSON.stringify(res.body)}`);
      return String(res.body.id);
    };
    const claimOf = async () =>
      String(
        (
          await call(
            providerUser,
            'post',
            '/api/v1/claims',
            { redemptionIds: [await redeem()], total: '1.00', invoiceDocumentId: await uploadInvoice() },
            [201],
          )
        ).id,
      );
    const approved = await claimOf();
    await call(officer, 'post', `/api/v1/claims/${approved}/decision`, { decision: 'approve' });
    const waiting = await claimOf();
    for (const who of [...officers, providerUser]) {
      remember('claimId', approved, who);
      remember('claimId', waiting, who);
    }
    // The user's own are this unclaimed redemption and this unused invoice only: earlier ones may be claimed by now,
    // and a claim of those (the sweep takes the first) would never succeed.
    seenBy.get(providerUser)?.delete('redemptionIds');
    seenBy.get(providerUser)?.delete('invoiceDocumentId');
    remember('redemptionIds', await redeem(), providerUser);
    remember('invoiceDocumentId', await uploadInvoice(), providerUser);
  }

  /**
   * An undecided proposal for the first-stage officer to decide: the officer verifies the first applicant's
   * occupation in the registry once, and while no application of theirs holds an open proposal for it, the
   * applicant applies again with an occupation of their own.
   */
  async function keepProposalOpen(): Promise<void> {
    const [applicant = ''] = seeded.applicants;
    const reviewer = await userCalled(seeded.reviewer).authorization();
    if (seeded.proposalApplicationId) {
      const proposals = await request(testApp.app)
        .get(`/api/v1/applications/${seeded.proposalApplicationId}/registry-proposals`)
        .set('Authorization', reviewer);
      const open = (proposals.body.items as Array<{ field: string; decision?: string }> | undefined)?.some(
        (proposal) => proposal.field === 'occupation' && proposal.decision === undefined,
      );
      // Still at its first stage too, so that stage's officer may also verify its document.
      const application = await request(testApp.app)
        .get(`/api/v1/applications/${seeded.proposalApplicationId}`)
        .set('Authorization', reviewer);
      if (open && application.body.status === 'SUBMITTED') {
        remember('applicationId', seeded.proposalApplicationId, seeded.reviewer);
        return;
      }
    } else {
      const nationalId = users.find((user) => user.label === applicant)?.nationalId ?? '';
      const found = await call(seeded.reviewer, 'get', `/api/v1/registrants?idType=NATIONAL_ID&idValue=${encodeURIComponent(nationalId)}`);
      const [registrant] = found.items as Array<{ id: string; version: number }>;
      if (!registrant) throw new Error("seeding the proposal: the applicant's registrant was not found");
      await call(seeded.reviewer, 'patch', `/api/v1/registrants/${registrant.id}`, { version: registrant.version, occupation: 'Nurse' });
    }
    // Generated requests may have changed the program (its treatment types...) so that it takes no such
    // application any more; the proposal then waits for the next program replenish opens.
    const application = await request(testApp.app)
      .post('/api/v1/applications')
      .set('Authorization', await userCalled(applicant).authorization())
      .send({
        ...completeApplication(),
        applicant: { ...completeApplication().applicant, occupation: `Fisher ${randomUUID().slice(0, 8)}` },
        documents: [{ documentId: seeded.documentId, kind: 'medical-report' }],
      });
    if (application.status !== 201) return;
    seeded.proposalApplicationId = String(application.body.id);
    // A request naming the document names this application with it.
    remember('documentId', seeded.documentId, seeded.reviewer);
    links.set(seeded.documentId, { ...links.get(seeded.documentId), applicationId: seeded.proposalApplicationId });
    remember('field', 'occupation', seeded.reviewer);
    remember('applicationId', seeded.proposalApplicationId, seeded.reviewer);
    // Its signals (the applicant applied before: the same person), so a review of one can succeed.
    const signals = await request(testApp.app)
      .get(`/api/v1/applications/${seeded.proposalApplicationId}/signals`)
      .set('Authorization', await userCalled(seeded.reviewer).authorization());
    for (const signal of (signals.body.signals ?? []) as Array<{ key: string }>) remember('signalKey', signal.key, seeded.reviewer);
  }

  /**
   * A likely duplicate of the proposal application's registrant for its first-stage officer to resolve: a
   * registrant enrolled under another ID with the same names, birth date and region, enrolled again once the
   * pair was resolved. The pair's two ids are the only known `recordId` and `matchId`.
   */
  async function keepDuplicateOpen(): Promise<void> {
    if (!seeded.proposalApplicationId) return;
    const authorization = await userCalled(seeded.reviewer).authorization();
    type Pair = { record: { kind: string; id: string }; match: { kind: string; id: string } };
    const listed = await request(testApp.app)
      .get(`/api/v1/applications/${seeded.proposalApplicationId}/duplicates`)
      .set('Authorization', authorization);
    if (listed.status !== 200) return;
    const bothRegistrants = (pair: Pair) => pair.record.kind === 'registrant' && pair.match.kind === 'registrant';
    let pair = (listed.body.candidates as Pair[]).find(bothRegistrants);
    if (!pair) {
      const [applicant = ''] = seeded.applicants;
      const nationalId = users.find((user) => user.label === applicant)?.nationalId ?? '';
      const found = await call(seeded.reviewer, 'get', `/api/v1/registrants?idType=NATIONAL_ID&idValue=${encodeURIComponent(nationalId)}`);
      const [registrant] = found.items as Array<{
        id: string;
        givenName: string;
        familyName: string;
        gender: string;
        birthDate: string;
        address: { region: string };
      }>;
      if (!registrant) return;
      const twin = await call(seeded.reviewer, 'post', '/api/v1/registrants', {
        idType: 'PASSPORT',
        idValue: `FUZZ-${randomUUID().slice(0, 8)}`,
        givenName: registrant.givenName,
        familyName: registrant.familyName,
        gender: registrant.gender,
        birthDate: registrant.birthDate,
        address: { region: registrant.address.region },
      });
      pair = { record: { kind: 'registrant', id: registrant.id }, match: { kind: 'registrant', id: String(twin.id) } };
    }
    const own = seenBy.get(seeded.reviewer) ?? new Map<string, string[]>();
    seenBy.set(seeded.reviewer, own);
    for (const [name, id] of [
      ['recordId', pair.record.id],
      ['matchId', pair.match.id],
    ] as const) {
      pools.set(name, [id]);
      own.set(name, [id]);
    }
    remember('applicationId', seeded.proposalApplicationId, seeded.reviewer);
  }

  function planFor(operation: Operation): fc.Arbitrary<Plan> {
    const permitted = callers.filter((caller) =>
      operation.roles === undefined ? true : caller.roles.length > 0 && mayCall(caller, operation),
    );
    const caller =
      permitted.length > 0
        ? fc.oneof({ weight: 7, arbitrary: fc.constantFrom(...permitted) }, { weight: 3, arbitrary: fc.constantFrom(...callers) })
        : fc.constantFrom(...callers);
    return caller.chain((who) => planAs(operation, who));
  }

  /** The contract's example with each field that names a record (`programId`...) naming one that exists. */
  function putKnownIds(example: unknown, caller: Caller, pick: () => number): unknown {
    const put = (value: unknown, name: string | undefined): unknown => {
      if (Array.isArray(value)) return value.map((item) => put(item, name));
      if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, put(item, key)]));
      }
      const ids = name === undefined ? [] : idsFor(caller, name);
      return typeof value === 'string' && ids.length > 0 ? ids[pick() % ids.length] : value;
    };
    return put(example, undefined);
  }
  const withKnownIds = (example: unknown, caller: Caller): fc.Arbitrary<unknown> =>
    fc.infiniteStream(fc.oneof(fc.constant(0), fc.nat())).map((picks) => putKnownIds(example, caller, () => picks.next().value));

  function planAs(operation: Operation, caller: Caller): fc.Arbitrary<Plan> {
    const valid = validFor(caller);
    const pathParameters = operation.parameters.filter((p) => p.in === 'path');
    const pathModel = Object.fromEntries(
      pathParameters.map((p) => {
        const choices: Array<fc.WeightedArbitrary<Plan['path'][string]>> = [
          { weight: 2, arbitrary: valid(p.schema, p.name).map((value) => ({ value: String(value) })) },
          { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_SEGMENTS).map((raw) => ({ raw })) },
        ];
        // A known record: one the caller was answered with or any, the first (the seeded one) half the time.
        if ((pools.get(p.name) ?? []).length > 0) {
          choices.push({ weight: 7, arbitrary: fc.record({ known: fc.oneof(fc.constant(0), fc.nat()), own: fc.boolean() }) });
        }
        return [p.name, fc.oneof(...choices)] as const;
      }),
    );
    const idempotency = operation.parameters.some((p) => p.in === 'header' && p.name === 'Idempotency-Key');
    const headers = fc
      .record({
        idempotencyKey: fc.oneof(
          { weight: idempotency ? 6 : 0, arbitrary: fc.uuid() },
          { weight: idempotency ? 2 : 0, arbitrary: fc.constant(REUSED_IDEMPOTENCY_KEY) },
          { weight: 1, arbitrary: fc.constantFrom('short', 'has space in it', 'x'.repeat(200), 'clé-é-é-é-é', '') },
          { weight: idempotency ? 2 : 10, arbitrary: fc.constant(undefined) },
        ),
        accept: fc.constantFrom(undefined, undefined, undefined, 'text/html', 'application/xml', '*/*', 'application/problem+json'),
      })
      .map(({ idempotencyKey, accept }) => {
        const set: Record<string, string> = {};
        if (idempotencyKey !== undefined) set['Idempotency-Key'] = idempotencyKey;
        if (accept !== undefined) set.Accept = accept;
        return set;
      });
    const noBody = fc.constant({ body: { kind: 'none' } as Body, notes: [] as string[] });
    const body = operation.multipart
      ? fc.oneof({ weight: 8, arbitrary: multipartBody }, { weight: 1, arbitrary: rawBody })
      : operation.json
        ? fc.oneof(
            {
              weight: 9,
              arbitrary: jsonBody(
                operation.json,
                (schema) => valid(schema),
                operation.example === undefined ? undefined : withKnownIds(operation.example, caller),
              ),
            },
            { weight: 1, arbitrary: rawBody },
          )
        : fc.oneof({ weight: 9, arbitrary: noBody }, { weight: 1, arbitrary: rawBody });
    return fc
      .record({ path: fc.record(pathModel), query: queryOf(operation, valid), headers, body })
      .map(({ path: pathValues, query, headers: set, body: chosen }) => ({
        caller,
        path: pathValues,
        query: query.query,
        headers: set,
        body: chosen.body,
        notes: [
          ...Object.entries(pathValues).map(
            ([name, value]) => `${name}=${'known' in value ? 'known' : 'raw' in value ? value.raw.slice(0, 40) : value.value}`,
          ),
          ...query.notes,
          ...Object.entries(set).map(([name, value]) => `${name}: ${value.slice(0, 40)}`),
          ...chosen.notes,
        ],
      }));
  }

  const urlOf = (operation: Operation, values: Record<string, string>) =>
    `${operation.base}${operation.template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '')}`;

  /** The version the record at this path has now, read by the closest GET above it (or in its list). */
  async function currentVersion(operation: Operation, values: Record<string, string>): Promise<number | undefined> {
    const segments = operation.template.split('/');
    for (let length = segments.length; length > 1; length -= 1) {
      const template = segments.slice(0, length).join('/');
      const reader = operations.find((op) => op.template === template && op.method === 'get');
      if (!reader) continue;
      const user = users.find((u) => mayCall(u, reader));
      if (!user) return undefined;
      const res = await request(testApp.app)
        .get(urlOf(reader, values))
        .set('Authorization', await user.authorization());
      if (res.status !== 200) return undefined;
      const body = res.body as { version?: number; items?: Array<Record<string, unknown>> };
      if (typeof body.version === 'number') return body.version;
      const wanted = Object.values(values);
      return body.items?.find((item) => Object.values(item).some((v) => typeof v === 'string' && wanted.includes(v)))?.version as
        number | undefined;
    }
    return undefined;
  }

  async function send(operation: Operation, plan: Plan): Promise<void> {
    const values: Record<string, string> = {};
    const knownIds: string[] = [];
    // The last parameter first: a known stage brings its own program along when that one is known too.
    for (const [name, choice] of Object.entries(plan.path).reverse()) {
      // Of the caller's own, the one they were answered with last comes first (a draft just started).
      const pool = 'own' in choice && choice.own ? [...idsFor(plan.caller, name)].reverse() : (pools.get(name) ?? []);
      if ('known' in choice) {
        const id = knownIds.map((known) => links.get(known)?.[name]).find(Boolean) ?? pool[choice.known % pool.length] ?? UNKNOWN_UUID;
        knownIds.push(id);
        values[name] = encodeURIComponent(id);
      } else values[name] = 'raw' in choice ? choice.raw : encodeURIComponent(choice.value);
    }
    const permitted = plan.caller.roles.length > 0 && mayCall(plan.caller, operation);
    const queryValues = { ...plan.query.values };
    if (queryValues.version !== undefined && permitted)
      queryValues.version = String((await currentVersion(operation, values)) ?? queryValues.version);
    const query = [new URLSearchParams(queryValues).toString(), plan.query.extra].filter(Boolean).join('&');
    const url = `${urlOf(operation, values)}${query ? `?${query}` : ''}`;
    let req = request(testApp.app)[operation.method](url);
    const authorization = await plan.caller.authorization();
    if (authorization !== undefined) req = req.set('Authorization', authorization);
    req = req.set(plan.headers);
    const { body } = plan;
    let payload: Buffer | undefined;
    if (body.kind === 'json') {
      let value = body.value;
      if (
        body.freshVersion &&
        permitted &&
        value !== null &&
        typeof value === 'object' &&
        typeof (value as { version?: unknown }).version === 'number'
      ) {
        const version = await currentVersion(operation, values);
        if (version !== undefined) value = { ...(value as object), version };
      }
      let text = JSON.stringify(value) ?? '';
      if (body.deepText) text = text.replace(JSON.stringify(DEEP), body.deepText);
      payload = body.gzip ? gzipSync(text) : Buffer.from(text);
      if (body.gzip) req = req.set('Content-Encoding', 'gzip');
      if (body.contentType !== undefined) req = req.set('Content-Type', body.contentType);
    } else if (body.kind === 'bytes') {
      payload = body.bytes;
      if (body.contentType !== undefined) req = req.set('Content-Type', body.contentType);
    }
    // Sent as the bytes given: superagent would otherwise serialize a Buffer by the content type.
    const res = await (payload === undefined ? req : req.serialize((bytes) => bytes as string).send(payload));
    exercised.add(operation.id);
    const tally = res.status >= 400 ? `${res.status} ${(res.body as { code?: string }).code}` : String(res.status);
    answers.set(operation.id, { ...answers.get(operation.id), [tally]: (answers.get(operation.id)?.[tally] ?? 0) + 1 });
    if (res.status < 300 || res.status === 304) succeeded.add(operation.id);
    if (res.status < 300 && res.headers['content-type']?.startsWith('application/json'))
      harvest(operation.template, res.body, plan.caller.label);
    const described = `${operation.method.toUpperCase()} ${url.slice(0, 160)} ${plan.notes.join(' | ')}`;
    const failure = judge(res);
    if (failure) {
      const requestId = res.headers['x-request-id'] as string | undefined;
      findings.push({
        operation: operation.id,
        caller: plan.caller.label,
        request: described,
        status: res.status,
        problem: failure,
        logged: requestId
          ? log
              .filter((line) => line.includes(requestId))
              .join('')
              .slice(0, 600)
          : undefined,
      });
    }
  }

  /** What is wrong with an answer, if anything: a 5xx, or an error that is not a problem from the table. */
  function judge(res: request.Response): string | undefined {
    if (res.status >= 500) return `server error ${res.status} ${res.text.slice(0, 200)}`;
    if (res.status < 400) return undefined;
    if (!/^application\/problem\+json/.test(res.headers['content-type'] ?? ''))
      return `error without problem+json (${res.headers['content-type']})`;
    const code = (res.body as { code?: string }).code;
    const entry = code === undefined ? undefined : ERROR_CODES[code as keyof typeof ERROR_CODES];
    if (!entry) return `code ${code} not in the error table`;
    if (entry.status !== res.status || (res.body as { status?: number }).status !== res.status)
      return `${code} answered with ${res.status}`;
    if (/\n\s+at /.test(res.text)) return 'a stack trace in the answer';
    return undefined;
  }

  it('sends every operation, as every caller, a request it should take', async () => {
    for (const operation of operations) {
      await replenish();
      const sound = planFor(operation).filter((plan) => plan.body.kind !== 'bytes' || operation.multipart !== undefined);
      const [example] = fc.sample(sound, { seed: SEED, numRuns: 1 });
      if (!example) throw new Error(`no request for ${operation.id}`);
      for (const caller of callers) {
        const plan: Plan = {
          ...example,
          caller,
          query: { values: example.query.values, extra: undefined },
          headers: {},
          path: { ...example.path },
        };
        if (operation.json)
          plan.body = {
            kind: 'json',
            value:
              operation.example === undefined
                ? fc.sample(validFor(caller)(operation.json), { seed: SEED, numRuns: 1 })[0]
                : putKnownIds(operation.example, caller, () => 0),
            contentType: 'application/json',
            freshVersion: true,
          };
        if (operation.multipart)
          plan.body = {
            kind: 'bytes',
            bytes: formBytes(
              'fuzzsweep',
              // The voucher logo takes an image and nothing else; documents take a kind and a PDF.
              operation.id === 'setVoucherLogo'
                ? [{ name: 'file', fileName: 'logo.png', type: 'image/png', bytes: PNG }]
                : [
                    { name: 'kind', bytes: Buffer.from('other') },
                    { name: 'file', fileName: 'a.pdf', type: 'application/pdf', bytes: PDF },
                  ],
              '--BOUNDARY--\r\n',
            ),
            contentType: 'multipart/form-data; boundary=fuzzsweep',
          };
        for (const name of Object.keys(plan.path)) if ((pools.get(name) ?? []).length > 0) plan.path[name] = { known: 0, own: true };
        plan.notes = ['sweep'];
        await send(operation, plan);
      }
    }
    expect(findings).toEqual([]);
  }, 300_000);

  it(
    'never answers a generated request with a 5xx or an error outside the table',
    async () => {
      for (const [index, operation] of operations.entries()) {
        await replenish();
        await fc.assert(
          fc.asyncProperty(planFor(operation), async (plan) => {
            await send(operation, plan);
          }),
          { seed: SEED + index, numRuns: RUNS },
        );
      }
      expect(findings).toEqual([]);
    },
    RUNS * 20_000,
  );

  it('exercised every operation of the contract, each answering at least once with a success', () => {
    const all = operations.map((op) => op.id).sort();
    expect(all.length).toBeGreaterThan(30);
    expect([...exercised].sort()).toEqual(all);
    expect([...succeeded].sort()).toEqual(all);
  });
});
