import { useTranslation } from 'react-i18next';
import { formatCount, formatMoneyCompact, formatNumber, formatPercent } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import type { ZoneKpis } from './zonesApi.ts';
import '../overview/overview.css';

interface Card {
  key: string;
  label: string;
  value: string;
  hint?: string;
}

/** Investment made, per currency (never added across currencies): the first in full, the rest after it. */
function investmentCard(kpis: ZoneKpis, language: Language, t: (key: string, options?: Record<string, unknown>) => string): Card {
  const lines = kpis.investment_by_currency;
  const money = (value: number, currency: string) => formatMoneyCompact(value, language, currency);
  if (lines.length === 0) return { key: 'investment', label: t('zones.kpi.investment'), value: '—' };
  return {
    key: 'investment',
    label: t('zones.kpi.investment'),
    value: lines.map((line) => money(line.actual, line.currency)).join(' · '),
    hint: t('zones.kpi.investmentHint', { planned: lines.map((line) => money(line.planned, line.currency)).join(' · ') }),
  };
}

/** The national zone KPIs under the filters: the cards the ministry reports zones by. */
export function ZoneKpiCards({ kpis, language }: { kpis: ZoneKpis | undefined; language: Language }) {
  const { t } = useTranslation();
  const count = (value: number) => formatCount(value, language);
  const cards: Card[] =
    kpis === undefined
      ? []
      : [
          {
            key: 'zones',
            label: t('zones.kpi.zones'),
            value: count(kpis.zones),
            hint: t('zones.kpi.zonesHint', { new: count(kpis.zones_new), rehabilitation: count(kpis.zones_rehabilitation) }),
          },
          { key: 'producing', label: t('zones.kpi.producing'), value: count(kpis.plots_producing), hint: t('zones.kpi.producingHint', { total: count(kpis.plots_total) }) },
          {
            key: 'vacant',
            label: t('zones.kpi.vacant'),
            value: count(kpis.plots_vacant),
            hint: t('zones.kpi.vacantHint', { area: formatNumber(Math.round(kpis.vacant_area_m2 / 100) / 100, language) }),
          },
          { key: 'occupancy', label: t('zones.kpi.occupancy'), value: formatPercent(kpis.occupancy, language), hint: t('zones.kpi.occupancyHint') },
          { key: 'readiness', label: t('zones.kpi.readiness'), value: formatPercent(kpis.readiness, language), hint: t('zones.kpi.readinessHint') },
          { key: 'jobs', label: t('zones.kpi.jobs'), value: count(kpis.jobs_actual), hint: t('zones.kpi.jobsHint', { planned: count(kpis.jobs_planned) }) },
          investmentCard(kpis, language, t),
        ];
  return (
    <dl className="kpi-cards zone-kpi-cards" data-testid="zone-kpis" aria-busy={kpis === undefined}>
      {cards.map((card) => (
        <div key={card.key} className="kpi-card" data-kpi={card.key}>
          <dt>{card.label}</dt>
          <dd data-testid={`zone-kpis-${card.key}`}>{card.value}</dd>
          {card.hint !== undefined && <dd className="kpi-hint">{card.hint}</dd>}
        </div>
      ))}
    </dl>
  );
}
