import type { ZoneSort } from '@marsad/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GovernorateCollection } from '../../api/boundaries.ts';
import { findGovernorate, governorateName } from '../../data/governorateNames.ts';
import { formatCount, formatPercent } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { LoadError } from '../../ui/LoadError.tsx';
import { PanelFrame } from '../../ui/PanelFrame.tsx';
import { useZonePage, zonePageQuery, ZONES_PAGE_SIZE, type ZoneRow } from './zonesApi.ts';
import { ariaSort, isDescending, nextSort, SORTABLE_COLUMNS, sortColumn, type SortColumn } from './zoneTableSort.ts';
import './zonesNational.css';

export interface ZonesTablePanelProps {
  sort: ZoneSort;
  /** The dashboard's filters as an API query (`filterQuery`). */
  query: string;
  governorates: GovernorateCollection | undefined;
  language: Language;
  onSortChange: (sort: ZoneSort) => void;
  onOpenZone: (id: number) => void;
  onClose: () => void;
}

function SortHeader({ column, sort, onSortChange }: { column: SortColumn; sort: ZoneSort; onSortChange: (sort: ZoneSort) => void }) {
  const { t } = useTranslation();
  const order = ariaSort(sort, column);
  return (
    <th scope="col" className="zones-number" aria-sort={order}>
      <button type="button" className="zones-sort" data-testid={`zones-sort-${column}`} onClick={() => onSortChange(nextSort(sort, column))}>
        {t(`zones.table.${column}`)}
        <span aria-hidden="true" className="zones-sort-mark">
          {order === 'descending' ? '▼' : order === 'ascending' ? '▲' : '↕'}
        </span>
      </button>
    </th>
  );
}

/**
 * The zones under the dashboard's filters as a table, sortable by plots, occupancy, readiness and
 * jobs (the sort is in the address: `zones=-occupancy`); each zone's name opens its panel.
 */
export default function ZonesTablePanel({ sort, query, governorates, language, onSortChange, onOpenZone, onClose }: ZonesTablePanelProps) {
  const { t } = useTranslation();
  const [page, setPage] = useState({ offset: 0, key: `${query}|${sort}` });
  // Another filter or sort starts again at the first page.
  const key = `${query}|${sort}`;
  const offset = page.key === key ? page.offset : 0;
  const zones = useZonePage(zonePageQuery(query, sort, offset, language));
  const data = zones.data;
  const name = (zone: ZoneRow) => (language === 'ar' ? zone.title_ar : zone.title_en);
  const governorate = (code: string) => {
    const found = findGovernorate(governorates, code);
    return found === null ? code : governorateName(found, language);
  };
  const count = (n: number) => formatCount(n, language);
  return (
    <PanelFrame kind="zones" kicker={t('zones.table.kicker')} title={t('zones.table.title')} titleTestId="zones-panel-title" onClose={onClose}>
      <LoadError error={zones.error} />
      <div className="zones-table-wrap">
        <table className="zones-table" data-testid="zones-table" aria-busy={zones.isFetching}>
          <caption className="visually-hidden">
            {t('zones.table.caption', {
              column: t(`zones.table.${sortColumn(sort)}`),
              direction: t(isDescending(sort) ? 'zones.table.descending' : 'zones.table.ascending'),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('zones.table.zone')}</th>
              {SORTABLE_COLUMNS.map((column) => (
                <SortHeader key={column} column={column} sort={sort} onSortChange={onSortChange} />
              ))}
            </tr>
          </thead>
          <tbody>
            {data?.items.map((zone) => (
              <tr key={zone.id} data-testid="zones-row" data-zone-id={zone.id} data-occupancy={zone.occupancy ?? ''}>
                <th scope="row">
                  <button type="button" className="link-button zones-open" onClick={() => onOpenZone(zone.id)} data-testid="zones-open">
                    {name(zone)}
                  </button>
                  <span className="zones-meta">
                    {governorate(zone.governorate)} · {t(`kind.${zone.kind}`)} · {t(`zones.development.${zone.development}`)}
                  </span>
                </th>
                <td className="zones-number">{count(zone.plots_total)}</td>
                <td className="zones-number">{formatPercent(zone.occupancy, language, 0)}</td>
                <td className="zones-number">{formatPercent(zone.readiness, language, 0)}</td>
                <td className="zones-number">{count(zone.jobs_actual)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data !== undefined && data.total === 0 && <p className="muted">{t('zones.table.empty')}</p>}
      {data !== undefined && data.total > 0 && (
        <div className="zones-pager">
          <button type="button" className="secondary-button" disabled={offset === 0} onClick={() => setPage({ key, offset: Math.max(0, offset - ZONES_PAGE_SIZE) })}>
            {t('zones.table.previous')}
          </button>
          <span role="status" data-testid="zones-count">
            {t('zones.table.count', { from: count(offset + 1), to: count(offset + data.items.length), total: count(data.total) })}
          </span>
          <button
            type="button"
            className="secondary-button"
            disabled={offset + ZONES_PAGE_SIZE >= data.total}
            onClick={() => setPage({ key, offset: offset + ZONES_PAGE_SIZE })}
          >
            {t('zones.table.next')}
          </button>
        </div>
      )}
    </PanelFrame>
  );
}
