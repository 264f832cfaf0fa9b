import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { LoadError } from '../../ui/LoadError.tsx';
import { ConflictList } from './ConflictList.tsx';
import { reviewMessages } from './messages.ts';
import { useConflicts } from './reviewApi.ts';
import './review.css';

/** How many pending conflicts the work queue lists; the rest are a click away on the review screen. */
const QUEUE_CONFLICTS = 10;

/**
 * The top of an engineer's work queue while conflicts on their projects wait for a decision: the
 * first few, each opening on the review screen, and a link to all of them. Nothing when none waits.
 */
export default function WorkQueueConflicts({ language, onOpenConflict }: { language: Language; onOpenConflict: (id: number | null) => void }) {
  useMessages('review', reviewMessages);
  const { t } = useTranslation();
  const pending = useConflicts('pending', true, QUEUE_CONFLICTS);
  if (pending.error !== null) return <LoadError error={pending.error} />;
  if (pending.data === undefined || pending.data.total === 0) return null;
  return (
    <section className="queue-conflicts" aria-labelledby="queue-conflicts-heading" data-testid="queue-conflicts" data-count={pending.data.total}>
      <h3 id="queue-conflicts-heading" className="section-title">
        {t('review.queue.title')} <span className="count-badge">{formatCount(pending.data.total, language)}</span>
      </h3>
      <p className="muted">{t('review.queue.hint')}</p>
      <ConflictList conflicts={pending.data.items} language={language} onOpen={onOpenConflict} compact testId="queue-conflict-list" />
      <button type="button" className="link-button" onClick={() => onOpenConflict(null)} data-testid="queue-conflicts-all">
        {t('review.queue.all')}
      </button>
    </section>
  );
}
