import type { Indicator } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { projectVisibility } from '../../access/projectVisibility.ts';
import type { Viewer } from '../../access/Viewer.ts';
import { rollupVisibility } from '../../summaries/projectStandings.ts';
import { SqlParams } from '../../sql/SqlParams.ts';
import type { Fact } from './rollup.ts';

/**
 * The definitions of computed indicators: what Marsad counts from its own data, month by month
 * within a year up to a date, per governorate, always over the projects the viewer sees (the one
 * visibility rule, projectVisibility). Each definition reads what answers it cheaply:
 *
 * - projects_completed, line_km_completed, zones_completed: projects whose completed_on (kept by
 *   a trigger, migration 0020) falls in the year up to `asOf`, with the indicator's kind, sector
 *   or zone development; one index range (projects_completed_on_idx) for all of them at once;
 * - budget_spent: Σ budget × the month's financial step (progress_month_steps, 0015) within the
 *   year; budget_execution: as of each month's end, Σ spent / Σ budget of the projects that had
 *   reported by then, cancelled ones left out. Both from the per-governorate monthly sums
 *   (timeline_months, 0018) when the viewer sees all or the published projects and no column is
 *   per sector, else from the projects' own steps;
 * - zone_plots_in_production: Σ plots in production of the zones now (no history is kept): a
 *   level at `asOf`'s month.
 */

/** A column whose value is computed: an indicator, optionally for one sector. */
export interface ComputedColumn {
  key: string;
  indicator: Indicator;
  sector: string | null;
}

/** Facts per governorate (admin_areas id) per column key. */
export type FactTable = Map<number, Map<string, Fact[]>>;

export interface FactScope {
  country: string;
  year: number;
  /** YYYY-MM-DD within or after the year: nothing later counts. */
  asOf: string;
  /** The governorates asked for (admin_areas ids), or all of the country. */
  areaIds: 'all' | number[];
}

const ZONE_KINDS_SQL = `('industrial_zone', 'craft_zone')`;

export function addFact(table: FactTable, areaId: number, key: string, fact: Fact): void {
  let byKey = table.get(areaId);
  if (!byKey) table.set(areaId, (byKey = new Map()));
  const facts = byKey.get(key);
  if (facts) facts.push(fact);
  else byKey.set(key, [fact]);
}

export async function computedFacts(db: Queryable, viewer: Viewer, scope: FactScope, columns: readonly ComputedColumn[]): Promise<FactTable> {
  const table: FactTable = new Map();
  const completions = columns.filter((c) => ['projects_completed', 'line_km_completed', 'zones_completed'].includes(c.indicator.definition!));
  const budgets = columns.filter((c) => c.indicator.definition === 'budget_spent' || c.indicator.definition === 'budget_execution');
  const plots = columns.filter((c) => c.indicator.definition === 'zone_plots_in_production');
  await Promise.all([
    completions.length ? completionFacts(db, viewer, scope, completions, table) : undefined,
    budgets.length ? budgetFacts(db, viewer, scope, budgets, table) : undefined,
    plots.length ? plotFacts(db, viewer, scope, plots, table) : undefined,
  ]);
  return table;
}

/** The condition a completed project meets to count toward `column` (on projects `p`, zone_facts `z`). */
export function completionCondition(column: ComputedColumn, params: SqlParams): string {
  const { indicator } = column;
  const conditions: string[] = [];
  if (indicator.filter_kind) conditions.push(`p.kind = ${params.add(indicator.filter_kind)}`);
  for (const sector of new Set([indicator.filter_sector, column.sector].filter((s): s is string => s !== null))) {
    conditions.push(`p.sector_code = ${params.add(sector)}`);
  }
  if (indicator.definition === 'line_km_completed') conditions.push('p.length_km > 0');
  if (indicator.definition === 'zones_completed') {
    conditions.push(`p.kind in ${ZONE_KINDS_SQL}`);
    if (indicator.filter_development) conditions.push(`z.development = ${params.add(indicator.filter_development)}`);
  }
  return conditions.length ? conditions.join(' and ') : 'true';
}

/** What one completed project adds to `column`: 1, or its length in km. */
export const completionContribution = (column: ComputedColumn): string =>
  column.indicator.definition === 'line_km_completed' ? 'p.length_km' : '1';

/** The completed projects of the country, year up to asOf, the viewer sees (on projects `p`). */
export function completedInYearWhere(viewer: Viewer, scope: FactScope, params: SqlParams): string {
  const where = [
    `p.status = 'completed'`,
    `p.country_iso3 = ${params.add(scope.country)}`,
    `p.completed_on >= ${params.add(`${scope.year}-01-01`)}::date`,
    `p.completed_on <= least(${params.add(scope.asOf)}::date, ${params.add(`${scope.year}-12-31`)}::date)`,
    projectVisibility(viewer, params, 'p'),
  ];
  if (scope.areaIds !== 'all') where.push(`p.admin_area_id = any(${params.add(scope.areaIds)}::int[])`);
  return where.join(' and ');
}

async function completionFacts(db: Queryable, viewer: Viewer, scope: FactScope, columns: readonly ComputedColumn[], table: FactTable) {
  const params = new SqlParams();
  const aggregates = columns.map((c, i) => `coalesce(sum(${completionContribution(c)}) filter (where ${completionCondition(c, params)}), 0)::float8 as c${i}`);
  const zones = columns.some((c) => c.indicator.definition === 'zones_completed') ? 'left join zone_facts z on z.project_id = p.id' : '';
  const rows = await db.query<Record<string, number> & { area: number; month: string }>(
    `select p.admin_area_id as area, to_char(p.completed_on, 'YYYY-MM') as month, ${aggregates.join(', ')}
       from projects p ${zones}
      where ${completedInYearWhere(viewer, scope, params)}
      group by 1, 2`,
    params.values,
  );
  for (const row of rows) {
    columns.forEach((c, i) => {
      if (row[`c${i}`]) addFact(table, row.area, c.key, { month: row.month, value: row[`c${i}`]! });
    });
  }
}

