import { useTranslation } from 'react-i18next';
import { formatCount, formatPercent } from '../format/numbers.ts';
import type { Language } from '../i18n/language.ts';
import type { HoveredFeature } from './useMapPointer.ts';

/** Pixels between the pointer and the tooltip. */
const OFFSET = 14;

/** What a project, zone or cluster under the pointer is, next to the pointer. */
export function FeatureTooltip({ hovered, language }: { hovered: HoveredFeature; language: Language }) {
  const { t } = useTranslation();
  const { feature } = hovered;
  let title: string;
  let detail: string;
  if (feature.type === 'cluster') {
    title = t('map.cluster', { count: feature.properties.count, formatted: formatCount(feature.properties.count, language) });
    detail = t('map.clusterDelayed', { formatted: formatCount(feature.properties.delayed, language) });
  } else if (feature.type === 'project') {
    title = language === 'ar' ? feature.properties.title_ar : feature.properties.title_en;
    detail = `${t(`status.${feature.properties.status}`, { defaultValue: feature.properties.status })} · ${formatPercent(
      feature.properties.physical_progress,
      language,
      0,
    )}${feature.properties.delayed ? ` · ${t('kpi.delayed')}` : ''}`;
  } else if (feature.type === 'plot') {
    title = t('zone.plotNumber', { number: feature.properties.plot_number });
    detail = `${t(`plotStatus.${feature.properties.status}`, { defaultValue: feature.properties.status })} · ${t('zone.squareMetres', {
      formatted: formatCount(feature.properties.area_m2, language),
    })}`;
  } else {
    title = language === 'ar' ? feature.properties.title_ar : feature.properties.title_en;
    detail = t('zone.plotsSummary', {
      allocated: formatCount(feature.properties.plots_allocated, language),
      total: formatCount(feature.properties.plots_total, language),
    });
  }
  return (
    <div
      className="hover-label feature-tooltip"
      data-testid="feature-tooltip"
      style={{ transform: `translate(${hovered.x + OFFSET}px, ${hovered.y + OFFSET}px)` }}
    >
      <strong>{title}</strong>
      <span>{detail}</span>
    </div>
  );
}
