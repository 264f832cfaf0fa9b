import type { ZoneMetric } from '@marsad/contracts';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/language.ts';
import { LoadError } from '../../ui/LoadError.tsx';
import { ZoneKpiCards } from './ZoneKpiCards.tsx';
import { ZoneMetricLegend } from './ZoneMetricLegend.tsx';
import { useZoneKpis } from './zonesApi.ts';
import './zonesNational.css';

export interface ZonesSectionProps {
  /** The dashboard's filters as an API query (`filterQuery`). */
  query: string;
  language: Language;
  metric: ZoneMetric;
  onMetricChange: (metric: ZoneMetric) => void;
  tableOpen: boolean;
  onToggleTable: () => void;
}

/**
 * The sidebar's zones section, under the same filters as the rest of the dashboard: the zone KPI
 * cards, what the zones on the map are coloured by with its legend, and the way to the zones table.
 */
export function ZonesSection({ query, language, metric, onMetricChange, tableOpen, onToggleTable }: ZonesSectionProps) {
  const { t } = useTranslation();
  const kpis = useZoneKpis(query);
  return (
    <section className="zones-section" aria-labelledby="zones-heading" data-testid="zones-section">
      <h2 id="zones-heading" className="section-title">
        {t('zones.heading')}
      </h2>
      <LoadError error={kpis.error} />
      <ZoneKpiCards kpis={kpis.data} language={language} />
      <ZoneMetricLegend metric={metric} language={language} onChange={onMetricChange} />
      <button type="button" className="secondary-button" aria-pressed={tableOpen} data-testid="zones-table-toggle" onClick={onToggleTable}>
        {t('zones.openTable')}
      </button>
    </section>
  );
}
