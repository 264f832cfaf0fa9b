import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatYear } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { coloured } from './planChoropleth.ts';
import type { PlanChoropleth } from './usePlanChoropleth.ts';

/** Under the map's metric chooser, for "% of plan achieved": which indicator, and what the colours say. */
export function PlanMetricControls({ plan, language, onIndicatorChange }: { plan: PlanChoropleth; language: Language; onIndicatorChange: (indicator: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const name = (i: { name_ar: string; name_en: string }) => (language === 'ar' ? i.name_ar : i.name_en);
  return (
    <div className="plan-metric" data-testid="plan-metric">
      {plan.indicators.length > 0 && (
        <label className="field" htmlFor={id}>
          <span>{t('planMetric.indicator')}</span>
          <select id={id} value={plan.indicator ?? ''} data-testid="plan-metric-indicator" onChange={(e) => onIndicatorChange(e.target.value)}>
            {plan.indicators.map((i) => (
              <option key={i.code} value={i.code}>
                {name(i)}
              </option>
            ))}
          </select>
        </label>
      )}
      <p className="muted">{t('planMetric.explain', { year: formatYear(plan.year, language) })}</p>
      {plan.plans === 0 && <p className="muted">{t('planMetric.noPlans', { year: formatYear(plan.year, language) })}</p>}
      {plan.plans !== null && plan.plans > 0 && !plan.showsTargets && <p className="muted">{t('planMetric.hiddenTargets')}</p>}
      {plan.scale !== null && (
        <p className="muted" data-testid="plan-metric-coloured" data-count={coloured(plan.scale)}>
          {t('planMetric.coloured', { formatted: formatCount(coloured(plan.scale), language) })}
        </p>
      )}
    </div>
  );
}
