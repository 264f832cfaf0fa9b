import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { countryCode, governorateCode, ORGANIZATION_SLUG, organizationSlug } from './patterns.ts';
import { ORGANIZATION_KINDS, ROLES, SHARE_RECEIVING_KINDS, type Role } from './vocabulary.ts';

// ---- Sessions -----------------------------------------------------------------------------

export const email = z.string().trim().toLowerCase().email('must be an email address').max(320);

/** `POST /api/auth/login` */
export const Login = z.object({ email, password: z.string().min(1, 'is required').max(LIMITS.password.max) });

/** The signed-in user, as a session shows it. */
export const SessionUser = z.object({
  id: z.number().int(),
  email: z.string(),
  display_name: z.string(),
  role: z.enum(ROLES),
  organization: z.string().describe("The organization's slug"),
  governorates: z.array(z.string()).describe('Governorates an engineer may write (ISO 3166-2)'),
});
export type SessionUser = z.infer<typeof SessionUser>;

/** `POST /api/auth/login`, `GET /api/auth/me`: the user and the CSRF token every change must carry. */
export const SignedIn = z.object({ user: SessionUser, csrfToken: z.string().describe('Send as x-csrf-token with every change') });
export type SignedIn = z.infer<typeof SignedIn>;

// ---- Organizations ------------------------------------------------------------------------

const governorateCodes = z.array(governorateCode);
const organizationName = z.string().trim().min(LIMITS.organizationName.min).max(LIMITS.organizationName.max);

/** What `PATCH /api/admin/organizations/{slug}` answers: the organization as stored now. */
export const SavedOrganization = z.object({
  slug: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  name_en: z.string(),
  name_ar: z.string(),
  country: z.string().nullable(),
});
export type SavedOrganization = z.infer<typeof SavedOrganization>;

/** One organization in `GET /api/organizations`: names and kinds, nothing about its people. */
export const Organization = SavedOrganization.extend({
  funded_projects: z.number().int().describe('Projects it funds that the caller may see'),
});
export type Organization = z.infer<typeof Organization>;

export const OrganizationList = z.object({ items: z.array(Organization) });
export type OrganizationList = z.infer<typeof OrganizationList>;

/** `POST /api/admin/organizations` */
export const NewOrganization = z.object({
  slug: z.string().regex(ORGANIZATION_SLUG, 'must be lowercase letters, digits and dashes'),
  kind: z.enum(ORGANIZATION_KINDS),
  name_en: organizationName,
  name_ar: organizationName,
  country: countryCode.nullable().default(null).describe('ISO 3166-1 alpha-3; null for international bodies'),
});
export type NewOrganization = z.input<typeof NewOrganization>;

/** `PATCH /api/admin/organizations/{slug}`: only what changes. The slug and the kind never change. */
export const OrganizationChange = z.object({
  name_en: organizationName.optional(),
  name_ar: organizationName.optional(),
  country: countryCode.nullable().optional(),
});
export type OrganizationChange = z.infer<typeof OrganizationChange>;

// ---- Accounts -----------------------------------------------------------------------------

/** One account in `GET /api/admin/users`: a user as a session knows it, and whether it is disabled. */
export const AdminUser = SessionUser.extend({ disabled: z.boolean() });
export type AdminUser = z.infer<typeof AdminUser>;

export const AdminUserList = z.object({ items: z.array(AdminUser) });
export type AdminUserList = z.infer<typeof AdminUserList>;

const password = z.string().min(LIMITS.password.min, `must be at least ${LIMITS.password.min} characters`).max(LIMITS.password.max);
const displayName = z.string().trim().min(LIMITS.displayName.min).max(LIMITS.displayName.max);

/** `POST /api/admin/users` */
export const NewAccount = z.object({
  email,
  display_name: displayName,
  role: z.enum(ROLES),
  organization: organizationSlug,
  governorates: governorateCodes.default([]),
  password,
});
export type NewAccount = z.input<typeof NewAccount>;

/** `PATCH /api/admin/users/{id}`: only what changes. */
export const AccountChange = z.object({
  display_name: displayName.optional(),
  organization: organizationSlug.optional(),
  role: z.enum(ROLES).optional(),
  governorates: governorateCodes.optional(),
  disabled: z.boolean().optional(),
  password: password.optional(),
});
export type AccountChange = z.infer<typeof AccountChange>;

// ---- Rules the administration screens check before sending --------------------------------

/** An organization as the account rules need it. */
export interface OrganizationOfAccount {
  slug: string;
  kind: string;
}

/**
 * Why `role` may not belong to `organization`, or undefined when it may. A donor sees what is
 * shared with its organization, so it must belong to a donor or partner; anyone else there would
 * see every project, so only donors do.
 */
export function roleOrganizationProblem(role: Role, organization: OrganizationOfAccount): string | undefined {
  const receivesShares = (SHARE_RECEIVING_KINDS as readonly string[]).includes(organization.kind);
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
