/**
 * Routes come from the contract. Each module gives a map from operationId to handler; every operation
 * of the spec is registered at its own path and method with the handler of its operationId. An
 * operation without a handler, or a handler naming no operation, stops the app from being created.
 *
 * Handlers are typed by the generated `operations`: path parameters, query and body are those of the
 * operation (the validator has checked the request against it before the handler runs).
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';
import type { operations } from '../../generated/openapi.js';
import { ContractError } from './spec.js';

export type OperationId = keyof operations;

type OrEmpty<T> = [T] extends [never] ? Record<string, never> : T;
type ContentOf<T> = [T] extends [never] ? undefined : T extends { content: infer C } ? C[keyof C] : undefined;

export type PathParams<Id extends OperationId> = OrEmpty<Exclude<operations[Id]['parameters']['path'], undefined>>;
export type QueryParams<Id extends OperationId> = OrEmpty<Exclude<operations[Id]['parameters']['query'], undefined>>;
export type RequestBody<Id extends OperationId> = ContentOf<Exclude<operations[Id]['requestBody'], undefined>>;

/** A request as the validator lets it through to the handler of operation `Id`. */
export type OperationRequest<Id extends OperationId> = Request<PathParams<Id>, unknown, RequestBody<Id>, QueryParams<Id>>;
export type OperationHandler<Id extends OperationId> = (req: OperationRequest<Id>, res: Response) => void | Promise<void>;
/** One module's handlers, by operationId. */
export type OperationHandlers = { readonly [Id in OperationId]?: OperationHandler<Id> };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;
type Method = (typeof METHODS)[number];

export interface ApiOperation {
  operationId: string;
  method: Method;
  /** The path as the spec writes it, e.g. `/programs/{programId}`. */
  path: string;
}

/**
 * The operations served under the spec's own server (`/api/v1`). A path item or operation that names
 * its own `servers` (the probes, at `/`) is served outside the API router.
 */
export function listApiOperations(spec: OpenAPIV3.DocumentV3_1): ApiOperation[] {
  const found: ApiOperation[] = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    if (!item || item.servers) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation || operation.servers) continue;
      if (!operation.operationId) throw new ContractError(`OpenAPI: ${method.toUpperCase()} ${path} has no operationId`);
      found.push({ operationId: operation.operationId, method, path });
    }
  }
  return found;
}

/** `/programs/{programId}` → `/programs/:programId` */
function expressPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}

/** A literal segment before a template in the same place (`/me/registrant` before `/me/{x}`), as OpenAPI matches. */
function literalSegmentsFirst(a: ApiOperation, b: ApiOperation): number {
  const key = (operation: ApiOperation) => operation.path.replace(/\{[^}]+\}/g, '\uffff');
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

function collectHandlers(handlerMaps: readonly OperationHandlers[]): { handlers: Map<string, RequestHandler>; twice: string[] } {
  const handlers = new Map<string, RequestHandler>();
  const twice: string[] = [];
  for (const map of handlerMaps) {
    for (const [operationId, handler] of Object.entries(map)) {
      if (handler === undefined) continue;
      if (handlers.has(operationId)) twice.push(operationId);
      // The validator has checked the request against this operation, so it has the operation's shape.
      handlers.set(operationId, handler as unknown as RequestHandler);
    }
  }
  return { handlers, twice };
}

export interface OperationRoutes {
  router: Router;
  /** What was registered, in registration order. */
  operations: ApiOperation[];
}

/** Registers each operation of the spec with its handler; throws a ContractError naming every mismatch. */
export function routeOperations(spec: OpenAPIV3.DocumentV3_1, handlerMaps: readonly OperationHandlers[]): OperationRoutes {
  const operations = listApiOperations(spec).sort(literalSegmentsFirst);
  const { handlers, twice } = collectHandlers(handlerMaps);
  const specified = new Set(operations.map((operation) => operation.operationId));
  const problems = [
    ...operations
      .filter((operation) => !handlers.has(operation.operationId))
      .map((operation) => `operation ${operation.operationId} (${operation.method.toUpperCase()} ${operation.path}) has no handler`),
    ...[...handlers.keys()]
      .filter((operationId) => !specified.has(operationId))
      .map((operationId) => `handler ${operationId} names no operation`),
    ...twice.map((operationId) => `operation ${operationId} has two handlers`),
  ];
  if (problems.length > 0) throw new ContractError(`OpenAPI: routes do not match the contract: ${problems.join('; ')}`);

  const router = Router();
  for (const operation of operations) {
    router[operation.method](expressPath(operation.path), handlers.get(operation.operationId) as RequestHandler);
  }
  return { router, operations };
}
