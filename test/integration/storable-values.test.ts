/**
 * Every value PostgreSQL would refuse is a 400 naming its field, decided before the database is asked:
 * text with a control character or half a surrogate pair, a date that is not on the calendar, an integer
 * beyond its column. The operations, their fields and the roles that may call them come from the
 * contract, so a new operation is covered the day it is added.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import request from 'supertest';
import { PROJECT_ROOT } from '../../src/config.js';
import type { Request } from 'express';
import { pino } from 'pino';
import { toAppError } from '../../src/platform/http/problem.js';
import { loadApiSpec } from '../../src/platform/http/spec.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { DEMO_USER_FOR_ROLE, tokenFor } from '../support/tokens.js';

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  example?: unknown;
  examples?: unknown[];
  default?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  minimum?: number;
  maxLength?: number;
};
type Parameter = { $ref?: string; name: string; in: string; required?: boolean; schema: Schema };
type Operation = {
  operationId?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema: Schema }> };
};
type Kind = 'text' | 'date' | 'integer';

/** One field of one operation that a refused value can be put into. */
interface Target {
  operationId: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  username: string;
  body: unknown;
  where: 'body' | 'query';
  /** Inside the body (JSON Pointer) or the query parameter's name. */
  field: string[];
  kind: Kind;
  /** Under a oneOf/anyOf, where the validator may name the choice rather than the field. */
  underChoice: boolean;
}

const CONTROLS = ['\u0000', '\u0001', '\u001b', '\u007f', '\u0085'];
/** A URL is UTF-8, which cannot carry half a surrogate pair: those go in JSON bodies only. */
const SURROGATES = ['\ud800', '\udfff'];
const textWith = (characters: string[]) =>
  fc
    .tuple(fc.string({ maxLength: 5 }), fc.constantFrom(...characters), fc.string({ maxLength: 5 }))
    .map(([before, bad, after]) => `${before}${bad}${after}`);
const BAD_VALUES: Record<Kind | 'query-text', fc.Arbitrary<unknown>> = {
  text: textWith([...CONTROLS, ...SURROGATES]),
  'query-text': textWith(CONTROLS),
  date: fc.constantFrom('2023-02-29', '2023-04-31', '2023-06-31', '1900-02-29', '0000-01-01', '2023-13-01', '2023-00-10'),
  integer: fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e20),
};
/** One value of each kind that PostgreSQL refused before the fix (see issue 8). */
const FIRST_BAD: Record<Kind, unknown> = { text: 'a\u0000b', date: '2023-02-29', integer: 2 ** 31 };

function createSpecReader(components: Record<string, Record<string, unknown>>) {
  const resolve = <T extends { $ref?: string }>(value: T): T => {
    if (!value.$ref) return value;
    const [, , kind, name] = value.$ref.split('/');
    return resolve(components[kind ?? '']?.[name ?? ''] as T);
  };

  /** A value the schema takes, as far as a sketch can: examples, enums, defaults, then by type. */
  function sample(raw: Schema): unknown {
    const schema = resolve(raw);
    if (schema.allOf) return Object.assign({}, ...schema.allOf.map((part) => sample(part)));
    if (schema.oneOf ?? schema.anyOf) return sample((schema.oneOf ?? schema.anyOf ?? [])[0] ?? {});
    if (schema.const !== undefined) return schema.const;
    if (schema.example !== undefined && typeof schema.example !== 'object') return schema.example;
    if (schema.enum) return schema.enum[0];
    if (schema.default !== undefined) return schema.default;
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    if (type === 'object' || schema.properties) {
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, property]) => [name, sample(property)]));
    }
    if (type === 'array') return [sample(schema.items ?? {})];
    if (type === 'integer' || type === 'number') return schema.minimum ?? 1;
    if (type === 'boolean') return true;
    if (schema.format === 'uuid') return randomUUID();
    if (schema.format === 'date') return '1990-02-14';
    if (schema.format === 'email') return 'someone@example.org';
    return 'x';
  }

  /** Every field a refused value of some kind fits, with its path. */
  function fields(raw: Schema, at: string[], underChoice: boolean): Array<{ field: string[]; kind: Kind; underChoice: boolean }> {
    const schema = resolve(raw);
    if (schema.allOf) return schema.allOf.flatMap((part) => fields(part, at, underChoice));
    const choice = schema.oneOf ?? schema.anyOf;
    if (choice) return fields(choice[0] ?? {}, at, true);
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    if (type === 'object' || schema.properties) {
      return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => fields(property, [...at, name], underChoice));
    }
    if (type === 'array') return fields(schema.items ?? {}, [...at, '0'], underChoice);
    if (type === 'integer') return [{ field: at, kind: 'integer', underChoice }];
    if (type !== 'string' || schema.format === 'binary') return [];
    const text = { field: at, kind: 'text' as const, underChoice };
    return schema.format === 'date' ? [text, { field: at, kind: 'date', underChoice }] : [text];
  }

  return { resolve, sample, fields };
}

