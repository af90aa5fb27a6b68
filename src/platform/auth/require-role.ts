import type { Request, RequestHandler } from 'express';
import { AuthenticationError, ForbiddenError } from '../http/errors.js';
import { describeRequiredRoles, hasAnyRole, type Principal, type Role } from './principal.js';

/** The authenticated caller; a route behind authentication that finds none is a wiring bug, answered 401. */
export function requirePrincipal(req: Pick<Request, 'principal'>): Principal {
  if (!req.principal) throw new AuthenticationError('ERR_AUTH_REQUIRED', 'Sign in first.');
  return req.principal;
}

/**
 * In a service: the actor must hold at least one of the roles. Services check too, since pages and the API
 * reach them by different doors.
 */
export function requireActorRole(actor: Principal, roles: readonly Role[]): void {
  if (!hasAnyRole(actor, roles)) throw new ForbiddenError(describeRequiredRoles(roles));
}

/** Route guard: the caller must hold at least one of the roles. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    requireActorRole(requirePrincipal(req), roles);
    next();
  };
}
