import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/language.ts';
import type { AdminUser } from './adminApi.ts';

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
  return (
    <table className="admin-table" data-testid="admin-users-table">
      <caption className="visually-hidden">{t('admin.users.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admin.users.name')}</th>
          <th scope="col">{t('admin.users.email')}</th>
          <th scope="col">{t('admin.users.role')}</th>
          <th scope="col">{t('admin.users.organization')}</th>
          <th scope="col">{t('admin.users.governorates')}</th>
          <th scope="col">{t('admin.users.state')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('admin.users.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id} data-testid="admin-user-row" data-email={user.email} data-disabled={user.disabled}>
            <th scope="row">
              {user.display_name}
              {user.id === selfId && <span className="admin-badge">{t('admin.users.you')}</span>}
            </th>
            <td>
              <span dir="ltr">{user.email}</span>
            </td>
            <td>{t(`auth.role.${user.role}`)}</td>
            <td>{organizationLabel(user.organization)}</td>
            <td>{user.governorates.map(governorateLabel).join(separator)}</td>
            <td>
              <span className={user.disabled ? 'admin-state admin-state-disabled' : 'admin-state'} data-testid="admin-user-state">
                {user.disabled ? t('admin.users.disabled') : t('admin.users.active')}
              </span>
            </td>
            <td>
              <button
                type="button"
                className="secondary-button"
                aria-label={t('admin.users.editLabel', { name: user.display_name })}
                onClick={(e) => onEdit(user, e.currentTarget)}
                data-testid="admin-user-edit"
              >
                {t('admin.users.edit')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