/** Every operation that takes a JSON body or a query, each of its fields, called by a user of a role it is open to. */
async function findTargets(): Promise<Target[]> {
  const spec = (await loadApiSpec(path.join(PROJECT_ROOT, 'openapi', 'openapi.yaml'))) as unknown as {
    paths: Record<string, Record<string, Operation | Parameter[]>>;
    components: Record<string, Record<string, unknown>>;
  };
  const reader = createSpecReader(spec.components);
  const targets: Target[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    // A path item with servers of its own is outside the API's validator: the DCI gateway answers a bad value in
    // its message (an ERR acknowledgement), which test/integration/g2p-registry.test.ts checks for these values.
    if ('servers' in item) continue;
    for (const [method, value] of Object.entries(item)) {
      const operation = value as Operation;
      if (!operation.operationId || template === '/healthz' || template === '/readyz') continue;
      const parameters = [...((item.parameters as Parameter[] | undefined) ?? []), ...(operation.parameters ?? [])].map(reader.resolve);
      const role = operation.security?.flatMap((requirement) => Object.values(requirement).flat())[0] ?? 'applicant';
      const username = DEMO_USER_FOR_ROLE[role as keyof typeof DEMO_USER_FOR_ROLE];
      const url = `/api/v1${template.replace(/\{(\w+)\}/g, (_, name: string) =>
        encodeURIComponent(String(reader.sample(parameters.find((p) => p.name === name)?.schema ?? {}))),
      )}`;
      const headers = Object.fromEntries(
        parameters.filter((p) => p.in === 'header').map((p) => [p.name, String(reader.sample(p.schema))] as const),
      );
      const json = operation.requestBody?.content?.['application/json']?.schema;
      const common = { operationId: operation.operationId, method, url, headers, username, body: json && reader.sample(json) };
      for (const found of json ? reader.fields(json, [], false) : []) targets.push({ ...common, ...found, where: 'body' });
      for (const parameter of parameters.filter((p) => p.in === 'query')) {
        for (const found of reader.fields(parameter.schema, [parameter.name], false)) targets.push({ ...common, ...found, where: 'query' });
      }
    }
  }
  return targets;
}

function withValue(body: unknown, field: string[], value: unknown): unknown {
  if (field.length === 0) return value;
  const [head = '', ...rest] = field;
  const copy = (Array.isArray(body) ? [...body] : { ...(body as object) }) as Record<string, unknown>;
  copy[head] = withValue(copy[head], rest, value);
  return copy;
}

