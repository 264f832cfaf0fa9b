import { useTranslation } from 'react-i18next';
import type { Organization } from '../../api/organizations.ts';
import type { Language } from '../../i18n/language.ts';
import { AdminTable, type Column } from './AdminTable.tsx';
import { organizationName } from './organizationNames.ts';

interface Props {
  organizations: readonly Organization[];
  countryLabel: (iso3: string) => string;
  language: Language;
  onEdit: (organization: Organization, opener: HTMLButtonElement) => void;
}

/** The organizations: slug, both names, kind and country, each with its Edit button. */
export function OrganizationsTable({ organizations, countryLabel, language, onEdit }: Props) {
  const { t } = useTranslation();
  const columns: Column<Organization>[] = [
    { header: t('admin.organizations.slug'), cell: (o) => <code dir="ltr">{o.slug}</code> },
    { header: t('admin.organizations.nameAr'), cell: (o) => o.name_ar, cellProps: { lang: 'ar', dir: 'rtl' } },
    { header: t('admin.organizations.nameEn'), cell: (o) => o.name_en, cellProps: { lang: 'en', dir: 'ltr' } },
    { header: t('admin.organizations.kind'), cell: (o) => t(`admin.kind.${o.kind}`) },
    { header: t('admin.organizations.country'), cell: (o) => (o.country === null ? t('admin.organizations.international') : countryLabel(o.country)) },
  ];
  return (
    <AdminTable
      section="organizations"
      item="organization"
      items={organizations}
      columns={columns}
      row={(o) => ({ key: o.slug, name: organizationName(o, language), 'data-slug': o.slug })}
      onEdit={onEdit}
    />
  );
}
