import { describe, expect, it } from '@jest/globals';
import express from 'express';
import request from 'supertest';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';
import { routeOperations, type OperationHandlers } from '../../../../src/platform/http/operations.js';

function specWith(paths: Record<string, string>): OpenAPIV3.DocumentV3_1 {
  return {
    openapi: '3.1.0',
    info: { title: 'routes', summary: 'Routes from a small contract', version: '1' },
    paths: Object.fromEntries(
      Object.entries(paths).map(([path, operationId]) => [path, { get: { operationId, responses: { '200': { description: 'ok' } } } }]),
    ),
    components: {},
    webhooks: {},
  };
}

const answerWith =
  (operationId: string) =>
  (_req: unknown, res: express.Response): void => {
    res.json({ operationId });
  };

describe('routes from the contract', () => {
  it('matches a literal path before a template in the same place, whatever the order in the spec', async () => {
    const { router } = routeOperations(specWith({ '/me/{part}': 'getCurrentUser', '/me/registrant': 'getMyRegistrant' }), [
      { getCurrentUser: answerWith('getCurrentUser'), getMyRegistrant: answerWith('getMyRegistrant') },
    ]);
    const app = express().use(router);
    expect((await request(app).get('/me/registrant')).body).toEqual({ operationId: 'getMyRegistrant' });
    expect((await request(app).get('/me/other')).body).toEqual({ operationId: 'getCurrentUser' });
  });

  it('passes the path parameters to the handler under the names the spec gives them', async () => {
    const handlers: OperationHandlers = {
      getProgram(req, res) {
        res.json({ programId: req.params.programId });
      },
    };
    const app = express().use(routeOperations(specWith({ '/programs/{programId}': 'getProgram' }), [handlers]).router);
    expect((await request(app).get('/programs/p-1')).body).toEqual({ programId: 'p-1' });
  });

  it('refuses two handlers for one operation', () => {
    const spec = specWith({ '/me': 'getCurrentUser' });
    expect(() => routeOperations(spec, [{ getCurrentUser: answerWith('a') }, { getCurrentUser: answerWith('b') }])).toThrow(
      'operation getCurrentUser has two handlers',
    );
  });

  it('names every mismatch at once', () => {
    const spec = specWith({ '/me': 'getCurrentUser', '/programs': 'listPrograms' });
    expect(() => routeOperations(spec, [{ getCurrentUser: answerWith('a'), getPortal: answerWith('b') }])).toThrow(
      'operation listPrograms (GET /programs) has no handler; handler getPortal names no operation',
    );
  });
});
