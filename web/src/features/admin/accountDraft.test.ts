import { describe, expect, it } from 'vitest';
import type { Organization } from '../../api/organizations.ts';
import type { AdminUser } from './adminApi.ts';
import { accountDraftOf, checkAccountChange, checkNewAccount, EMPTY_ACCOUNT_DRAFT, type AccountDraft } from './accountDraft.ts';

const organization = (slug: string, kind: Organization['kind']): Organization => ({
  slug,
  kind,
  name_en: slug,
  name_ar: slug,
  country: null,
  funded_projects: 0,
});
const organizations = [organization('ministry-syr', 'ministry'), organization('office-sy-hm', 'governorate_office'), organization('undp', 'donor')];

const viewer: AccountDraft = {
  ...EMPTY_ACCOUNT_DRAFT,
  email: '  New.Viewer@Example.org ',
  display_name: ' New viewer ',
  organization: 'ministry-syr',
  password: 'a-long-secret',
};

const engineer: AdminUser = {
  id: 7,
  email: 'engineer@example.org',
  display_name: 'Engineer',
  role: 'engineer',
  organization: 'office-sy-hm',
  governorates: ['SY-HM', 'SY-DI'],
  disabled: false,
};

describe('a new account', () => {
  it('is sent trimmed, with a lower-case email and no governorates but for engineers', () => {
    expect(checkNewAccount({ ...viewer, governorates: ['SY-DI'] }, organizations)).toEqual({
      ok: true,
      account: {
        email: 'new.viewer@example.org',
        display_name: 'New viewer',
        role: 'viewer',
        organization: 'ministry-syr',
        governorates: [],
        password: 'a-long-secret',
      },
    });
  });

  it('needs an email, a name, an organization and a password of ten characters', () => {
    expect(checkNewAccount(EMPTY_ACCOUNT_DRAFT, organizations)).toEqual({
      ok: false,
      errors: { email: 'email', display_name: 'displayName', organization: 'organization', password: 'password' },
    });
    expect(checkNewAccount({ ...viewer, email: 'not an email', password: 'short' }, organizations)).toMatchObject({
      ok: false,
      errors: { email: 'email', password: 'password' },
    });
    expect(checkNewAccount({ ...viewer, organization: 'gone' }, organizations)).toMatchObject({ errors: { organization: 'organization' } });
  });

  it('gives an engineer at least one governorate, sorted and once each', () => {
    const draft = { ...viewer, role: 'engineer' as const, organization: 'office-sy-hm' };
    expect(checkNewAccount(draft, organizations)).toEqual({ ok: false, errors: { governorates: 'governorates' } });
    const checked = checkNewAccount({ ...draft, governorates: ['SY-HM', 'SY-DI', 'SY-HM'] }, organizations);
    expect(checked.ok && checked.account.governorates).toEqual(['SY-DI', 'SY-HM']);
  });

  it('puts donors, and only donors, in donor or partner organizations (the API\'s rule)', () => {
    expect(checkNewAccount({ ...viewer, role: 'donor' }, organizations)).toEqual({ ok: false, errors: { organization: 'donorOrganization' } });
    expect(checkNewAccount({ ...viewer, role: 'donor', organization: 'undp' }, organizations).ok).toBe(true);
    const withPartner = [...organizations, organization('akf', 'partner')];
    expect(checkNewAccount({ ...viewer, role: 'donor', organization: 'akf' }, withPartner).ok).toBe(true);
    // A viewer there would see every project while its organization sees only its shares.
    expect(checkNewAccount({ ...viewer, organization: 'undp' }, organizations)).toEqual({ ok: false, errors: { organization: 'donorOrganization' } });
  });
});

