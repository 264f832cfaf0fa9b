import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { WriteFailure } from './writeFailure.ts';

/** One editing task (draw, split, report…) in the zone screen: a titled region with its own close button. */
export function TaskFrame({ title, onClose, testId, children }: { title: string; onClose: () => void; testId: string; children: ReactNode }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="zone-task" aria-labelledby={titleId} data-testid={testId}>
      <div className="zone-task-head">
        <h4 id={titleId}>{title}</h4>
        <button type="button" className="link-button" onClick={onClose} data-testid={`${testId}-close`}>
          {t('zoneEditor.close')}
        </button>
      </div>
      {children}
    </section>
  );
}

/** A failed write in words, with Reload after a conflict. Field errors are told beside their fields; their leftovers here. */
export function FailureNotice({ failure, onReload, testId }: { failure: WriteFailure | null; onReload: () => void; testId: string }) {
  const { t } = useTranslation();
  if (failure === null || (failure.kind === 'fields' && failure.detail === null)) return null;
  if (failure.kind === 'conflict') {
    return (
      <div className="panel-error" role="alert" data-testid={`${testId}-conflict`}>
        <p>{t('zoneEditor.conflict')}</p>
        <button type="button" className="secondary-button" onClick={onReload} data-testid={`${testId}-reload`}>
          {t('zoneEditor.reload')}
        </button>
      </div>
    );
  }
  const message =
    failure.kind === 'offline'
      ? t('zoneEditor.offline')
      : failure.kind === 'forbidden'
        ? t('zoneEditor.forbidden', { detail: failure.detail })
        : failure.kind === 'failed'
          ? t('zoneEditor.failed', { detail: failure.detail })
          : t('zoneEditor.refused', { detail: failure.detail ?? '' });
  return (
    <p className="panel-error" role="alert" data-testid={`${testId}-error`} data-failure={failure.kind}>
      {/* The API's words are English: bdi keeps their punctuation in place inside Arabic. */}
      <bdi>{message}</bdi>
    </p>
  );
}
