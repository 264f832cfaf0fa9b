import type { BriefData } from '@marsad/contracts';
import { PROJECT_STATUSES } from '../data/vocabulary.ts';
import { formatCount, formatMoneyCompact, formatPercent } from '../format/numbers.ts';
import { STATUS_COLORS } from '../map/colorScales.ts';
import { LatinRuns } from './LatinRuns.tsx';
import { useReader } from './briefContext.ts';

/** The key figures as big numbers: projects, budget, progress, delays, obstacles and decisions. */
export function KpiSection({ brief }: { brief: BriefData }) {
  const { language, m } = useReader();
  const { kpis, obstacle_counts: obstacles } = brief;
  const count = (n: number) => formatCount(n, language);
  const tiles: { key: string; label: string; value: string; alert?: boolean }[] = [
    { key: 'projects', label: m.kpi.projects, value: count(kpis.projects) },
    { key: 'budget_total', label: m.kpi.budgetTotal, value: formatMoneyCompact(kpis.budget_total, language) },
    { key: 'budget_spent', label: m.kpi.budgetSpent, value: formatMoneyCompact(kpis.budget_spent, language) },
    { key: 'progress', label: m.kpi.progress, value: formatPercent(kpis.progress_weighted, language) },
    { key: 'delayed', label: m.kpi.delayed, value: count(kpis.delayed), alert: kpis.delayed > 0 },
    { key: 'stale', label: m.kpi.stale, value: count(kpis.stale), alert: kpis.stale > 0 },
    { key: 'obstacles_active', label: m.kpi.activeObstacles, value: count(obstacles.active) },
    { key: 'obstacles_critical', label: m.kpi.criticalObstacles, value: count(obstacles.critical), alert: obstacles.critical > 0 },
    { key: 'obstacles_overdue', label: m.kpi.overdueObstacles, value: count(obstacles.overdue), alert: obstacles.overdue > 0 },
    { key: 'obstacles_waiting', label: m.kpi.waitingOtherBodies, value: count(obstacles.waiting_other_bodies) },
    { key: 'decisions_overdue', label: m.kpi.overdueDecisions, value: count(obstacles.overdue_decisions), alert: obstacles.overdue_decisions > 0 },
  ];
  return (
    <section className="brief-section kpi-section">
      <h2>{m.sections.kpis}</h2>
      <div className="kpi-grid">
        {tiles.map((tile) => (
          <div key={tile.key} className={tile.alert === true ? 'kpi alert' : 'kpi'} data-kpi={tile.key}>
            <bdi className="kpi-value">
              <LatinRuns text={tile.value} />
            </bdi>
            <span className="kpi-label">{tile.label}</span>
          </div>
        ))}
      </div>
      <div className="kpi-status">
        <span className="kpi-status-title">{m.kpi.byStatus}</span>
        <ul>
          {PROJECT_STATUSES.map((s) => (
            <li key={s} data-status={s}>
              <svg className="dot" viewBox="0 0 10 10" aria-hidden="true">
                <circle cx={5} cy={5} r={5} fill={STATUS_COLORS[s]} />
              </svg>
              {m.status[s]}: <bdi>{count(kpis.by_status[s])}</bdi>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
