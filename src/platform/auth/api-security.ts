/**
 * Bearer authentication for the API, run by the OpenAPI validator's security step so a missing or
 * bad token is answered (401) before the body is validated. The operation's security requirement
 * lists the roles that may call it (OpenAPI 3.1 allows role names there for non-OAuth schemes);
 * several requirement objects mean any of them.
 */
import type { Request } from 'express';
import { AuthenticationError, ForbiddenError, type AppError } from '../http/errors.js';
import type { AccessTokenVerifier } from './access-token.js';
import { describeRequiredRoles, isRole, type Role } from './principal.js';

const BEARER = /^Bearer\s+([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*)\s*$/i;

async function authenticateOnce(req: Request, verifier: AccessTokenVerifier): Promise<void> {
  if (req.principal) return;
  const header = req.headers.authorization;
  if (!header) throw new AuthenticationError('ERR_AUTH_REQUIRED', 'Send an access token in the Authorization header: "Bearer <token>".');
  const match = BEARER.exec(header);
  if (!match?.[1]) throw new AuthenticationError('ERR_AUTH_TOKEN_INVALID', 'The Authorization header must be "Bearer <JWT>".');
  req.principal = await verifier.verify(match[1]);
}

type SecurityRequirement = Record<string, string[]>;

/**
 * Every role the operation's requirements name. The validator calls the handler once per requirement
 * with that one's roles, and keeps the last refusal; each refusal must name all who may call.
 */
function rolesAllowed(req: Request, requiredRoles: string[]): Role[] {
  const operation = (req as Request & { openapi?: { schema?: { security?: SecurityRequirement[] } } }).openapi;
  const named = operation?.schema?.security?.flatMap((requirement) => Object.values(requirement).flat()) ?? requiredRoles;
  return [...new Set(named)].filter(isRole);
}

export function createBearerSecurityHandler(verifier: AccessTokenVerifier) {
  return async (req: Request, requiredRoles: string[]): Promise<boolean> => {
    try {
      await authenticateOnce(req, verifier);
      const principal = req.principal;
      if (!principal) throw new AuthenticationError('ERR_AUTH_REQUIRED', 'Authentication is required.');
      const roles = requiredRoles.filter(isRole);
      if (roles.length > 0 && !roles.some((role) => principal.roles.includes(role))) {
        throw new ForbiddenError(describeRequiredRoles(rolesAllowed(req, requiredRoles)));
      }
      return true;
    } catch (error) {
      // Keep the most telling reason: an authentication failure outranks a role mismatch.
      const appError = error as AppError;
      if (!req.authError || req.authError.status !== 401) req.authError = appError;
      throw Object.assign(new Error(appError.message), { status: appError.status });
    }
  };
}
