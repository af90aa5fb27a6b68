/**
 * The official DCI social registry JSON Schemas (test/fixtures/dci, vendored from spdci/standards) as Ajv
 * validators, for checking every message the gateway emits. The bundled OpenAPI 3.0 file needs what the
 * conformance folder's validator does to it: `nullable` and boolean exclusive bounds converted, unknown formats
 * accepted, and internal `$ref`s that walk through another `$ref` rewritten to their real target.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { PROJECT_ROOT } from '../../src/config.js';

type Node = unknown;
type Doc = Record<string, unknown>;

const escape = (part: string) => part.replace(/~/g, '~0').replace(/\//g, '~1');
const unescape = (part: string) => part.replace(/~1/g, '/').replace(/~0/g, '~');

function pointerIn(doc: Node, pointer: string): Node {
  let current = doc;
  for (const part of pointer.split('/').slice(1)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Doc)[unescape(part)];
  }
  return current;
}

function convert(node: Node): Node {
  if (Array.isArray(node)) return node.map(convert);
  if (node === null || typeof node !== 'object') return node;
  const out: Doc = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = ['example', 'examples', 'enum', 'default'].includes(key) ? value : convert(value);
  }
  if (out.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    delete out.nullable;
  }
  // OpenAPI 3.0's boolean exclusive bounds become JSON Schema's numeric ones.
  if (typeof out.exclusiveMinimum === 'boolean') {
    if (out.exclusiveMinimum && typeof out.minimum === 'number') out.exclusiveMinimum = out.minimum;
    else delete out.exclusiveMinimum;
    if (typeof out.exclusiveMinimum === 'number') delete out.minimum;
  }
  if (typeof out.exclusiveMaximum === 'boolean') {
    if (out.exclusiveMaximum && typeof out.maximum === 'number') out.exclusiveMaximum = out.maximum;
    else delete out.exclusiveMaximum;
    if (typeof out.exclusiveMaximum === 'number') delete out.maximum;
  }
  return out;
}

function resolveThrough(doc: Doc, ref: string, depth = 0): { node: Node; pointer: string } | undefined {
  if (depth > 20) return undefined;
  let current: Node = doc;
  let pointer = '';
  for (const part of ref.replace(/^#\//, '').split('/').map(unescape)) {
    let guard = 0;
    while (
      current !== null &&
      typeof current === 'object' &&
      typeof (current as Doc).$ref === 'string' &&
      ((current as Doc).$ref as string).startsWith('#/') &&
      !(part in (current as Doc)) &&
      guard++ < 20
    ) {
      const through = resolveThrough(doc, (current as Doc).$ref as string, depth + 1);
      if (!through) return undefined;
      current = through.node;
      pointer = through.pointer;
    }
    if (current === null || typeof current !== 'object' || !(part in (current as Doc))) return undefined;
    current = (current as Doc)[part];
    pointer += `/${escape(part)}`;
  }
  return { node: current, pointer };
}

function repairRefs(doc: Doc): void {
  const walk = (node: Node): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const object = node as Doc;
    if (typeof object.$ref === 'string' && object.$ref.startsWith('#/') && pointerIn(doc, object.$ref.slice(1)) === undefined) {
      const found = resolveThrough(doc, object.$ref);
      if (found) object.$ref = `#${found.pointer}`;
      else delete object.$ref;
    }
    for (const [key, value] of Object.entries(object)) if (key !== 'example' && key !== 'examples') walk(value);
  };
  walk(doc);
}

/** Pointers of the schemas our messages must meet, in the social registry API. */
export const DCI_SCHEMAS = {
  syncSearchRequest: '/paths/~1registry~1sync~1search/post/requestBody/content/application~1json/schema',
  syncSearchResponse: '/paths/~1registry~1sync~1search/post/responses/default/content/application~1json/schema',
  syncTxnStatusRequest: '/paths/~1registry~1sync~1txn~1status/post/requestBody/content/application~1json/schema',
  syncTxnStatusResponse: '/paths/~1registry~1sync~1txn~1status/post/responses/default/content/application~1json/schema',
  acknowledgement: '/components/responses/Response/content/application~1json/schema',
  searchRequest: '/paths/~1registry~1search/post/requestBody/content/application~1json/schema',
  onSearch: '/paths/~1registry~1on-search/post/requestBody/content/application~1json/schema',
  txnStatusRequest: '/paths/~1registry~1txn~1status/post/requestBody/content/application~1json/schema',
  txnOnStatus: '/paths/~1registry~1txn~1on-status/post/requestBody/content/application~1json/schema',
} as const;

export type DciSchemaName = keyof typeof DCI_SCHEMAS;

let validators: Map<DciSchemaName, ValidateFunction> | undefined;

function compile(): Map<DciSchemaName, ValidateFunction> {
  const file = path.join(PROJECT_ROOT, 'test', 'fixtures', 'dci', 'social_api_v1.0.0.yaml');
  const raw = parseYaml(readFileSync(file, 'utf8')) as Doc;
  const doc = convert(raw) as Doc;
  repairRefs(doc);
  doc.$id = 'https://spdci.example/social_api_v1.0.0.yaml';
  const ajv = new Ajv({ strict: false, allErrors: true, allowUnionTypes: true, validateSchema: false });
  // ajv-formats is CommonJS; its default export arrives wrapped under ESM.
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (instance: Ajv) => Ajv;
  addFormats(ajv);
  ajv.addSchema(doc);
  return new Map(
    (Object.entries(DCI_SCHEMAS) as Array<[DciSchemaName, string]>).map(([name, pointer]) => {
      if (pointerIn(raw, pointer) === undefined) throw new Error(`no schema at ${pointer}`);
      return [name, ajv.compile({ $ref: `${doc.$id as string}#${pointer}` })];
    }),
  );
}

/** The official schema's errors for a message (an empty list: it validates). */
export function dciSchemaErrors(name: DciSchemaName, message: unknown): string[] {
  validators ??= compile();
  const validate = validators.get(name);
  if (!validate) throw new Error(`no validator ${name}`);
  if (validate(message)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? ''} [${error.schemaPath}]`);
}
