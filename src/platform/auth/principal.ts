/** Who is calling, as the OpenID provider vouches for it. */

export const ROLES = [
  'applicant',
  'program-manager',
  'reviewer',
  'assessor',
  'issuing-officer',
  'service-provider',
  'claims-officer',
  'analyst',
  'auditor',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export interface Principal {
  /** The provider's stable user id (`sub`). */
  subject: string;
  username: string;
  givenName: string | undefined;
  familyName: string | undefined;
  displayName: string;
  email: string | undefined;
  /** The product's roles the token grants; provider-internal roles are dropped. */
  roles: Role[];
  /** National ID claim, linking an applicant to a registrant. */
  nationalId: string | undefined;
  /** The client the token was issued to (`azp`). */
  clientId: string | undefined;
  /**
   * What the token allows beyond roles: the `scope` claim's values and the API client's roles that are not
   * product roles (a partner system's operations, e.g. `g2p:registry:search`; docs/interoperability.md).
   */
  scopes?: readonly string[];
}

export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return roles.some((role) => principal.roles.includes(role));
}

/** The refusal's words: every role that would have been allowed, not only the last one checked. */
export function describeRequiredRoles(roles: readonly Role[]): string {
  return roles.length === 1 ? `This needs the role ${roles[0]}.` : `This needs one of the roles: ${roles.join(', ')}.`;
}
