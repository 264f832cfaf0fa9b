import { useTranslation } from 'react-i18next';

/** What a form says of a write that was not applied at once: held for review, or waiting in the outbox. */
export function WriteNotice({ outcome, testId }: { outcome: { kind: 'held' } | { kind: 'queued'; signIn: boolean }; testId: string }) {
  const { t } = useTranslation();
  const text = outcome.kind === 'held' ? t('outbox.outcome.held') : outcome.signIn ? t('outbox.outcome.signIn') : t('outbox.outcome.queued');
  return (
    <p className="notice" role="status" data-testid={testId} data-outcome={outcome.kind}>
      {text}
    </p>
  );
}
