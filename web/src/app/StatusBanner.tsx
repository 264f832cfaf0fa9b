import { useTranslation } from 'react-i18next';

/** Tells the user that the boundaries could not be loaded, and what to check. */
export function StatusBanner({ error }: { error: Error | null }) {
  const { t } = useTranslation();
  if (error === null) return null;
  return (
    <div className="status-banner" role="alert" data-testid="load-error">
      {t('errors.boundaries', { detail: error.message })}
    </div>
  );
}
