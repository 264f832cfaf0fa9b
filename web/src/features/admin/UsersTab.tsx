import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useGovernorates } from '../../api/useBoundaries.ts';
import { findGovernorate, governorateName } from '../../data/governorateNames.ts';
import type { Language } from '../../i18n/language.ts';
import type { AdminUser } from './adminApi.ts';
import { AdminListTab } from './AdminListTab.tsx';
import { organizationName } from './organizationNames.ts';
import { useAccounts, useAllOrganizations } from './useAdminApi.ts';
import { UserForm } from './UserForm.tsx';
import { UsersTable } from './UsersTable.tsx';

/** The accounts tab: the list with its filter, and the forms to create and to change an account. */
export function UsersTab({ language, selfId }: { language: Language; selfId: number | null }) {
  const { t } = useTranslation();
  const accounts = useAccounts();
  const organizations = useAllOrganizations();
  const governorates = useGovernorates();

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

  return (
    <AdminListTab<AdminUser>
      section="users"
      list={accounts}
      searchText={(user) => [
        user.display_name,
        user.email,
        t(`auth.role.${user.role}`),
        user.organization,
        organizationLabel(user.organization),
        ...user.governorates.map(governorateLabel),
      ]}
      language={language}
      form={(editing, done) => (
        <UserForm
          key={editing?.id}
          target={editing === null ? { kind: 'new' } : { kind: 'edit', user: editing, isSelf: editing.id === selfId }}
          organizations={organizations.data?.items ?? []}
          language={language}
          {...done}
        />
      )}
      table={(shown, onEdit) => (
        <UsersTable users={shown} organizationLabel={organizationLabel} governorateLabel={governorateLabel} language={language} selfId={selfId} onEdit={onEdit} />
      )}
    />
  );
}
