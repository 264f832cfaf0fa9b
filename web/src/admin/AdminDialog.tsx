import { useTranslation } from 'react-i18next';

/** Administration of accounts and organizations, for admins. */
export default function AdminDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="dialog" data-testid="admin-dialog">
      <h2>{t('admin.title')}</h2>
      <button type="button" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
