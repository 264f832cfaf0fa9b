import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountrySummary, GovernorateSummary } from '../../api/summaries.ts';
import { formatMetricValue, METRIC_UNIT, metricValue, type ChoroplethMetric } from '../../data/choroplethMetrics.ts';
import { governorateName } from '../../data/governorateNames.ts';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import type { ChoroplethScale } from '../../map/choroplethScale.ts';
import { colorForValue } from '../../map/colorScales.ts';
import type { CompareSort } from '../../url/compareViewState.ts';
import { barShare, compareAriaSort, nationalPosition, nextCompareSort, rankByValue, sortRanking, type CompareColumn, type RankedGovernorate } from './ranking.ts';
import './compare.css';

export interface RankingTableProps {
  /** What the map colours the governorates by. */
  metric: ChoroplethMetric;
  /** The map's own values and classes for the metric (its colours are the bars' colours). */
  scale: ChoroplethScale | null;
  /** The per-governorate read the map is coloured from (names, countries, "no projects"). */
  governorates: readonly GovernorateSummary[] | undefined;
  /** The national summary read: each country's totals under the same filters and visibility. */
  countries: readonly CountrySummary[] | undefined;
  /** For "% of plan achieved": each country's attainment from its plan's national row. */
  planNational: ReadonlyMap<string, number | null> | null;
  /** The open governorate (`gov=`). */
  selected: string | null;
  language: Language;
  sort: CompareSort;
  /** A new order, or `null` to close the ranking. */
  onSortChange: (sort: CompareSort | null) => void;
  /** Opens a governorate as a click on the map does. */
  onOpenGovernorate: (code: string) => void;
}

interface CountryGroup {
  country: string;
  name: string;
  national: number | null;
  rows: RankedGovernorate[];
  /** Where the national row stands among `rows`. */
  nationalAt: number;
}

function SortHeader({ column, label, sort, onSortChange }: { column: CompareColumn; label: string; sort: CompareSort; onSortChange: (sort: CompareSort) => void }) {
  const order = compareAriaSort(sort, column);
  return (
    <th scope="col" aria-sort={order} className={column === 'value' ? 'compare-value' : undefined}>
      <button type="button" className="compare-sort" data-testid={`compare-sort-${column}`} onClick={() => onSortChange(nextCompareSort(sort, column))}>
        {label}
        <span aria-hidden="true" className="compare-sort-mark">
          {order === 'descending' ? '▼' : order === 'ascending' ? '▲' : '↕'}
        </span>
      </button>
    </th>
  );
}

/**
 * The governorates ranked by the map's metric, one group per country with its national value as
 * a row among them (and, for percentages, a line across every bar); sortable by value and by name;
 * a governorate's name opens it as a click on the map does. Governorates with no project (or, for
 * the plan metric, no target) come last, never as 0.
 */
export default function RankingTable({ metric, scale, governorates, countries, planNational, selected, language, sort, onSortChange, onOpenGovernorate }: RankingTableProps) {
  const { t } = useTranslation();
  const percent = METRIC_UNIT[metric] === 'percent';
  const groups = useMemo((): CountryGroup[] | null => {
    if (scale === null || scale.metric !== metric || governorates === undefined || countries === undefined) return null;
    const collator = new Intl.Collator(language);
    // Countries with projects under the filters first; one the viewer has nothing in comes last.
    const ordered = [...countries.filter((c) => c.projects > 0), ...countries.filter((c) => c.projects === 0)];
    return ordered.map((country) => {
      const inputs = governorates
        .filter((g) => g.country === country.country)
        .map((g) => ({ code: g.governorate, country: g.country, name: governorateName(g, language), value: scale.values.get(g.governorate) ?? null }));
      const national = metric === 'plan' ? (planNational?.get(country.country) ?? null) : metricValue(metric, country);
      const rows = sortRanking(rankByValue(inputs), sort, collator.compare);
      return {
        country: country.country,
        name: language === 'ar' ? country.name_ar : country.name_en,
        national,
        rows,
        nationalAt: nationalPosition(rows, national, sort),
      };
    });
  }, [scale, metric, governorates, countries, planNational, language, sort]);

  if (groups === null) return <p className="muted">{t('compare.loading')}</p>;
  const value = (v: number | null) => (v === null ? null : formatMetricValue(metric, v, language));
  const empty = metric === 'plan' ? t('planMetric.noTarget') : t('compare.noProjects');
  const metricLabel = t(`metric.${metric}`);
  const several = groups.length > 1;

  return (
    <div className="compare-wrap">
      <table className="compare-table" data-testid="compare-table" data-metric={metric}>
        <caption className="visually-hidden">{t('compare.caption', { column: metricLabel, direction: t(`compare.order.${sort}`) })}</caption>
        <thead>
          <tr>
            <th scope="col" className="compare-rank">
              {t('compare.rank')}
            </th>
            <SortHeader column="name" label={t('compare.governorate')} sort={sort} onSortChange={onSortChange} />
            <SortHeader column="value" label={metricLabel} sort={sort} onSortChange={onSortChange} />
          </tr>
        </thead>
        {groups.map((group) => {
          const values = group.rows.map((r) => r.value);
          const mark = percent && group.national !== null ? barShare(group.national, values, true) : null;
          const nationalRow = (
            <tr key="national" className="compare-national" data-testid="compare-national" data-country={group.country} data-value={group.national ?? ''}>
              <td className="compare-rank" />
              <th scope="row">{t(percent ? 'compare.national' : 'compare.nationalTotal', { country: group.name })}</th>
              <td className="compare-value">
                <span className="compare-number">{value(group.national) ?? t('compare.noValue')}</span>
              </td>
            </tr>
          );
          const rows = group.rows.map((row) => (
            <tr
              key={row.code}
              data-testid="compare-row"
              data-code={row.code}
              data-value={row.value ?? ''}
              className={row.code === selected ? 'compare-selected' : undefined}
            >
              <td className="compare-rank">{row.rank === null ? '' : formatCount(row.rank, language)}</td>
              <th scope="row">
                <button
                  type="button"
                  className="compare-open"
                  aria-current={row.code === selected ? 'true' : undefined}
                  data-testid="compare-open"
                  onClick={() => onOpenGovernorate(row.code)}
                >
                  {row.name}
                </button>
              </th>
              <td className="compare-value">
                <span className={row.value === null ? 'compare-number muted' : 'compare-number'}>{value(row.value) ?? empty}</span>
                {row.value !== null && scale !== null && (
                  <span className="compare-bar" aria-hidden="true">
                    <span
                      className="compare-bar-fill"
                      style={{ inlineSize: `${barShare(row.value, values, percent) * 100}%`, background: colorForValue(row.value, scale.breaks, scale.colors) }}
                    />
                    {mark !== null && <span className="compare-bar-national" style={{ insetInlineStart: `${mark * 100}%` }} />}
                  </span>
                )}
              </td>
            </tr>
          ));
          return (
            <tbody key={group.country} data-country={group.country}>
              {several && (
                <tr className="compare-country">
                  <th scope="rowgroup" colSpan={3}>
                    {group.name}
                  </th>
                </tr>
              )}
              {[...rows.slice(0, group.nationalAt), nationalRow, ...rows.slice(group.nationalAt)]}
            </tbody>
          );
        })}
      </table>
      {percent && <p className="compare-note muted">{t('compare.nationalMark')}</p>}
    </div>
  );
}
