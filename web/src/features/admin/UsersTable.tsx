import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/language.ts';
import type { AdminUser } from './adminApi.ts';
import { AdminTable, type Column } from './AdminTable.tsx';

interface Props {
  users: readonly AdminUser[];
  /** The organization's name in the current language, by slug. */
  organizationLabel: (slug: string) => string;
  /** The governorate's name in the current language, by ISO 3166-2 code. */
  governorateLabel: (code: string) => string;
  language: Language;
  selfId: number | null;
  onEdit: (user: AdminUser, opener: HTMLButtonElement) => void;
}

/** The accounts: who, which role and organization, which governorates, whether they may sign in. */
export function UsersTable({ users, organizationLabel, governorateLabel, language, selfId, onEdit }: Props) {
  const { t } = useTranslation();
  const separator = language === 'ar' ? '، ' : ', ';
  const columns: Column<AdminUser>[] = [
    {
      header: t('admin.users.name'),
      cell: (user) => (
        <>
          {user.display_name}
          {user.id === selfId && <span className="admin-badge">{t('admin.users.you')}</span>}
        </>
      ),
    },
    { header: t('admin.users.email'), cell: (user) => <span dir="ltr">{user.email}</span> },
    { header: t('admin.users.role'), cell: (user) => t(`auth.role.${user.role}`) },
    { header: t('admin.users.organization'), cell: (user) => organizationLabel(user.organization) },
    { header: t('admin.users.governorates'), cell: (user) => user.governorates.map(governorateLabel).join(separator) },
    {
      header: t('admin.users.state'),
      cell: (user) => (
        <span className={user.disabled ? 'admin-state admin-state-disabled' : 'admin-state'} data-testid="admin-user-state">
          {user.disabled ? t('admin.users.disabled') : t('admin.users.active')}
        </span>
      ),
    },
  ];
  return (
    <AdminTable
      section="users"
      item="user"
      items={users}
      columns={columns}
      row={(user) => ({ key: user.id, name: user.display_name, 'data-email': user.email, 'data-disabled': user.disabled })}
      onEdit={onEdit}
    />
  );
}
