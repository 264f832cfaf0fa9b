import { useTranslation } from 'react-i18next';
import type { Organization } from '../../api/organizations.ts';
import { useCountries } from '../../api/useBoundaries.ts';
import { countryName } from '../../data/governorateNames.ts';
import type { Language } from '../../i18n/language.ts';
import { AdminListTab } from './AdminListTab.tsx';
import { OrganizationForm } from './OrganizationForm.tsx';
import { OrganizationsTable } from './OrganizationsTable.tsx';
import { useAllOrganizations } from './useAdminApi.ts';

/** The organizations tab: the list with its filter, and the forms to create and to change an organization. */
export function OrganizationsTab({ language }: { language: Language }) {
  const { t } = useTranslation();
  const organizations = useAllOrganizations();
  const countries = useCountries();
  const countryLabel = (iso3: string) => countryName(countries.data, iso3, language);

  return (
    <AdminListTab<Organization>
      section="organizations"
      list={organizations}
      searchText={(o) => [o.slug, o.name_ar, o.name_en, t(`admin.kind.${o.kind}`), o.country === null ? '' : countryLabel(o.country)]}
      language={language}
      form={(editing, done) => (
        <OrganizationForm
          key={editing?.slug}
          target={editing === null ? { kind: 'new' } : { kind: 'edit', organization: editing }}
          countries={countries.data}
          language={language}
          {...done}
        />
      )}
      table={(shown, onEdit) => <OrganizationsTable organizations={shown} countryLabel={countryLabel} language={language} onEdit={onEdit} />}
    />
  );
}
