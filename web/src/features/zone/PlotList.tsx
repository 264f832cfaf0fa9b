import { PLOT_STATUSES, type Plot, type PlotStatus, type ZoneDetail } from '@marsad/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { LoadError } from '../../ui/LoadError.tsx';
import { activityNamer } from './activityNames.ts';
import { PLOT_STATUS_COLORS } from './plotStatus.ts';
import { usePlots } from './useZone.ts';
import { plotFilterQuery, type PlotFilter } from './zoneApi.ts';

/** Rows shown at first, and added by "Show more": a zone may have a few thousand plots. */
const PAGE = 100;

export function StatusWord({ status }: { status: PlotStatus }) {
  const { t } = useTranslation();
  return (
    <span className="plot-status" data-status={status}>
      <span className="plot-swatch" style={{ background: PLOT_STATUS_COLORS[status] }} aria-hidden="true" />
      {t(`plotStatus.${status}`)}
    </span>
  );
}

/**
 * The zone's plots under filters (status, activity, vacant only, search), as a table: a click on a
 * row chooses that plot alone (the map zooms to it), its checkbox adds it to or takes it from the
 * chosen plots (for a change of status of several at once).
 */
export function PlotList({
  zone,
  filter,
  onFilterChange,
  selected,
  onChoose,
  onToggle,
  language,
}: {
  zone: ZoneDetail;
  filter: PlotFilter;
  onFilterChange: (filter: PlotFilter) => void;
  selected: readonly number[];
  onChoose: (plot: Plot) => void;
  onToggle: (plot: Plot) => void;
  language: Language;
}) {
  const { t } = useTranslation();
  const plots = usePlots(zone.id, plotFilterQuery(filter));
  const [shown, setShown] = useState(PAGE);
  const [search, setSearch] = useState(filter.q);
  const nameOf = activityNamer(zone, language);
  const items = plots.data?.items ?? [];
  const tableRef = useRef<HTMLTableElement>(null);

  // Typing settles for a moment before the list is asked for again.
  useEffect(() => {
    if (search === filter.q) return;
    const timer = setTimeout(() => onFilterChange({ ...filter, q: search }), 300);
    return () => clearTimeout(timer);
  }, [search, filter, onFilterChange]);

  // A plot chosen on the map comes into view in the list.
  const first = selected[0];
  useEffect(() => {
    if (first === undefined) return;
    tableRef.current?.querySelector(`[data-plot-id="${first}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [first, plots.data]);

  const statusValue = filter.status.length === 1 ? filter.status[0]! : '';
  return (
    <section className="plot-list" aria-labelledby="plot-list-heading" data-testid="plot-list" data-loaded={plots.data !== undefined && !plots.isFetching}>
      <h3 id="plot-list-heading" className="visually-hidden">
        {t('zone.tabPlots')}
      </h3>
      <fieldset className="plot-filters">
        <legend className="visually-hidden">{t('zone.filters')}</legend>
        <label>
          <span>{t('zone.filterStatus')}</span>
          <select
            value={statusValue}
            onChange={(e) => onFilterChange({ ...filter, status: e.target.value === '' ? [] : [e.target.value as PlotStatus] })}
            data-testid="plot-filter-status"
          >
            <option value="">{t('zone.allStatuses')}</option>
            {PLOT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`plotStatus.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('zone.filterActivity')}</span>
          <select
            value={filter.activity ?? ''}
            onChange={(e) => onFilterChange({ ...filter, activity: e.target.value === '' ? null : e.target.value })}
            data-testid="plot-filter-activity"
          >
            <option value="">{t('zone.allActivities')}</option>
            {zone.activities
              .filter((a) => a.activity !== null)
              .map((a) => (
                <option key={a.activity} value={a.activity!}>
                  {nameOf(a.activity)} ({formatCount(a.plots, language)})
                </option>
              ))}
          </select>
        </label>
        <label className="plot-filter-search">
          <span>{t('zone.search')}</span>
          <input
            type="search"
            value={search}
            placeholder={zone.investors_visible ? t('zone.searchHintInvestors') : t('zone.searchHint')}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="plot-filter-search"
          />
        </label>
        <label className="plot-filter-vacant">
          <input
            type="checkbox"
            checked={filter.vacantOnly}
            onChange={(e) => onFilterChange({ ...filter, vacantOnly: e.target.checked })}
            data-testid="plot-filter-vacant"
          />
          <span>{t('zone.vacantOnly')}</span>
        </label>
      </fieldset>
      <LoadError error={plots.error} />
      <p className="muted plot-count" aria-live="polite" data-testid="plot-count" data-count={plots.data?.total ?? ''}>
        {plots.data !== undefined && t('zone.plotsShown', { formatted: formatCount(plots.data.total, language) })}
      </p>
      {plots.data !== undefined && items.length === 0 && (
        <p className="muted">{zone.totals.plots_total === 0 ? t('zone.zoneHasNoPlots') : t('zone.noPlots')}</p>
      )}
      {items.length > 0 && (
        <div className="plot-table-scroll">
          <table className="plot-table" ref={tableRef}>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('zone.selectedCount', { formatted: formatCount(selected.length, language) })}</span>
                </th>
                <th scope="col">{t('zone.colNumber')}</th>
                <th scope="col">{t('zone.colStatus')}</th>
                <th scope="col">{t('zone.colActivity')}</th>
                <th scope="col">{t('zone.colArea')}</th>
                {zone.investors_visible && <th scope="col">{t('zone.colInvestor')}</th>}
              </tr>
            </thead>
            <tbody>
              {items.slice(0, shown).map((plot) => {
                const isSelected = selected.includes(plot.id);
                const investor = plot.investor === undefined || plot.investor === null ? null : language === 'ar' ? plot.investor.name_ar : (plot.investor.name_en ?? plot.investor.name_ar);
                return (
                  <tr key={plot.id} className={isSelected ? 'selected' : undefined} aria-selected={isSelected} data-plot-id={plot.id} data-testid="plot-row">
                    <td>
                      <input
                        type="checkbox"
                        checked={isSelected}
                        onChange={() => onToggle(plot)}
                        aria-label={t('zone.choosePlot', { number: plot.plot_number })}
                        data-testid="plot-check"
                      />
                    </td>
                    <th scope="row">
                      <button type="button" className="link-button" onClick={() => onChoose(plot)} data-testid="plot-open">
                        {plot.plot_number}
                      </button>
                    </th>
                    <td>
                      <StatusWord status={plot.status} />
                    </td>
                    <td>{nameOf(plot.activity) ?? '—'}</td>
                    <td className="number">{formatCount(plot.area_m2, language)}</td>
                    {zone.investors_visible && <td data-testid="plot-investor">{investor ?? '—'}</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {items.length > shown && (
        <button type="button" className="secondary-button show-more" onClick={() => setShown((n) => n + PAGE)}>
          {t('zone.showMore')}
        </button>
      )}
    </section>
  );
}
