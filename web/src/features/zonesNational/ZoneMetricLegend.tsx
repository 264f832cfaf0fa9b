import { ZONE_METRICS, type ZoneMetric } from '@marsad/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatPercent } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { NO_DATA_COLOR } from '../../map/colorScales.ts';
import { ZONE_METRIC_BREAKS, ZONE_METRIC_UNIT, zoneMetricColors } from '../../map/zoneMetricScale.ts';
import { Options } from '../../ui/Options.tsx';

/** Class labels: `< b1`, `b1–b2`, …, `≥ bn`, in the reader's digits. */
function classLabels(metric: ZoneMetric, language: Language): string[] {
  const breaks = ZONE_METRIC_BREAKS[metric];
  const f = (value: number) => (ZONE_METRIC_UNIT[metric] === 'percent' ? formatPercent(value, language, 0) : formatCount(value, language));
  return [`< ${f(breaks[0] ?? 0)}`, ...breaks.slice(1).map((b, i) => `${f(breaks[i] ?? 0)} – ${f(b)}`), `≥ ${f(breaks[breaks.length - 1] ?? 0)}`];
}

/** What the zones on the map are filled by, and the legend of those colours. */
export function ZoneMetricLegend({ metric, language, onChange }: { metric: ZoneMetric; language: Language; onChange: (metric: ZoneMetric) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const labels = classLabels(metric, language);
  return (
    <div className="zone-legend" data-testid="zone-legend">
      <label className="field" htmlFor={id}>
        <span>{t('zones.metric.label')}</span>
        <select id={id} value={metric} data-testid="zone-metric-select" onChange={(event) => onChange(event.target.value as ZoneMetric)}>
          <Options values={ZONE_METRICS} label={(m) => t(`zones.metric.${m}`)} />
        </select>
      </label>
      <ul className="legend-classes" aria-label={t('zones.legend.title')}>
        {zoneMetricColors(metric).map((color, i) => (
          <li key={color}>
            <span className="swatch zone-swatch" style={{ background: color }} aria-hidden="true" />
            <span>{labels[i]}</span>
          </li>
        ))}
        {metric === 'occupancy' && (
          <li>
            <span className="swatch zone-swatch" style={{ background: NO_DATA_COLOR }} aria-hidden="true" />
            <span>{t('zones.legend.noPlots')}</span>
          </li>
        )}
      </ul>
      <p className="zone-legend-outline">{t('zones.legend.outline')}</p>
    </div>
  );
}
