import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import type { Screen } from '../../url/planViewState.ts';
import { reviewMessages } from './messages.ts';
import { useConflictCount } from './reviewApi.ts';
import './review.css';

/**
 * The header's way into the conflicts for review, with a badge counting those waiting for a
 * decision (polled lightly, and read again after every decision), and back to the map from there.
 * The header loads it for signed-in users who may see conflicts (not donors), or to lead a visitor
 * who arrived on the screen back to the map.
 */
export default function ReviewEntry({ screen, signedIn, language, onScreenChange }: { screen: Screen; signedIn: boolean; language: Language; onScreenChange: (screen: Screen) => void }) {
  useMessages('review', reviewMessages);
  const { t } = useTranslation();
  const count = useConflictCount(signedIn).data?.pending ?? 0;
  const here = screen === 'review';
  const label = here ? t('review.backToMapLabel') : count > 0 ? `${t('review.entryLabel')} (${t('review.pendingCount', { formatted: formatCount(count, language) })})` : t('review.entryLabel');
  return (
    <button type="button" className="plans-entry review-entry" title={label} aria-label={label} onClick={() => onScreenChange(here ? 'map' : 'review')} data-testid="review-entry" data-screen={screen} data-count={count}>
      <span aria-hidden="true">{here ? '◧' : '⇄'}</span> <span className="review-entry-label">{here ? t('review.backToMap') : t('review.entry')}</span>
      {!here && count > 0 && (
        <span className="count-badge" aria-hidden="true" data-testid="review-count">
          {formatCount(count, language)}
        </span>
      )}
    </button>
  );
}
