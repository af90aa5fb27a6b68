/**
 * The contract is a standard OpenAPI document and the routes come from it: any OpenAPI tool reading
 * openapi/openapi.yaml from disk sees every operation the app serves, and the app is not created when
 * an operation and the handlers do not match one to one.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { dereference, validate } from '@readme/openapi-parser';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';
import { createApp, listApiOperationsOf } from '../../src/app.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { loadApiSpec } from '../../src/platform/http/spec.js';
import { startTestApp, type TestApp } from '../support/harness.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface OperationOnDisk {
  operationId: string;
  method: (typeof METHODS)[number];
  path: string;
  /** The probes and status lists name their own server (`/`); everything else is under /api/v1. */
  outsideApi: boolean;
  /** `security: []`: open to anyone (VC-API verify, status lists, probes). */
  open: boolean;
  /** The response statuses it documents. */
  documented: string[];
}

/** Every operation of the contract as a standard parser reads it from disk, following the $refs between files. */
async function readOperationsFromDisk(): Promise<OperationOnDisk[]> {
  const document = (await dereference(path.join(PROJECT_ROOT, 'openapi', 'openapi.yaml'))) as OpenAPIV3.DocumentV3_1;
  return Object.entries(document.paths ?? {}).flatMap(([route, item]) =>
    METHODS.flatMap((method) => {
      const operation = item?.[method];
      if (!operation?.operationId) return [];
      return [
        {
          operationId: operation.operationId,
          method,
          path: route,
          outsideApi: Boolean(item.servers ?? operation.servers),
          // No requirement at all, or an empty one (anyone may call; a token adds to the answer).
          open: operation.security?.length === 0 || (operation.security ?? []).some((requirement) => Object.keys(requirement).length === 0),
          documented: Object.keys(operation.responses ?? {}),
        },
      ];
    }),
  );
}

/** A URL for the operation's path, any well-formed value in each parameter. */
function urlOf(operation: OperationOnDisk): string {
  const filled = operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) =>
    name === 'portal'
      ? 'applicant'
      : name === 'groupCode'
        ? 'junior-officers'
        : name === 'listNumber'
          ? '1'
          : name === 'purpose'
            ? 'revocation'
            : '3f0c9a52-5f6e-4d7b-9a2e-0c1d2e3f4a5b',
  );
  return operation.outsideApi ? filled : `/api/v1${filled}`;
}

const withoutPlacement = ({ operationId, method, path: route }: { operationId: string; method: string; path: string }) => ({
  operationId,
  method,
  path: route,
});
const byId = (a: { operationId: string }, b: { operationId: string }) => a.operationId.localeCompare(b.operationId);

/** Every `$ref` that leaves the document (another file or a URL). */
function externalRefsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(externalRefsIn);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$ref' && typeof inner === 'string' && !inner.startsWith('#/') ? [inner] : externalRefsIn(inner),
  );
}

let testApp: TestApp;
let bundled: OpenAPIV3.DocumentV3_1;
let onDisk: OperationOnDisk[];
beforeAll(async () => {
  testApp = await startTestApp();
  bundled = await loadApiSpec(testApp.config.paths.spec);
  onDisk = await readOperationsFromDisk();
});
afterAll(async () => {
  await testApp.close();
});

