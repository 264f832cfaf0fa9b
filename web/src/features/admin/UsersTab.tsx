import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGovernorates } from '../../api/useBoundaries.ts';
import { findGovernorate, governorateName } from '../../data/governorateNames.ts';
import type { Language } from '../../i18n/language.ts';
import type { AdminUser } from './adminApi.ts';
import { ListToolbar } from './ListToolbar.tsx';
import { Notice } from './Notice.tsx';
import { organizationName } from './organizationNames.ts';
import { matchesQuery } from './searchText.ts';
import { useFormPanels } from './useFormPanels.ts';
import { useAccounts, useAllOrganizations } from './useAdminApi.ts';
import { UserForm } from './UserForm.tsx';
import { UsersTable } from './UsersTable.tsx';

/** The accounts tab: the list with its filter, and the forms to create and to change an account. */
export function UsersTab({ language, selfId }: { language: Language; selfId: number | null }) {
  const { t } = useTranslation();
  const accounts = useAccounts();
  const organizations = useAllOrganizations();
  const governorates = useGovernorates();
  const [query, setQuery] = useState('');
  const { creating, editing, notice, startNew, closeNew, startEdit, closeEdit } = useFormPanels<AdminUser>();

  const organizationLabel = useMemo(() => {
    const bySlug = new Map((organizations.data?.items ?? []).map((o) => [o.slug, organizationName(o, language)]));
    return (slug: string) => bySlug.get(slug) ?? slug;
  }, [organizations.data, language]);
  const governorateLabel = useMemo(
    () => (code: string) => {
      const found = findGovernorate(governorates.data, code);
      return found === null ? code : governorateName(found, language);
    },
    [governorates.data, language],
  );

  const all = accounts.data?.items ?? [];
  const shown = all.filter((user) =>
    matchesQuery(
      [user.display_name, user.email, t(`auth.role.${user.role}`), user.organization, organizationLabel(user.organization), ...user.governorates.map(governorateLabel)],
      query,
    ),
  );
  const formProps = { organizations: organizations.data?.items ?? [], language };

  return (
    <div className="admin-tab">
      <ListToolbar
        label={t('admin.users.filter')}
        placeholder={t('admin.users.filterPlaceholder')}
        query={query}
        onQuery={setQuery}
        shown={shown.length}
        total={all.length}
        language={language}
        newLabel={t('admin.users.new')}
        creating={creating}
        onNew={startNew}
        testId="admin-users"
      />
      <Notice message={notice} testId="admin-users-notice" />
      {creating && <UserForm target={{ kind: 'new' }} {...formProps} onSaved={closeNew} onCancel={() => closeNew(null)} />}
      {editing !== null && (
        <UserForm
          key={editing.id}
          target={{ kind: 'edit', user: editing, isSelf: editing.id === selfId }}
          {...formProps}
          onSaved={closeEdit}
          onCancel={() => closeEdit(null)}
        />
      )}
      {accounts.isPending && <p className="muted">{t('admin.loading')}</p>}
      {accounts.isError && (
        <p role="alert" className="panel-error">
          {t('admin.loadFailed', { detail: accounts.error.message })}
        </p>
      )}
      {accounts.isSuccess && shown.length === 0 && <p className="muted">{t('admin.users.noMatch')}</p>}
      {shown.length > 0 && (
        <UsersTable users={shown} organizationLabel={organizationLabel} governorateLabel={governorateLabel} language={language} selfId={selfId} onEdit={startEdit} />
      )}
    </div>
  );
}
