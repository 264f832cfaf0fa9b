import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Asked inside the dialog before it closes on input no form has saved. Keep editing takes the
 * focus, so a second Escape or a hurried Enter loses nothing.
 */
export function CloseConfirm({ onKeep, onDiscard }: { onKeep: () => void; onDiscard: () => void }) {
  const { t } = useTranslation();
  const questionId = useId();
  return (
    <div role="alertdialog" aria-labelledby={questionId} className="admin-close-confirm" data-testid="admin-close-confirm">
      <p id={questionId}>{t('admin.closeConfirm.question')}</p>
      <div className="form-actions">
        <button type="button" className="primary-button" autoFocus onClick={onKeep} data-testid="admin-close-keep">
          {t('admin.closeConfirm.keep')}
        </button>
        <button type="button" className="secondary-button" onClick={onDiscard} data-testid="admin-close-discard">
          {t('admin.closeConfirm.discard')}
        </button>
      </div>
    </div>
  );
}