describe('values the database would refuse', () => {
  let testApp: TestApp;
  let targets: Target[];
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    testApp = await startTestApp();
    targets = await findTargets();
    for (const username of new Set(targets.map((t) => t.username))) tokens.set(username, await tokenFor(username));
  });
  afterAll(async () => {
    await testApp.close();
  });

  async function send(target: Target, value: unknown) {
    const agent = request(testApp.app);
    const call = agent[target.method as 'post'](target.url)
      .set('Authorization', `Bearer ${tokens.get(target.username)}`)
      .set(target.headers);
    if (target.where === 'query') call.query({ [target.field[0] ?? '']: String(value) });
    const body = target.where === 'body' ? withValue(target.body, target.field, value) : target.body;
    return body === undefined ? call : call.set('Content-Type', 'application/json').send(JSON.stringify(body));
  }

  function expectRefusedNamingField(target: Target, res: request.Response): void {
    const described = `${target.operationId} ${target.where}/${target.field.join('/')} (${target.kind})`;
    expect({ described, status: res.status, type: res.headers['content-type'] }).toEqual({
      described,
      status: 400,
      type: expect.stringMatching(/^application\/problem\+json/),
    });
    const path = `/${target.where}/${target.field.join('/')}`;
    const named = (res.body.errors as Array<{ path: string }> | undefined)?.map((error) => error.path) ?? [];
    const ok = named.some((p) => p === path || (target.underChoice && path.startsWith(`${p}/`)));
    expect({ described, named: ok ? path : named }).toEqual({ described, named: path });
  }

  it('finds every operation with a body or a query in the contract', () => {
    const operations = new Set(targets.map((t) => t.operationId));
    for (const id of ['putMyPreferences', 'createProgram', 'updateProgram', 'removeProgramStage', 'saveOfficerGroup', 'createRegistrant']) {
      expect(operations).toContain(id);
    }
    for (const id of ['updateRegistrant', 'searchRegistrants', 'submitApplication', 'startApplicationDraft', 'saveApplicationDraft']) {
      expect(operations).toContain(id);
    }
    expect(new Set(targets.map((t) => t.kind))).toEqual(new Set(['text', 'date', 'integer']));
  });

  it('refuses in every field the value PostgreSQL refused before, naming the field', async () => {
    for (const target of targets) expectRefusedNamingField(target, await send(target, FIRST_BAD[target.kind]));
  });

  it('never answers a refused value in any field with anything but a 400 naming it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...targets)
          .chain((t) => fc.tuple(fc.constant(t), BAD_VALUES[t.kind === 'text' && t.where === 'query' ? 'query-text' : t.kind])),
        async ([target, value]) => expectRefusedNamingField(target, await send(target, value)),
      ),
      { numRuns: 150 },
    );
  });

  it('refuses a body nested tens of thousands deep with a 400, whoever sends it', async () => {
    const depth = 40_000;
    const deep = `{"language":${'['.repeat(depth)}"en"${']'.repeat(depth)},"contactChannel":"sms"}`;
    const put = (authorization?: string) => {
      const call = request(testApp.app).put('/api/v1/me/preferences').set('Content-Type', 'application/json');
      return (authorization ? call.set('Authorization', authorization) : call).send(deep);
    };
    const signedIn = await put(`Bearer ${await tokenFor('pedro')}`);
    expect({ status: signedIn.status, code: signedIn.body.code }).toEqual({ status: 400, code: 'ERR_VALIDATION' });
    expect(new Set((signedIn.body.errors as Array<{ path: string }>).map((error) => error.path))).toEqual(new Set(['/body/language']));
    const anonymous = await put();
    expect({ status: anonymous.status, code: anonymous.body.code }).toEqual({ status: 401, code: 'ERR_AUTH_REQUIRED' });
  });

  it.each([
    ['an impossible date', "SELECT '2023-02-30'::date"],
    ['an integer beyond its column', 'SELECT 2147483648::integer'],
    ['a NUL character', "SELECT convert_from('\\x00'::bytea, 'UTF8')"],
    ['text that is not a number', "SELECT 'twelve'::integer"],
  ])('answers %s that only PostgreSQL refused with a 400, never a 500', async (_what, sql) => {
    const refused = await testApp.runtime.database.sequelize.query(sql).then(
      () => undefined,
      (error: unknown) => error,
    );
    const req = { log: pino({ level: 'silent' }) } as unknown as Request;
    expect(toAppError(refused, req)).toMatchObject({ code: 'ERR_VALUE_NOT_STORABLE', status: 400 });
  });

  it('leaves other database failures a 500', async () => {
    const failed = await testApp.runtime.database.sequelize.query('SELECT * FROM no_such_table').then(
      () => undefined,
      (error: unknown) => error,
    );
    const req = { log: pino({ level: 'silent' }) } as unknown as Request;
    expect(toAppError(failed, req)).toMatchObject({ code: 'ERR_INTERNAL', status: 500 });
  });
});
