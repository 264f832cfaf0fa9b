import { describe, expect, it } from 'vitest';
import type { Organization } from '../../api/organizations.ts';
import { checkNewOrganization, checkOrganizationChange, EMPTY_ORGANIZATION_DRAFT, organizationDraftOf, suggestSlug } from './organizationDraft.ts';

describe('a new organization', () => {
  it('suggests a slug from the English name', () => {
    expect(suggestSlug('Japan International Cooperation Agency (JICA)')).toBe('japan-international-cooperation-agency-jica');
    expect(suggestSlug('  Agence Française de Développement ')).toBe('agence-francaise-de-developpement');
    expect(suggestSlug('وكالة')).toBe('');
    expect(suggestSlug('a'.repeat(80))).toHaveLength(61);
  });

  it('is sent trimmed, with no country for an international body', () => {
    const draft = { ...EMPTY_ORGANIZATION_DRAFT, slug: 'jica', name_ar: ' الوكالة اليابانية ', name_en: 'JICA ' };
    expect(checkNewOrganization(draft, ['SYR'])).toEqual({
      ok: true,
      organization: { slug: 'jica', kind: 'donor', name_ar: 'الوكالة اليابانية', name_en: 'JICA', country: null },
    });
    const ministry = { ...draft, kind: 'ministry' as const, country: 'SYR' };
    expect(checkNewOrganization(ministry, ['SYR'])).toMatchObject({ ok: true, organization: { kind: 'ministry', country: 'SYR' } });
  });

  it('refuses what the API would refuse', () => {
    expect(checkNewOrganization(EMPTY_ORGANIZATION_DRAFT, ['SYR'])).toEqual({ ok: false, errors: { slug: 'slug', name_ar: 'name', name_en: 'name' } });
    const draft = { slug: 'Bad Slug', kind: 'governorate_office' as const, name_ar: 'جهة', name_en: 'Body', country: 'XXX' };
    expect(checkNewOrganization(draft, ['SYR'])).toEqual({ ok: false, errors: { slug: 'slug', kind: 'kind', country: 'country' } });
  });
});

describe('a changed organization', () => {
  const giz: Organization = { slug: 'giz', kind: 'donor', name_en: 'GIZ', name_ar: 'الوكالة الألمانية', country: 'DEU', funded_projects: 3 };

  it('starts as stored, with no country for an international body', () => {
    expect(organizationDraftOf(giz)).toEqual({ slug: 'giz', kind: 'donor', name_en: 'GIZ', name_ar: 'الوكالة الألمانية', country: 'DEU' });
    expect(organizationDraftOf({ ...giz, country: null }).country).toBe('');
  });

  it('sends nothing when nothing changed, even a country Marsad has no boundaries for', () => {
    expect(checkOrganizationChange(giz, { ...organizationDraftOf(giz), name_en: ' GIZ ' }, ['SYR'])).toEqual({ ok: true, change: {} });
  });

  it('sends only the names and the country that changed, trimmed', () => {
    const renamed = { ...organizationDraftOf(giz), name_ar: ' الوكالة الألمانية للتعاون ' };
    expect(checkOrganizationChange(giz, renamed, ['SYR'])).toEqual({ ok: true, change: { name_ar: 'الوكالة الألمانية للتعاون' } });
    expect(checkOrganizationChange(giz, { ...organizationDraftOf(giz), name_en: 'GIZ Syria', country: 'SYR' }, ['SYR'])).toEqual({
      ok: true,
      change: { name_en: 'GIZ Syria', country: 'SYR' },
    });
    expect(checkOrganizationChange(giz, { ...organizationDraftOf(giz), country: '' }, ['SYR'])).toEqual({ ok: true, change: { country: null } });
  });

  it('is computed against the organization as the form opened, so it does not undo what another admin changed meanwhile', () => {
    // Admin A opens the form; admin B then moves GIZ to Syria, and A's list refetches it.
    const movedMeanwhile: Organization = { ...giz, country: 'SYR' };
    const renamed = { ...organizationDraftOf(giz), name_en: 'GIZ International' };
    expect(checkOrganizationChange(giz, renamed, ['SYR'])).toEqual({ ok: true, change: { name_en: 'GIZ International' } });
    // Against the newer copy, the untouched country would have been sent back as it was.
    expect(checkOrganizationChange(movedMeanwhile, renamed, ['SYR', 'DEU'])).toMatchObject({ change: { country: 'DEU' } });
  });

  it('refuses short names and countries off the list, and ignores the slug and kind', () => {
    const draft = { ...organizationDraftOf(giz), name_ar: 'x', name_en: ' ', country: 'XXX' };
    expect(checkOrganizationChange(giz, draft, ['SYR'])).toEqual({ ok: false, errors: { name_ar: 'name', name_en: 'name', country: 'country' } });
    const tampered = { ...organizationDraftOf(giz), slug: 'Bad Slug', kind: 'governorate_office' as const };
    expect(checkOrganizationChange(giz, tampered, ['SYR'])).toEqual({ ok: true, change: {} });
  });
});
