import { useTranslation } from 'react-i18next';
import type { ZoneFacts } from '../../api/projects.ts';
import { formatCount, formatPercent } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import './zone.css';

const UTILITIES = ['water', 'electricity', 'roads', 'sewage'] as const;

/** A labelled bar for a share (0–100), with the figure in words for screen readers. */
export function ShareBar({ label, value, language, testId }: { label: string; value: number | null; language: Language; testId?: string }) {
  return (
    <div className="share-bar" data-testid={testId}>
      <div className="share-bar-label">
        <span>{label}</span>
        <span>{formatPercent(value, language, 0)}</span>
      </div>
      <div className="share-bar-track" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value ?? 0}>
        <div className="share-bar-fill" style={{ inlineSize: `${Math.max(0, Math.min(100, value ?? 0))}%` }} />
      </div>
    </div>
  );
}

export function ZoneFactsView({ zone, language }: { zone: ZoneFacts; language: Language }) {
  const { t } = useTranslation();
  const share = (n: number) => (zone.plots_total > 0 ? (100 * n) / zone.plots_total : null);
  return (
    <div className="zone-facts" data-testid="zone-facts">
      <dl className="facts">
        <dt>{t('zone.plotsTotal')}</dt>
        <dd data-testid="zone-plots-total">{formatCount(zone.plots_total, language)}</dd>
        <dt>{t('zone.plotsAllocated')}</dt>
        <dd data-testid="zone-plots-allocated">{formatCount(zone.plots_allocated, language)}</dd>
        <dt>{t('zone.plotsInProduction')}</dt>
        <dd data-testid="zone-plots-production">{formatCount(zone.plots_in_production, language)}</dd>
        {zone.area_ha !== null && (
          <>
            <dt>{t('zone.area')}</dt>
            <dd>{t('zone.hectares', { formatted: formatCount(zone.area_ha, language) })}</dd>
          </>
        )}
      </dl>
      <ShareBar label={t('zone.plotsAllocated')} value={share(zone.plots_allocated)} language={language} />
      <ShareBar label={t('zone.plotsInProduction')} value={share(zone.plots_in_production)} language={language} />
      <h3>{t('zone.utilities')}</h3>
      {UTILITIES.map((u) => (
        <ShareBar key={u} label={t(`zone.${u}`)} value={zone.utilities[u]} language={language} testId={`zone-utility-${u}`} />
      ))}
    </div>
  );
}
