import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../api/organizations.ts';
import { useCountries } from '../api/useBoundaries.ts';
import { countryName } from '../data/governorateNames.ts';
import type { Language } from '../i18n/language.ts';
import { ListToolbar } from './ListToolbar.tsx';
import { Notice } from './Notice.tsx';
import { OrganizationForm } from './OrganizationForm.tsx';
import { OrganizationsTable } from './OrganizationsTable.tsx';
import { matchesQuery } from './searchText.ts';
import { useAllOrganizations } from './useAdminApi.ts';

/** The organizations tab: the list with its filter, and the forms to create and to change an organization. */
export function OrganizationsTab({ language }: { language: Language }) {
  const { t } = useTranslation();
  const organizations = useAllOrganizations();
  const countries = useCountries();
  const [query, setQuery] = useState('');
  // A new organization and a changed one are separate forms, so opening one never discards the other's input.
  const [creating, setCreating] = useState(false);
  // The organization as its row showed it when Edit was pressed: the form's draft, and the change it sends, start from it.
  const [editing, setEditing] = useState<Organization | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The button that opened a form gets the focus back when it closes.
  const newOpener = useRef<HTMLButtonElement | null>(null);
  const editOpener = useRef<HTMLButtonElement | null>(null);

  const countryLabel = (iso3: string) => countryName(countries.data, iso3, language);
  const all = organizations.data?.items ?? [];
  const shown = all.filter((o) => matchesQuery([o.slug, o.name_ar, o.name_en, t(`admin.kind.${o.kind}`), o.country === null ? '' : countryLabel(o.country)], query));

  const startNew = (button: HTMLButtonElement) => {
    newOpener.current = button;
    setNotice(null);
    setCreating(true);
  };
  const closeNew = (message: string | null) => {
    setCreating(false);
    setNotice(message);
    newOpener.current?.focus();
  };
  const startEdit = (organization: Organization, button: HTMLButtonElement) => {
    editOpener.current = button;
    setNotice(null);
    setEditing(organization);
  };
  const closeEdit = (message: string | null) => {
    setEditing(null);
    setNotice(message);
    editOpener.current?.focus();
  };

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
