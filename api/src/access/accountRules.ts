import type { Role } from './Viewer.ts';

export { ROLES, type Role } from './Viewer.ts';

/** A new organization's slug: lowercase letters, digits and dashes, as in URLs (`undp`, `ministry-syr`). */
export const ORGANIZATION_SLUG = /^[a-z0-9][a-z0-9-]{1,60}$/;

/** Lengths the API accepts, which the administration screens check before sending. */
export const LIMITS = {
  password: { min: 10, max: 1024 },
  displayName: { min: 2, max: 200 },
  organizationName: { min: 2, max: 300 },
} as const;

/** The kinds of organization an account can belong to. */
export const ORGANIZATION_KINDS = ['ministry', 'governorate_office', 'donor', 'partner'] as const;

/** An organization as the account rules need it. */
export interface OrganizationKind {
  slug: string;
  kind: string;
}

/** The organizations projects are shared with (projectSharing.ts); their people see only those shares. */
const SHARE_RECEIVING_KINDS: readonly string[] = ['donor', 'partner'];

/**
 * Why `role` may not belong to `organization`, or undefined when it may. A donor sees what is
 * shared with its organization, so it must belong to a donor or partner; anyone else there would
 * see every project, so only donors do.
 */
export function roleOrganizationProblem(role: Role, organization: OrganizationKind): string | undefined {
  const receivesShares = SHARE_RECEIVING_KINDS.includes(organization.kind);
  if (role === 'donor' && !receivesShares) {
    return `a donor account must belong to a donor or partner organization; ${organization.slug} is a ${organization.kind}`;
  }
  if (role !== 'donor' && receivesShares) {
    return `only donor accounts belong to ${organization.slug}, a ${organization.kind}; a ${role} there would see every project`;
  }
  return undefined;
}

/** What an admin asks of their own account that nobody may: giving up the admin role, or disabling it. */
export function ownAccountProblem(change: { role?: Role | undefined; disabled?: boolean | undefined }): { parameter: string; message: string } | undefined {
  if (change.role !== undefined && change.role !== 'admin') {
    return { parameter: 'role', message: 'you cannot change your own role: another admin must do it' };
  }
  if (change.disabled === true) return { parameter: 'disabled', message: 'you cannot disable your own account: another admin must do it' };
  return undefined;
}
