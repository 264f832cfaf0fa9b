import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CHOROPLETH_METRICS, METRIC_UNIT, type ChoroplethMetric } from '../../data/choroplethMetrics.ts';
import { PROJECT_STATUSES } from '../../data/vocabulary.ts';
import { formatCount, formatMoneyCompact, formatPercent } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import type { ChoroplethScale } from '../../map/choroplethScale.ts';
import { DELAYED_COLOR, NO_DATA_COLOR, STATUS_COLORS } from '../../map/colorScales.ts';
import { CRITICAL_RING_COLOR } from '../../map/criticalRing.ts';
import './overview.css';
import { Options } from '../../ui/Options.tsx';

function formatBreak(metric: ChoroplethMetric, value: number, language: Language): string {
  switch (METRIC_UNIT[metric]) {
    case 'percent':
      return formatPercent(value, language, 0);
    case 'money':
      return formatMoneyCompact(value, language);
    case 'count':
      return formatCount(value, language);
  }
}

/** Class labels: `< b1`, `b1–b2`, …, `≥ bn`. */
function classLabels(scale: ChoroplethScale, language: Language): string[] {
  const { breaks, metric } = scale;
  if (breaks.length === 0) return [''];
  const f = (v: number) => formatBreak(metric, v, language);
  return [`< ${f(breaks[0] ?? 0)}`, ...breaks.slice(1).map((b, i) => `${f(breaks[i] ?? 0)} – ${f(b)}`), `≥ ${f(breaks[breaks.length - 1] ?? 0)}`];
}

/** The metric chooser and the map's legend; laid out in the page direction (mirrored in Arabic). */
export function Legend({
  scale,
  metric,
  language,
  onMetricChange,
  noDataLabel,
  criticalObstacles = false,
  children,
}: {
  scale: ChoroplethScale | null;
  metric: ChoroplethMetric;
  language: Language;
  onMetricChange: (metric: ChoroplethMetric) => void;
  /** What an uncoloured governorate means for this metric (default: no projects). */
  noDataLabel?: string;
  /** Whether the map rings projects with an active critical obstacle (signed-in users who see obstacles). */
  criticalObstacles?: boolean;
  /** What a metric needs besides (the plan metric's indicator and its explanation). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const metricId = useId();
  const labels = scale === null ? [] : classLabels(scale, language);
  return (
    <section className="legend" aria-labelledby="legend-heading" data-testid="legend">
      <h2 id="legend-heading" className="visually-hidden">
        {t('legend.title')}
      </h2>
      <label className="field" htmlFor={metricId}>
        <span>{t('metric.label')}</span>
        <select id={metricId} value={metric} data-testid="metric-select" onChange={(e) => onMetricChange(e.target.value as ChoroplethMetric)}>
          <Options values={CHOROPLETH_METRICS} label={(m) => t(`metric.${m}`)} />
        </select>
      </label>
      {children}
      <ul className="legend-classes">
        {scale?.colors.map((color, i) => (
          <li key={color}>
            <span className="swatch" style={{ background: color }} aria-hidden="true" />
            <span>{labels[i]}</span>
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: NO_DATA_COLOR }} aria-hidden="true" />
          <span>{noDataLabel ?? t('legend.noData')}</span>
        </li>
      </ul>
      <ul className="legend-classes" data-testid="legend-counts">
        <li>
          <span className="swatch round count" aria-hidden="true">
            {formatCount(12, language)}
          </span>
          <span>{t('legend.counts')}</span>
        </li>
        <li>
          <span className="swatch round" style={{ background: STATUS_COLORS.in_progress }} aria-hidden="true" />
          <span>{t('legend.project')}</span>
        </li>
      </ul>
      {criticalObstacles && (
        <ul className="legend-classes" data-testid="legend-critical-obstacles">
          <li>
            <span className="swatch round" style={{ border: `3px solid ${CRITICAL_RING_COLOR}`, background: 'transparent' }} aria-hidden="true" />
            <span>{t('legend.criticalObstacle')}</span>
          </li>
        </ul>
      )}
      <details className="legend-more">
        <summary>{t('legend.statuses')}</summary>
        <ul className="legend-classes">
          {PROJECT_STATUSES.map((status) => (
            <li key={status}>
              <span className="swatch round" style={{ background: STATUS_COLORS[status] }} aria-hidden="true" />
              <span>{t(`status.${status}`)}</span>
            </li>
          ))}
          <li>
            <span className="swatch round" style={{ border: `3px solid ${DELAYED_COLOR}` }} aria-hidden="true" />
            <span>{t('legend.delayedOutline')}</span>
          </li>
          <li>
            <span className="swatch round cluster" style={{ borderColor: DELAYED_COLOR }} aria-hidden="true" />
            <span>{t('legend.clustersDelayed')}</span>
          </li>
          <li>
            <span className="swatch zone" aria-hidden="true" />
            <span>{t('legend.zones')}</span>
          </li>
        </ul>
      </details>
    </section>
  );
}
