import { describe, expect, it } from 'vitest';
import type { Organization } from '../../api/organizations.ts';
import { organizationName, organizationsByKind } from './organizationNames.ts';

const organization = (slug: string, kind: Organization['kind'], name_en: string, name_ar: string): Organization => ({
  slug,
  kind,
  name_en,
  name_ar,
  country: null,
  funded_projects: 0,
});

const organizations = [
  organization('undp', 'donor', 'UNDP', 'برنامج الأمم المتحدة الإنمائي'),
  organization('eu', 'donor', 'European Union', 'الاتحاد الأوروبي'),
  organization('ministry-syr', 'ministry', 'Ministry of Local Administration', 'وزارة الإدارة المحلية'),
];

describe('organization names', () => {
  it('names an organization in the current language', () => {
    expect(organizationName(organizations[0]!, 'ar')).toBe('برنامج الأمم المتحدة الإنمائي');
    expect(organizationName(organizations[0]!, 'en')).toBe('UNDP');
  });

  it('groups by kind, ministries first, and sorts each kind by name', () => {
    const slugs = (language: 'ar' | 'en') =>
      organizationsByKind(organizations, language).map((g) => [g.kind, g.organizations.map((o) => o.slug)]);
    expect(slugs('en')).toEqual([
      ['ministry', ['ministry-syr']],
      ['donor', ['eu', 'undp']],
    ]);
    expect(slugs('ar')).toEqual([
      ['ministry', ['ministry-syr']],
      ['donor', ['eu', 'undp']],
    ]);
  });
});