interface BudgetRow {
  area: number;
  /** YYYY-MM within the year, or null for every month before it. */
  month: string | null;
  sector: string | null;
  spent: number;
  spent_open: number;
  budget_open: number;
}

async function budgetFacts(db: Queryable, viewer: Viewer, scope: FactScope, columns: readonly ComputedColumn[], table: FactTable) {
  const params = new SqlParams();
  const yearStart = params.add(`${scope.year}-01-01`);
  const until = `date_trunc('month', least(${params.add(scope.asOf)}::date, ${params.add(`${scope.year}-12-31`)}::date))`;
  const monthOf = (column: string) => `case when ${column} < ${yearStart}::date then null else to_char(${column}, 'YYYY-MM') end`;
  const visibility = rollupVisibility(viewer);
  const bySector = columns.some((c) => c.sector !== null || c.indicator.filter_sector !== null);
  const areaWhere = (column: string) => (scope.areaIds === 'all' ? '' : `and ${column} = any(${params.add(scope.areaIds)}::int[])`);
  const rows = await db.query<BudgetRow>(
    visibility && !bySector
      ? `select t.admin_area_id as area, ${monthOf('t.month')} as month, null as sector,
                (sum(t.spent_x100) / 100)::float8 as spent,
                coalesce(sum(t.spent_x100) filter (where t.status <> 'cancelled') / 100, 0)::float8 as spent_open,
                coalesce(sum(t.budget) filter (where t.status <> 'cancelled'), 0)::float8 as budget_open
           from timeline_months t
          where t.admin_area_id in (select id from admin_areas where country_iso3 = ${params.add(scope.country)} and level = 1)
            and t.month <= ${until} ${visibility === 'published' ? 'and t.is_published' : ''} ${areaWhere('t.admin_area_id')}
          group by 1, 2`
      : `select p.admin_area_id as area, ${monthOf('s.month')} as month, p.sector_code as sector,
                (sum(coalesce(p.budget, 0) * s.financial_step) / 100)::float8 as spent,
                coalesce(sum(coalesce(p.budget, 0) * s.financial_step) filter (where p.status <> 'cancelled') / 100, 0)::float8 as spent_open,
                coalesce(sum(p.budget) filter (where s.first_report and p.budget > 0 and p.status <> 'cancelled'), 0)::float8 as budget_open
           from projects p join progress_month_steps s on s.project_id = p.id
          where p.country_iso3 = ${params.add(scope.country)} and s.month <= ${until}
            and ${projectVisibility(viewer, params, 'p')} ${areaWhere('p.admin_area_id')}
          group by 1, 2, 3`,
    params.values,
  );
  const yearMonths = Array.from({ length: 12 }, (_, i) => `${scope.year}-${String(i + 1).padStart(2, '0')}`).filter((m) => m <= scope.asOf.slice(0, 7));
  for (const column of columns) {
    const sectors = [column.sector, column.indicator.filter_sector].filter((s): s is string => s !== null);
    const counted = rows.filter((r) => sectors.every((s) => r.sector === s));
    if (column.indicator.definition === 'budget_spent') {
      for (const row of counted) if (row.month !== null && row.spent !== 0) addFact(table, row.area, column.key, { month: row.month, value: row.spent });
      continue;
    }
    // budget_execution: a level at each month's end, from everything up to it.
    for (const area of new Set(counted.map((r) => r.area))) {
      const mine = counted.filter((r) => r.area === area);
      let numerator = 0;
      let denominator = 0;
      const sumOf = (month: string | null) => {
        for (const row of mine) {
          if (row.month !== month) continue;
          numerator += row.spent_open;
          denominator += row.budget_open;
        }
      };
      sumOf(null);
      for (const month of yearMonths) {
        sumOf(month);
        if (denominator > 0) addFact(table, area, column.key, { month, value: 0, numerator, denominator });
      }
    }
  }
}

async function plotFacts(db: Queryable, viewer: Viewer, scope: FactScope, columns: readonly ComputedColumn[], table: FactTable) {
  const params = new SqlParams();
  const areaWhere = scope.areaIds === 'all' ? '' : `and p.admin_area_id = any(${params.add(scope.areaIds)}::int[])`;
  const rows = await db.query<{ area: number; sector: string; plots: number }>(
    `select p.admin_area_id as area, p.sector_code as sector, sum(z.plots_in_production)::float8 as plots
       from zone_facts z join projects p on p.id = z.project_id
      where p.country_iso3 = ${params.add(scope.country)} and p.status <> 'cancelled'
        and ${projectVisibility(viewer, params, 'p')} ${areaWhere}
      group by 1, 2`,
    params.values,
  );
  const month = (scope.asOf < `${scope.year + 1}-01-01` ? scope.asOf : `${scope.year}-12-31`).slice(0, 7);
  for (const column of columns) {
    const sectors = [column.sector, column.indicator.filter_sector].filter((s): s is string => s !== null);
    const byArea = new Map<number, number>();
    for (const row of rows) if (sectors.every((s) => row.sector === s)) byArea.set(row.area, (byArea.get(row.area) ?? 0) + row.plots);
    for (const [area, plots] of byArea) addFact(table, area, column.key, { month, value: plots });
  }
}