describe('a changed account', () => {
  it('sends nothing when nothing changed', () => {
    expect(checkAccountChange(engineer, accountDraftOf(engineer), organizations, false)).toEqual({ ok: true, change: {} });
    const reordered = { ...accountDraftOf(engineer), governorates: ['SY-DI', 'SY-HM'] };
    expect(checkAccountChange(engineer, reordered, organizations, false)).toEqual({ ok: true, change: {} });
  });

  it('sends only what changed', () => {
    const draft = { ...accountDraftOf(engineer), display_name: 'Senior engineer ', governorates: ['SY-HM'], disabled: true, password: 'another-long-one' };
    expect(checkAccountChange(engineer, draft, organizations, false)).toEqual({
      ok: true,
      change: { display_name: 'Senior engineer', governorates: ['SY-HM'], disabled: true, password: 'another-long-one' },
    });
  });

  it('is computed against the account as the form opened, so it does not undo what another admin changed meanwhile', () => {
    // Admin A opens the form; admin B then disables the account, and A's list refetches it.
    const opened = engineer;
    const disabledMeanwhile: AdminUser = { ...engineer, disabled: true };
    const renamed = { ...accountDraftOf(opened), display_name: 'Renamed engineer' };
    expect(checkAccountChange(opened, renamed, organizations, false)).toEqual({ ok: true, change: { display_name: 'Renamed engineer' } });
    // Against the newer copy, the untouched box would have re-enabled it.
    expect(checkAccountChange(disabledMeanwhile, renamed, organizations, false)).toMatchObject({ change: { disabled: false } });
  });

  it('moves the account to another organization only when another is chosen', () => {
    const moved = { ...accountDraftOf(engineer), organization: 'ministry-syr' };
    expect(checkAccountChange(engineer, moved, organizations, false)).toEqual({ ok: true, change: { organization: 'ministry-syr' } });
    expect(checkAccountChange(engineer, { ...moved, organization: 'gone' }, organizations, false)).toEqual({
      ok: false,
      errors: { organization: 'organization' },
    });
  });

  it('keeps a donor in a donor organization when moving it', () => {
    const donor: AdminUser = { ...engineer, role: 'donor', organization: 'undp', governorates: [] };
    expect(checkAccountChange(donor, { ...accountDraftOf(donor), organization: 'ministry-syr' }, organizations, false)).toEqual({
      ok: false,
      errors: { organization: 'donorOrganization' },
    });
    const asViewer = { ...accountDraftOf(donor), role: 'viewer' as const, organization: 'ministry-syr' };
    expect(checkAccountChange(donor, asViewer, organizations, false)).toEqual({ ok: true, change: { organization: 'ministry-syr', role: 'viewer' } });
  });

  it('clears the governorates of someone who is no longer an engineer', () => {
    const draft = { ...accountDraftOf(engineer), role: 'viewer' as const };
    expect(checkAccountChange(engineer, draft, organizations, false)).toEqual({ ok: true, change: { role: 'viewer', governorates: [] } });
  });

  it('keeps the password unless a valid new one is typed', () => {
    expect(checkAccountChange(engineer, { ...accountDraftOf(engineer), password: 'short' }, organizations, false)).toEqual({
      ok: false,
      errors: { password: 'password' },
    });
  });

  it('refuses a donor role outside a donor organization, and an engineer without governorates', () => {
    expect(checkAccountChange(engineer, { ...accountDraftOf(engineer), role: 'donor' }, organizations, false)).toEqual({
      ok: false,
      errors: { organization: 'donorOrganization' },
    });
    expect(checkAccountChange(engineer, { ...accountDraftOf(engineer), governorates: [] }, organizations, false)).toEqual({
      ok: false,
      errors: { governorates: 'governorates' },
    });
  });

  it('does not let admins lock themselves out', () => {
    const admin: AdminUser = { ...engineer, role: 'admin', organization: 'ministry-syr', governorates: [] };
    expect(checkAccountChange(admin, { ...accountDraftOf(admin), disabled: true }, organizations, true)).toEqual({ ok: false, errors: { role: 'self' } });
    expect(checkAccountChange(admin, { ...accountDraftOf(admin), role: 'viewer' }, organizations, true)).toEqual({ ok: false, errors: { role: 'self' } });
    expect(checkAccountChange(admin, { ...accountDraftOf(admin), role: 'viewer' }, organizations, false).ok).toBe(true);
  });
});
