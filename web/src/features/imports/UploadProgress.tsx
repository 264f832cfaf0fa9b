import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../format/numbers.ts';
import { useInterfaceLanguage } from '../../i18n/useInterfaceLanguage.ts';
import type { ImportAction } from './importState.ts';

/**
 * How far the upload is, then that the server is at work (its progress cannot be measured, so
 * the bar turns indeterminate). Cancelling is offered while it still undoes everything.
 */
export function UploadProgress({ action, sent, total, onCancel }: { action: ImportAction; sent: number; total: number; onCancel: (() => void) | null }) {
  const { t } = useTranslation();
  const language = useInterfaceLanguage();
  const uploaded = total > 0 && sent >= total;
  const percent = total > 0 ? (100 * sent) / total : 0;
  const text = uploaded
    ? t(action === 'check' ? 'imports.progress.checking' : 'imports.progress.committing')
    : t('imports.progress.uploading', { percent: formatPercent(percent, language, 0) });
  return (
    <div className="import-progress" data-testid="import-progress" data-uploaded={uploaded}>
      {uploaded ? <progress aria-label={text} /> : <progress aria-label={text} max={100} value={percent} />}
      <span role="status">{text}</span>
      {onCancel !== null && (
        <button type="button" className="secondary-button" onClick={onCancel} data-testid="import-cancel">
          {t('imports.cancel')}
        </button>
      )}
    </div>
  );
}
