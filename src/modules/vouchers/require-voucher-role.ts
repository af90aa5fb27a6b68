import { describeRequiredRoles, hasAnyRole, type Principal, type Role } from '../../platform/auth/principal.js';
import { ForbiddenError } from '../../platform/http/errors.js';

/** The service checks the role itself too: pages and the API reach it by different doors. */
export function requireVoucherRole(actor: Principal, role: Role): void {
  if (!hasAnyRole(actor, [role])) throw new ForbiddenError(describeRequiredRoles([role]));
}
