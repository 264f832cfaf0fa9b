import { describe, expect, it } from 'vitest';
import { checkNewOrganization, EMPTY_ORGANIZATION_DRAFT, suggestSlug } from './organizationDraft.ts';

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
