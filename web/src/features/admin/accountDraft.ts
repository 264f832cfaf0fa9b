import { LIMITS, roleOrganizationProblem } from '@marsad/contracts';
import type { Organization } from '../../api/organizations.ts';
import { ROLES, type Role } from '../account/session.ts';
import type { AccountChange, AdminUser, NewAccount } from './adminApi.ts';

/**
 * The account form as typed: a new account's fields (organization `''` until one is chosen;
 * when editing, `password` is a new one, or `''` to keep it), and whether it is disabled.
 */
export interface AccountDraft extends NewAccount {
  disabled: boolean;
}

export type AccountField = 'email' | 'display_name' | 'role' | 'organization' | 'governorates' | 'password';

/** What is wrong with a field, as an i18n key under `admin.errors`. */
export type AccountProblem = 'email' | 'displayName' | 'role' | 'organization' | 'donorOrganization' | 'governorates' | 'password' | 'self';

export type AccountErrors = Partial<Record<AccountField, AccountProblem>>;

const { password: PASSWORD, displayName: NAME } = LIMITS;
const EMAIL_MAX = 320;

/** New accounts start with the least privilege. */
export const EMPTY_ACCOUNT_DRAFT: AccountDraft = {
  email: '',
  display_name: '',
  role: 'viewer',
  organization: '',
  governorates: [],
  password: '',
  disabled: false,
};

export function accountDraftOf(user: AdminUser): AccountDraft {
  return {
    email: user.email,
    display_name: user.display_name,
    role: user.role,
    organization: user.organization,
    governorates: [...user.governorates],
    password: '',
    disabled: user.disabled,
  };
}

/** Governorates only give engineers something to write; other roles keep none. */
export function needsGovernorates(role: Role): boolean {
  return role === 'engineer';
}

function checkPassword(password: string, required: boolean): AccountProblem | undefined {
  if (password === '' && !required) return undefined;
  return password.length < PASSWORD.min || password.length > PASSWORD.max ? 'password' : undefined;
}

/** The rules of role, organization and governorates together, the same for new and changed accounts. */
function checkCommon(draft: AccountDraft, organizations: readonly Organization[], errors: AccountErrors): void {
  const name = draft.display_name.trim();
  if (name.length < NAME.min || name.length > NAME.max) errors.display_name = 'displayName';
  const isRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role);
  if (!isRole(draft.role)) errors.role = 'role';
  const organization = organizations.find((o) => o.slug === draft.organization);
  if (organization === undefined) errors.organization = 'organization';
  // The API's own rule: donors, and only donors, belong to the organizations projects are shared with.
  else if (isRole(draft.role) && roleOrganizationProblem(draft.role, organization) !== undefined) errors.organization = 'donorOrganization';
  if (needsGovernorates(draft.role) && draft.governorates.length === 0) errors.governorates = 'governorates';
}

function governoratesFor(draft: AccountDraft): string[] {
  return needsGovernorates(draft.role) ? [...new Set(draft.governorates)].sort() : [];
}

export type NewAccountCheck = { ok: true; account: NewAccount } | { ok: false; errors: AccountErrors };

/** Checks a new account the way the API will, and the rules of roles it leaves to the screens. */
export function checkNewAccount(draft: AccountDraft, organizations: readonly Organization[]): NewAccountCheck {
  const errors: AccountErrors = {};
  const email = draft.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > EMAIL_MAX) errors.email = 'email';
  checkCommon(draft, organizations, errors);
  const password = checkPassword(draft.password, true);
  if (password) errors.password = password;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    account: {
      email,
      display_name: draft.display_name.trim(),
      role: draft.role,
      organization: draft.organization,
      governorates: governoratesFor(draft),
      password: draft.password,
    },
  };
}

export type AccountChangeCheck = { ok: true; change: AccountChange } | { ok: false; errors: AccountErrors };

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

/**
 * The PATCH for an edited account: only what the draft changed. `opened`: the account the draft
 * was made from, as it was when the form opened, not a newer copy from a refetched list: a field
 * another admin changed meanwhile and this form left alone is then not sent back as it was.
 * `isSelf`: the signed-in admin may not disable their own account or give up the admin role
 * (nobody would be left to undo it).
 */
export function checkAccountChange(
  opened: AdminUser,
  draft: AccountDraft,
  organizations: readonly Organization[],
  isSelf: boolean,
): AccountChangeCheck {
  const errors: AccountErrors = {};
  checkCommon(draft, organizations, errors);
  if (isSelf && (draft.role !== opened.role || draft.disabled)) errors.role = 'self';
  const password = checkPassword(draft.password, false);
  if (password) errors.password = password;
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const change: AccountChange = {};
  const name = draft.display_name.trim();
  if (name !== opened.display_name) change.display_name = name;
  if (draft.organization !== opened.organization) change.organization = draft.organization;
  if (draft.role !== opened.role) change.role = draft.role;
  const governorates = governoratesFor(draft);
  if (!sameSet(governorates, opened.governorates)) change.governorates = governorates;
  if (draft.disabled !== opened.disabled) change.disabled = draft.disabled;
  if (draft.password !== '') change.password = draft.password;
  return { ok: true, change };
}
