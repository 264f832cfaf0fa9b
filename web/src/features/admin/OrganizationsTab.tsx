import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../api/organizations.ts';
import { useCountries } from '../../api/useBoundaries.ts';
import { countryName } from '../../data/governorateNames.ts';
import type { Language } from '../../i18n/language.ts';
import { ListToolbar } from './ListToolbar.tsx';
import { Notice } from './Notice.tsx';
import { OrganizationForm } from './OrganizationForm.tsx';
import { OrganizationsTable } from './OrganizationsTable.tsx';
import { matchesQuery } from './searchText.ts';
import { useFormPanels } from './useFormPanels.ts';
import { useAllOrganizations } from './useAdminApi.ts';

/** The organizations tab: the list with its filter, and the forms to create and to change an organization. */
export function OrganizationsTab({ language }: { language: Language }) {
  const { t } = useTranslation();
  const organizations = useAllOrganizations();
  const countries = useCountries();
  const [query, setQuery] = useState('');
  const { creating, editing, notice, startNew, closeNew, startEdit, closeEdit } = useFormPanels<Organization>();

  const countryLabel = (iso3: string) => countryName(countries.data, iso3, language);
  const all = organizations.data?.items ?? [];
  const shown = all.filter((o) => matchesQuery([o.slug, o.name_ar, o.name_en, t(`admin.kind.${o.kind}`), o.country === null ? '' : countryLabel(o.country)], query));

  return (
    <div className="admin-tab">
      <ListToolbar
        label={t('admin.organizations.filter')}
        placeholder={t('admin.organizations.filterPlaceholder')}
        query={query}
        onQuery={setQuery}
        shown={shown.length}
        total={all.length}
        language={language}
        newLabel={t('admin.organizations.new')}
        creating={creating}
        onNew={startNew}
        testId="admin-organizations"
      />
      <Notice message={notice} testId="admin-organizations-notice" />
      {creating && <OrganizationForm target={{ kind: 'new' }} countries={countries.data} language={language} onSaved={closeNew} onCancel={() => closeNew(null)} />}
      {editing !== null && (
        <OrganizationForm
          key={editing.slug}
          target={{ kind: 'edit', organization: editing }}
          countries={countries.data}
          language={language}
          onSaved={closeEdit}
          onCancel={() => closeEdit(null)}
        />
      )}
      {organizations.isPending && <p className="muted">{t('admin.loading')}</p>}
      {organizations.isError && (
        <p role="alert" className="panel-error">
          {t('admin.loadFailed', { detail: organizations.error.message })}
        </p>
      )}
      {organizations.isSuccess && shown.length === 0 && <p className="muted">{t('admin.organizations.noMatch')}</p>}
      {shown.length > 0 && <OrganizationsTable organizations={shown} countryLabel={countryLabel} language={language} onEdit={startEdit} />}
    </div>
  );
}