describe('the contract on disk', () => {
  it('is read whole by a standard parser: the same operations as the bundled document the app loads', () => {
    const inBundle = Object.entries(bundled.paths ?? {}).flatMap(([route, item]) =>
      METHODS.flatMap((method) => {
        const operationId = item?.[method]?.operationId;
        return operationId ? [{ operationId, method, path: route }] : [];
      }),
    );
    expect(onDisk.map(withoutPlacement).sort(byId)).toEqual(inBundle.sort(byId));
    expect(onDisk.map((operation) => operation.operationId)).toEqual(
      expect.arrayContaining(['getCurrentUser', 'listPrograms', 'searchRegistrants', 'uploadDocument', 'submitApplication', 'getHealth']),
    );
  });

  it('names exactly the operations the app registered a handler for', () => {
    const served = listApiOperationsOf(testApp.app).map(withoutPlacement);
    const api = onDisk.filter((operation) => !operation.outsideApi).map(withoutPlacement);
    expect([...served].sort(byId)).toEqual(api.sort(byId));
  });

  it('declares the rate limit (429 with Retry-After) on every API operation, since every one of them is counted', () => {
    const withoutLimit = Object.entries(bundled.paths ?? {}).flatMap(([route, item]) =>
      METHODS.flatMap((method) => {
        const operation = item?.[method];
        if (!operation?.operationId || item.servers || operation.servers) return [];
        return operation.responses?.['429'] ? [] : [`${method.toUpperCase()} ${route}`];
      }),
    );
    expect(withoutLimit).toEqual([]);
  });

  it("keeps the Approvals tag's role × operation table in step with each operation's security", () => {
    const description = bundled.tags?.find((tag) => tag.name === 'Approvals')?.description ?? '';
    const rows = description
      .split('\n')
      .filter((line) => line.trim().startsWith('|'))
      .map((line) =>
        line
          .trim()
          .replace(/^\||\|$/g, '')
          .split('|')
          .map((cell) => cell.trim()),
      );
    const [header = [], , ...body] = rows;
    const roles = header.slice(1);
    const table = Object.fromEntries(
      body.map(([operationId = '', ...cells]) => [operationId, roles.filter((_, i) => cells[i] === 'yes').sort()]),
    );
    const secured = Object.fromEntries(
      Object.values(bundled.paths ?? {}).flatMap((item) =>
        METHODS.flatMap((method) => {
          const operation = item?.[method];
          if (!operation?.operationId || !operation.tags?.includes('Approvals')) return [];
          const allowed = (operation.security ?? []).flatMap((requirement) => Object.values(requirement).flat());
          return [[operation.operationId, [...new Set(allowed)].sort()]];
        }),
      ),
    );
    expect(roles.length).toBeGreaterThan(0);
    expect(table).toEqual(secured);
  });

  it('answers a request to each of its operations at the path and method it gives', async () => {
    for (const operation of onDisk) {
      const res = await request(testApp.app)[operation.method](urlOf(operation));
      // Without a token an API operation is a 401; a path or method the app does not know would be a 404 or 405
      // without a problem document. An open operation answers with one of the statuses it documents.
      if (operation.open) {
        expect({ operation: operation.operationId, documented: operation.documented.includes(String(res.status)) }).toEqual({
          operation: operation.operationId,
          documented: true,
        });
        if (res.status >= 400) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      } else {
        expect({ operation: operation.operationId, status: res.status }).toEqual({ operation: operation.operationId, status: 401 });
        expect(res.body.code).toBe('ERR_AUTH_REQUIRED');
      }
    }
  });
});

describe('the bundled contract the app serves', () => {
  const operationIdsOf = (document: OpenAPIV3.DocumentV3_1) =>
    Object.values(document.paths ?? {})
      .flatMap((item) => METHODS.map((method) => item?.[method]?.operationId))
      .filter((operationId) => operationId !== undefined)
      .sort();

  it('serves /openapi.json: one file, every operation, no reference to another file', async () => {
    const res = await request(testApp.app).get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(operationIdsOf(res.body)).toEqual(onDisk.map((operation) => operation.operationId).sort());
    expect(externalRefsIn(res.body)).toEqual([]);
    // A standard parser takes it as it is.
    expect(await validate(structuredClone(res.body))).toMatchObject({ valid: true });
  });

  it('serves /openapi.yaml: the same document as YAML', async () => {
    const [yaml, json] = await Promise.all([request(testApp.app).get('/openapi.yaml'), request(testApp.app).get('/openapi.json')]);
    expect(yaml.status).toBe(200);
    expect(yaml.headers['content-type']).toMatch(/^application\/yaml/);
    // Plain YAML: no anchors (&a1) or aliases (*a1) for a reader to chase.
    expect(yaml.text).not.toMatch(/:\s+[&*]a\d+/);
    expect(parseYaml(yaml.text)).toEqual(json.body);
  });
});

describe('the app at start-up', () => {
  const createAppWith = (spec: OpenAPIV3.DocumentV3_1) => () =>
    createApp({ config: testApp.config, logger: createLogger('silent'), spec, ...testApp.runtime });

  it('is created from the contract as it stands', () => {
    expect(createAppWith(bundled)).not.toThrow();
  });

  it('refuses to be created when an operation of the contract has no handler, naming the operation', () => {
    const changed = structuredClone(bundled);
    changed.paths = {
      ...changed.paths,
      '/vouchers': {
        get: { operationId: 'listVouchers', security: [{ bearerAuth: [] }], responses: { '200': { description: 'Vouchers' } } },
      },
    };
    expect(createAppWith(changed)).toThrow('operation listVouchers (GET /vouchers) has no handler');
  });

  it('refuses to be created when a handler names no operation of the contract, naming the handler', () => {
    const changed = structuredClone(bundled);
    delete changed.paths?.['/officer-groups']?.get;
    expect(createAppWith(changed)).toThrow('handler listOfficerGroups names no operation');
  });
});
