import { useTranslation } from 'react-i18next';
import type { Organization } from '../../api/organizations.ts';
import type { Language } from '../../i18n/language.ts';
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
  return (
    <table className="admin-table" data-testid="admin-organizations-table">
      <caption className="visually-hidden">{t('admin.organizations.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admin.organizations.slug')}</th>
          <th scope="col">{t('admin.organizations.nameAr')}</th>
          <th scope="col">{t('admin.organizations.nameEn')}</th>
          <th scope="col">{t('admin.organizations.kind')}</th>
          <th scope="col">{t('admin.organizations.country')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('admin.organizations.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {organizations.map((o) => (
          <tr key={o.slug} data-testid="admin-organization-row" data-slug={o.slug}>
            <th scope="row">
              <code dir="ltr">{o.slug}</code>
            </th>
            <td lang="ar" dir="rtl">
              {o.name_ar}
            </td>
            <td lang="en" dir="ltr">
              {o.name_en}
            </td>
            <td>{t(`admin.kind.${o.kind}`)}</td>
            <td>{o.country === null ? t('admin.organizations.international') : countryLabel(o.country)}</td>
            <td>
              <button
                type="button"
                className="secondary-button"
                aria-label={t('admin.organizations.editLabel', { name: organizationName(o, language) })}
                onClick={(e) => onEdit(o, e.currentTarget)}
                data-testid="admin-organization-edit"
              >
                {t('admin.organizations.edit')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
