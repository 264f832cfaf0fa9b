import type { Organization } from '../../api/organizations.ts';
import type { Language } from '../../i18n/language.ts';
import { ORGANIZATION_KINDS, type OrganizationKind } from './adminApi.ts';

export function organizationName(organization: Pick<Organization, 'name_ar' | 'name_en'>, language: Language): string {
  return language === 'ar' ? organization.name_ar : organization.name_en;
}

/** Organizations by kind (in the API's order of kinds), each kind sorted by name in the current language. */
export function organizationsByKind(
  organizations: readonly Organization[],
  language: Language,
): { kind: OrganizationKind; organizations: Organization[] }[] {
  const collator = new Intl.Collator(language);
  return ORGANIZATION_KINDS.map((kind) => ({
    kind,
    organizations: organizations
      .filter((o) => o.kind === kind)
      .sort((a, b) => collator.compare(organizationName(a, language), organizationName(b, language))),
  })).filter((group) => group.organizations.length > 0);
}
