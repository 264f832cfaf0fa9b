import { useTranslation } from 'react-i18next';
import { formatKeptAt } from '../../format/dates.ts';
import type { Language } from '../../i18n/language.ts';

/** Says that a form was filled from a draft kept on this device, and offers to throw it away. */
export function DraftNotice({ restoredAt, onDiscard, language, testId }: { restoredAt: string | null; onDiscard: () => void; language: Language; testId: string }) {
  const { t } = useTranslation();
  if (restoredAt === null) return null;
  return (
    <div className="notice draft-notice" role="status" data-testid={testId}>
      <p>{t('drafts.restored', { when: formatKeptAt(restoredAt, language) })}</p>
      <button type="button" className="link-button" onClick={onDiscard} data-testid={`${testId}-discard`}>
        {t('drafts.discard')}
      </button>
    </div>
  );
}
