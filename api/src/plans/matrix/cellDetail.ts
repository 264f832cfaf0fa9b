import type { IndicatorSeries, MatrixCellDetail, MatrixColumn } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { projectVisibility } from '../../access/projectVisibility.ts';
import type { Viewer } from '../../access/Viewer.ts';
import { SqlParams } from '../../sql/SqlParams.ts';
import { completedInYearWhere, completionCondition, completionContribution, type ComputedColumn, type FactScope } from './computedFacts.ts';
import { cellOf, governorateParts, loadPlanFacts } from './loadMatrix.ts';
import { targetKey, type PlanContext } from './planContext.ts';
import { returnHistory } from './reportedFacts.ts';
import { achievedFrom, rollUpAchieved, rollUpTarget, targetToDate } from './rollup.ts';

/** The most projects a cell lists (the largest contributions first). */
export const CELL_PROJECT_LIMIT = 500;

type CellProject = MatrixCellDetail['projects'][number];

/** What a cell counts: the projects behind a computed value, or the returns behind a reported one. */
export async function loadCellDetail(
  db: Queryable,
  viewer: Viewer,
  context: PlanContext,
  area: PlanContext['areas'][number],
  column: MatrixColumn,
): Promise<MatrixCellDetail> {
  const indicator = context.indicators.get(column.indicator)!;
  const scope: FactScope = { country: context.country, year: context.year, asOf: context.asOf, areaIds: [area.id] };
  const [{ facts, returnCounts, returnRows }, projects] = await Promise.all([
    loadPlanFacts(db, viewer, context, { areaIds: [area.id], columns: [column] }),
    indicator.source === 'computed' ? projectsBehind(db, viewer, scope, { key: column.key, sector: column.sector, indicator }) : [],
  ]);
  const counts = returnCounts.get(area.id)?.get(indicator.code) ?? { missing: 0, late: 0 };
  return {
    indicator: indicator.code,
    governorate: area.code,
    sector: column.sector,
    cell: cellOf(context, column, governorateParts(context, facts, area.id, column), counts),
    projects,
    returns: context.scope.returnHistory ? returnHistory(indicator, returnRows) : [],
  };
}

async function projectsBehind(db: Queryable, viewer: Viewer, scope: FactScope, column: ComputedColumn): Promise<CellProject[]> {
  const params = new SqlParams();
  const columns = `p.id::int as id, p.code, p.title_ar, p.title_en, p.status, to_char(p.completed_on, 'YYYY-MM-DD') as completed_on`;
  // Built only where used: a parameter the statement does not mention has no type PostgreSQL can tell.
  const mine = () => {
    const sectors = [column.sector, column.indicator.filter_sector].filter((s): s is string => s !== null).map((s) => `p.sector_code = ${params.add(s)}`);
    return [`p.country_iso3 = ${params.add(scope.country)}`, `p.admin_area_id = any(${params.add(scope.areaIds)}::int[])`, projectVisibility(viewer, params, 'p'), ...sectors].join(' and ');
  };
  const until = () => `date_trunc('month', least(${params.add(scope.asOf)}::date, ${params.add(`${scope.year}-12-31`)}::date))`;
  switch (column.indicator.definition) {
    case 'projects_completed':
    case 'line_km_completed':
    case 'zones_completed':
      return db.query<CellProject>(
        `select ${columns}, (${completionContribution(column)})::float8 as contribution
           from projects p left join zone_facts z on z.project_id = p.id
          where ${completedInYearWhere(viewer, scope, params)} and ${completionCondition(column, params)}
          order by p.completed_on desc, p.id limit ${CELL_PROJECT_LIMIT}`,
        params.values,
      );
    case 'budget_spent':
    case 'budget_execution': {
      const from = column.indicator.definition === 'budget_spent' ? `s.month >= ${params.add(`${scope.year}-01-01`)}::date and ` : `p.status <> 'cancelled' and `;
      return db.query<CellProject>(
        `select ${columns}, (sum(coalesce(p.budget, 0) * s.financial_step) / 100)::float8 as contribution
           from projects p join progress_month_steps s on s.project_id = p.id
          where ${from} s.month <= ${until()} and ${mine()}
          group by p.id having sum(coalesce(p.budget, 0) * s.financial_step) <> 0
          order by contribution desc, p.id limit ${CELL_PROJECT_LIMIT}`,
        params.values,
      );
    }
    case 'zone_plots_in_production':
      return db.query<CellProject>(
        `select ${columns}, z.plots_in_production::float8 as contribution
           from projects p join zone_facts z on z.project_id = p.id
          where p.status <> 'cancelled' and z.plots_in_production > 0 and ${mine()}
          order by contribution desc, p.id limit ${CELL_PROJECT_LIMIT}`,
        params.values,
      );
    default:
      return [];
  }
}

/**
 * Month by month through the year: achieved (cumulative for a flow, the level for a stock or a
 * rate) up to as_of, against the target phased to each month's end; for a governorate, or for the
 * country (its governorates rolled up) when `area` is null.
 */
export async function loadSeries(db: Queryable, viewer: Viewer, context: PlanContext, area: PlanContext['areas'][number] | null, column: MatrixColumn): Promise<IndicatorSeries> {
  const indicator = context.indicators.get(column.indicator)!;
  const areas = area ? [area] : context.areas;
  const { facts } = await loadPlanFacts(db, viewer, context, { areaIds: area ? [area.id] : context.scope.governorates, columns: [column] });
  const months = Array.from({ length: 12 }, (_, i) => {
    const month = `${context.year}-${String(i + 1).padStart(2, '0')}`;
    const monthEnd = new Date(Date.UTC(context.year, i + 1, 0)).toISOString().slice(0, 10);
    const perArea = areas.map((a) => {
      const quarters = context.targets.get(targetKey(a.id, column.key));
      return {
        achieved: achievedFrom(indicator, facts.get(a.id)?.get(column.key) ?? [], month),
        target: quarters ? targetToDate(indicator, quarters, context.year, monthEnd) : null,
      };
    });
    const achieved = area ? perArea[0]!.achieved : rollUpAchieved(indicator, perArea.map((p) => p.achieved));
    return {
      month,
      achieved: month <= context.asOf.slice(0, 7) ? (achieved.value ?? (indicator.temporal === 'flow' && indicator.rollup === 'sum' ? 0 : null)) : null,
      target_to_date: area ? perArea[0]!.target : rollUpTarget(indicator, perArea),
    };
  });
  return { indicator: indicator.code, governorate: area?.code ?? null, sector: column.sector, months };
}

