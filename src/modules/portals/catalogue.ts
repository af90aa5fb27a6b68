/** The portal each role opens. Later modules fill the pages behind each `href`. */
import type { components } from '../../generated/openapi.js';
import { ROLES, type Role } from '../../platform/auth/principal.js';

export type Portal = components['schemas']['Portal'];
export type PortalSummary = components['schemas']['PortalSummary'];

const PORTALS: Record<Role, Omit<Portal, 'id' | 'roles'>> = {
  applicant: { title: 'Self-Service Portal', description: 'Apply for assistance and follow your applications.', href: '/ssp' },
  'program-manager': {
    title: 'Program administration',
    description: 'Set up programs, approval stages and designated officers.',
    href: '/admin',
  },
  reviewer: { title: 'Officer work queue', description: 'Review the applications at your stage and decide them.', href: '/officer' },
  assessor: { title: 'Assessment queue', description: 'Assess applications and set the benefit amount.', href: '/officer' },
  'issuing-officer': { title: 'Voucher issuance', description: 'Issue entitlement vouchers for approved applications.', href: '/vouchers' },
  'service-provider': {
    title: 'Service Provider Portal',
    description: 'Scan and redeem vouchers, claim reimbursement.',
    href: '/provider',
  },
  'claims-officer': { title: 'Claims review', description: 'Review reimbursement claims and track payments.', href: '/claims' },
  analyst: { title: 'Dashboards', description: 'Program figures: applications, decisions, vouchers and claims.', href: '/dashboards' },
  auditor: { title: 'Audit trail', description: 'Every decision and change, who made it and when.', href: '/audit' },
};

export function describePortal(role: Role): Portal {
  return { id: role, ...PORTALS[role], roles: [role] };
}

/** The portals a user with these roles may open, in the catalogue's order. */
export function listPortalsFor(roles: readonly Role[]): PortalSummary[] {
  return ROLES.filter((role) => roles.includes(role)).map((role) => ({ id: role, ...PORTALS[role] }));
}
