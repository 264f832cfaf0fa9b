import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useMessages } from '../../i18n/useMessages.ts';
import { DEFAULT_COMPARE_SORT } from '../../url/compareViewState.ts';
import { compareMessages } from './messages.ts';
import type { RankingTableProps } from './RankingTable.tsx';

// The table and its sorting load when the reader first opens the ranking.
const RankingTable = lazy(() => import('./RankingTable.tsx'));

export type CompareSectionProps = Omit<RankingTableProps, 'sort'> & {
  /** How the open ranking is sorted; `null` while it is closed (`compare=` in the address). */
  sort: RankingTableProps['sort'] | null;
};

/**
 * The sidebar's ranking of governorates by the map's metric, beside the map: a button opens it
 * (the address keeps it open and its order), and the table comes in its own chunk.
 */
export function CompareSection(props: CompareSectionProps) {
  const { t } = useTranslation();
  useMessages('compare', compareMessages);
  const bodyId = useId();
  const { sort, onSortChange } = props;
  return (
    <section className="compare-section" aria-labelledby="compare-heading" data-testid="compare-section">
      <h2 id="compare-heading" className="section-title">
        {t('compare.heading')}
      </h2>
      <button
        type="button"
        className="secondary-button compare-toggle"
        aria-expanded={sort !== null}
        aria-controls={bodyId}
        data-testid="compare-toggle"
        onClick={() => onSortChange(sort === null ? DEFAULT_COMPARE_SORT : null)}
      >
        {t('compare.open')}
      </button>
      <div id={bodyId}>
        {sort !== null && (
          <Suspense fallback={<p className="muted">{t('compare.loading')}</p>}>
            <RankingTable {...props} sort={sort} />
          </Suspense>
        )}
      </div>
    </section>
  );
}
