import { useTranslation } from 'react-i18next';
import type { Metrics } from '../../api/summaries.ts';
import { formatCount, formatMoneyCompact, formatPercent } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import './overview.css';

/** The headline figures of a set of projects: national totals or one governorate's. */
export function KpiCards({ metrics, language, testId }: { metrics: Metrics | undefined; language: Language; testId: string }) {
  const { t } = useTranslation();
  const cards: { key: string; label: string; value: string; hint?: string; tone?: 'alert' }[] =
    metrics === undefined
      ? []
      : [
          { key: 'projects', label: t('kpi.projects'), value: formatCount(metrics.projects, language) },
          {
            key: 'budget',
            label: t('kpi.budget'),
            value: formatMoneyCompact(metrics.budget_total, language),
            hint: `${t('kpi.spent')}: ${formatMoneyCompact(metrics.budget_spent, language)}`,
          },
          {
            key: 'progress',
            label: t('kpi.progress'),
            value: formatPercent(metrics.progress_weighted, language),
            hint: t('kpi.progressHint'),
          },
          { key: 'delayed', label: t('kpi.delayed'), value: formatCount(metrics.delayed, language), tone: 'alert' },
          { key: 'stale', label: t('kpi.stale'), value: formatCount(metrics.stale, language) },
        ];
  return (
    <dl className="kpi-cards" data-testid={testId} aria-busy={metrics === undefined}>
      {cards.map((card) => (
        <div key={card.key} className={`kpi-card${card.tone === 'alert' ? ' kpi-alert' : ''}`} data-kpi={card.key}>
          <dt>{card.label}</dt>
          <dd data-testid={`${testId}-${card.key}`}>{card.value}</dd>
          {card.hint !== undefined && <dd className="kpi-hint">{card.hint}</dd>}
        </div>
      ))}
    </dl>
  );
}
