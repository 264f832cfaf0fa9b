import { useEffect, useId, useRef } from 'react';
import { Modal, ModalHeader } from '../../ui/Modal.tsx';
import { useTranslation } from 'react-i18next';
import { useSession } from '../account/useSession.ts';
import { FileChooser } from './FileChooser.tsx';
import { ImportHint } from './ImportHint.tsx';
import { ImportResult } from './ImportResult.tsx';
import { canCheck, canClose, canCommit, isSending } from './importState.ts';
import { UploadProgress } from './UploadProgress.tsx';
import { useImportFlow } from './useImportFlow.ts';
import './imports.css';
import { useMessages } from '../../i18n/useMessages.ts';
import { importMessages } from './messages.ts';

/**
 * Upload of a file of projects in a modal `<dialog>`: choose a file, check it (a dry run that
 * lists every invalid row), then import it, all rows or none. Only admins and engineers open it
 * (engineers' rows must lie in their governorates: the API reports the others as row errors).
 */
export default function ImportDialog({ onClose }: { onClose: () => void }) {
  useMessages('imports', importMessages);
  const { t } = useTranslation();
  const session = useSession();
  const csrfToken = session.data?.csrfToken ?? '';
  const { state, choose, setRepair, check, commit, cancel } = useImportFlow(csrfToken);
  const titleId = useId();
  const introId = useId();
  const commitHintId = useId();
  const sending = state.activity.kind === 'sending' ? state.activity : null;
  const closable = canClose(state);
  // Why Import is still off; after an import, choosing or checking again is the next step.
  const showCommitHint = !canCommit(state) && sending === null && state.activity.kind !== 'imported';

  // Check and Import are aria-disabled rather than disabled, so that focus stays on them while a
  // file is sent; should it still fall out of the dialog (the Cancel button goes when the upload
  // ends), it comes back to the dialog, where Escape and Tab work.
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (element?.open && !element.contains(document.activeElement)) element.focus();
  }, [ref, state.activity.kind]);

  const close = () => {
    if (!closable) return;
    ref.current?.close();
    onClose();
  };

  return (
    <Modal ref={ref} onEscape={close} className="import-dialog" aria-labelledby={titleId} aria-describedby={introId} aria-busy={sending !== null} testId="import-dialog">
      <ModalHeader titleId={titleId} title={t('imports.title')} close={{ label: t('imports.close'), onClick: close, disabled: !closable, testId: 'import-close' }} />
      <p id={introId} className="import-intro">
        {t('imports.intro')}
      </p>
      <div className="import-body">
        <div className="import-work">
          <FileChooser file={state.file} disabled={isSending(state)} onChoose={choose} />
          <label className="import-repair">
            <input type="checkbox" checked={state.repair} disabled={isSending(state)} onChange={(e) => setRepair(e.target.checked)} data-testid="import-repair" />
            <span>{t('imports.repair')}</span>
          </label>
          <div className="form-actions">
            <button type="button" className="secondary-button" aria-disabled={!canCheck(state)} onClick={check} data-testid="import-check">
              {sending?.action === 'check' ? t('imports.checking') : t('imports.check')}
            </button>
            <button
              type="button"
              className="primary-button"
              aria-disabled={!canCommit(state)}
              aria-describedby={showCommitHint ? commitHintId : undefined}
              onClick={commit}
              data-testid="import-commit"
            >
              {sending?.action === 'commit' ? t('imports.committing') : t('imports.commit')}
            </button>
          </div>
          {showCommitHint && (
            <p id={commitHintId} className="muted">
              {t('imports.commitHint')}
            </p>
          )}
          {sending !== null && <UploadProgress action={sending.action} sent={sending.sent} total={sending.total} onCancel={closable ? cancel : null} />}
          <ImportResult dryRun={state.dryRun} activity={state.activity} />
        </div>
        <ImportHint />
      </div>
    </Modal>
  );
}
