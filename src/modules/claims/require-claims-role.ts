import { describeRequiredRoles, hasAnyRole, type Principal, type Role } from '../../platform/auth/principal.js';
import { ForbiddenError } from '../../platform/http/errors.js';

/** The service checks the role itself too: pages and the API reach it by different doors. */
export function requireClaimsRole(actor: Principal, roles: readonly Role[]): void {
  if (!hasAnyRole(actor, roles)) throw new ForbiddenError(describeRequiredRoles(roles));
}
