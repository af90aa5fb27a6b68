import type { Principal, Role } from '../../platform/auth/principal.js';
import { requireActorRole } from '../../platform/auth/require-role.js';

/** The service checks the role itself too: pages and the API reach it by different doors. */
export function requireVoucherRole(actor: Principal, role: Role): void {
  requireActorRole(actor, [role]);
}
