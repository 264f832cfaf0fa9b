import type { Queryable } from '@marsad/db';
import { toDay } from './days.ts';
import type { AdminArea } from './loadAdminAreas.ts';
import { Random } from './random.ts';
import type { ReturnValue } from './reportedStatistics.ts';

/**
 * The targets of the demo plans, set from what the data achieves in the plan's year so they read
 * like the real thing: each governorate's achievement times a factor of its own (0.7 to 1.6;
 * above 1 the governorate falls behind its plan, below 1 it gets ahead of it), rounded as a
 * planner would (whole counts, km to 0.1, USD to thousands, whole percent and days).
 * For the year that is under way, the achievement so far is scaled up to a whole year.
 */

/** An indicator of the catalogue (indicators table), as the targets need it. */
export interface CatalogueIndicator {
  code: string;
  better: 'higher' | 'lower';
  rollup: 'sum' | 'rate';
  temporal: 'flow' | 'stock';
  rate_per: number | null;
  source: 'computed' | 'reported';
  definition: string | null;
  frequency: 'monthly' | 'quarterly' | null;
  return_due_days: number;
}

export interface TargetLine {
  areaId: number;
  indicator: string;
  quarters: [number, number, number, number];
}

/** Per governorate, what Marsad's own data achieved (loadComputedFacts). */
export interface ComputedFacts {
  /** Count and km definitions: indicator → area id → year → completed in the year, and due to end in it. */
  completions: Map<string, Map<number, Map<number, { achieved: number; scheduled: number }>>>;
  /** Per area: USD spent in each month of the plan years (index 0 = January of the first), and budget execution (%) at each month's end. */
  budget: Map<number, { spent: number[]; execution: (number | null)[] }>;
  /** Per area with zones: plots in production and allocated now. */
  plots: Map<number, { producing: number; allocated: number }>;
}

export interface TargetContext {
  seed: number;
  /** Day number of the demo's today (days.ts). */
  today: number;
  /** The plan years, consecutive; index 0 is the first month of `budget` and of the statistics. */
  years: readonly number[];
  indicators: readonly CatalogueIndicator[];
  facts: ComputedFacts;
  /** Each governorate's monthly values of the reported indicators (reportedStatistics.ts). */
  statistics: ReadonlyMap<AdminArea, ReadonlyMap<string, readonly ReturnValue[]>>;
}

const COUNT_DEFINITIONS = ['projects_completed', 'zones_completed', 'line_km_completed'];
/** A percentage target stays below this: no ministry plans for every last tonne or complaint. */
const MAX_PERCENT_TARGET = 98;

/**
 * Loads what the targets are set from, in three set-based statements whatever the number of
 * projects: completions per catalogue filter, governorate and year; spending and execution per
 * governorate and month (from timeline_months, already summed); zone plots per governorate.
 */
export async function loadComputedFacts(tx: Queryable, countries: readonly string[], years: readonly number[], today: number): Promise<ComputedFacts> {
  const first = years[0]!;
  const [completions, months, plots] = await Promise.all([
    tx.query<{ indicator: string; area_id: number; year: number; achieved: number; scheduled: number }>(
      `with matched as (
         select i.code, p.admin_area_id, p.status, p.completed_on, p.planned_end,
                case when i.definition = 'line_km_completed' then ST_Length(p.geom::geography) / 1000 else 1 end as amount
           from indicators i
           join projects p on p.country_iso3 = any($1::text[])
                          and (i.filter_kind is null or p.kind = i.filter_kind)
                          and (i.filter_sector is null or p.sector_code = i.filter_sector)
           left join zone_facts z on z.project_id = p.id
          where i.source = 'computed' and i.definition = any($3::text[])
            and (i.definition <> 'zones_completed' or z.project_id is not null)
            and (i.filter_development is null or z.development = i.filter_development)
            and (i.definition <> 'line_km_completed' or ST_Dimension(p.geom) = 1))
       select m.code as indicator, m.admin_area_id as area_id, y.year,
              coalesce(sum(m.amount) filter (where m.status = 'completed' and extract(year from m.completed_on) = y.year), 0)::float8 as achieved,
              coalesce(sum(m.amount) filter (where m.status <> 'cancelled' and extract(year from m.planned_end) = y.year), 0)::float8 as scheduled
         from matched m cross join unnest($2::int[]) as y(year)
        group by m.code, m.admin_area_id, y.year`,
      [countries, years, COUNT_DEFINITIONS],
    ),
    // timeline_months: spent_x100 = Σ budget × financial step (%), budget = Σ budget of projects reporting for the first time.
    tx.query<{ area_id: number; month: string; spent_x100: number; execution_spent_x100: number; execution_budget: number }>(
      `select t.admin_area_id as area_id, to_char(t.month, 'YYYY-MM-DD') as month, sum(t.spent_x100)::float8 as spent_x100,
              coalesce(sum(t.spent_x100) filter (where t.status <> 'cancelled'), 0)::float8 as execution_spent_x100,
              coalesce(sum(t.budget) filter (where t.status <> 'cancelled'), 0)::float8 as execution_budget
         from timeline_months t join admin_areas a on a.id = t.admin_area_id
        where a.country_iso3 = any($1::text[]) and t.month < make_date($2::int, 1, 1)
        group by t.admin_area_id, t.month
        order by t.admin_area_id, t.month`,
      [countries, years.at(-1)! + 1],
    ),
    tx.query<{ area_id: number; producing: number; allocated: number }>(
      `select p.admin_area_id as area_id, sum(z.plots_in_production)::int as producing, sum(z.plots_allocated)::int as allocated
         from zone_facts z join projects p on p.id = z.project_id
        where p.country_iso3 = any($1::text[])
        group by p.admin_area_id`,
      [countries],
    ),
  ]);

  const facts: ComputedFacts = { completions: new Map(), budget: new Map(), plots: new Map() };
  for (const row of completions) {
    const byArea = facts.completions.get(row.indicator) ?? new Map<number, Map<number, { achieved: number; scheduled: number }>>();
    facts.completions.set(row.indicator, byArea);
    const byYear = byArea.get(row.area_id) ?? new Map<number, { achieved: number; scheduled: number }>();
    byArea.set(row.area_id, byYear);
    byYear.set(row.year, { achieved: row.achieved, scheduled: row.scheduled });
  }

  // Execution at a month's end: Σ spent so far / Σ budget of the projects that had reported by then
  // (timeline_months holds each month's changes, so running sums give the standing at its end).
  const monthCount = years.length * 12;
  const lastKnown = monthIndex(today, first);
  const monthsByArea = new Map<number, typeof months>();
  for (const row of months) {
    const list = monthsByArea.get(row.area_id);
    if (list) list.push(row);
    else monthsByArea.set(row.area_id, [row]);
  }
  for (const [areaId, rows] of monthsByArea) {
    const spent = new Array<number>(monthCount).fill(0);
    const execution = new Array<number | null>(monthCount).fill(null);
    let spentX100 = 0;
    let budget = 0;
    let next = 0;
    for (let m = 0; m < monthCount; m++) {
      for (; next < rows.length && monthIndex(toDay(rows[next]!.month), first) <= m; next++) {
        const row = rows[next]!;
        spentX100 += row.execution_spent_x100;
        budget += row.execution_budget;
        const index = monthIndex(toDay(row.month), first);
        if (index >= 0) spent[index] = row.spent_x100 / 100;
      }
      execution[m] = m <= lastKnown && budget > 0 ? spentX100 / budget : null;
    }
    facts.budget.set(areaId, { spent, execution });
  }
  for (const row of plots) facts.plots.set(row.area_id, { producing: row.producing, allocated: row.allocated });
  return facts;
}

/** Months since January of `firstYear` (0 = that January). */
function monthIndex(day: number, firstYear: number): number {
  const date = new Date(day * 86_400_000);
  return (date.getUTCFullYear() - firstYear) * 12 + date.getUTCMonth();
}

/**
 * How far a governorate's plan for `year` asks beyond what it then achieves: ahead of plan
 * (0.7–0.9) for about a quarter of governorates, behind it (1.15–1.6) for almost a third.
 */
export function governoratePace(seed: number, year: number, areaCode: string): number {
  const random = Random.for(seed, `plan-pace:${year}:${areaCode}`);
  const roll = random.next();
  return roll < 0.25 ? random.between(0.7, 0.9) : roll < 0.7 ? random.between(0.9, 1.15) : random.between(1.15, 1.6);
}

/** The governorate's pace with a little per-indicator spread, kept within 0.7–1.6. */
export function targetFactor(seed: number, year: number, areaCode: string, indicator: string): number {
  const jitter = Random.for(seed, `plan-factor:${year}:${areaCode}:${indicator}`).between(0.9, 1.1);
  return Math.min(1.6, Math.max(0.7, governoratePace(seed, year, areaCode) * jitter));
}

/** What a planner rounds an indicator's targets to: km to 0.1, USD to thousands, everything else whole. */
export function unitOf(indicator: Pick<CatalogueIndicator, 'definition'>): number {
  return indicator.definition === 'line_km_completed' ? 0.1 : indicator.definition === 'budget_spent' ? 1000 : 1;
}

/** Rounds to a multiple of `unit` (1, 0.1, 1000), without floating-point dust. */
export function roundTo(value: number, unit: number): number {
  return unit >= 1 ? Math.round(value / unit) * unit : Number((Math.round(value / unit) * unit).toFixed(Math.round(-Math.log10(unit))));
}

/** A flow's year target spread over the quarters, cumulative: what should be reached by each quarter's end. */
export function phaseFlow(yearTarget: number, shares: readonly [number, number, number], unit: number): [number, number, number, number] {
  const [a, b, c] = shares.map((share) => Math.min(yearTarget, roundTo(yearTarget * share, unit)));
  return [a!, Math.max(a!, b!), Math.max(a!, b!, c!), yearTarget];
}

/** What one target line is set from: the governorate, its pace and phasing, and the year's data. */
interface LineBasis {
  context: TargetContext;
  area: AdminArea;
  year: number;
  factor: number;
  /** Cumulative shares of a flow's year target reached by the end of Q1, Q2 and Q3. */
  shares: [number, number, number];
  /** Index of the year's January in the monthly arrays. */
  firstMonth: number;
  /** A year's total from what it has so far (for the year under way, scaled up to twelve months). */
  wholeYear: (ofYear: (year: number) => number) => number;
}

/** Every target line of one country's plan for `year`. */
export function planTargets(context: TargetContext, areas: readonly AdminArea[], year: number): TargetLine[] {
  const lines: TargetLine[] = [];
  const todayYear = new Date(context.today * 86_400_000).getUTCFullYear();
  const firstYear = context.years[0]!;
  // Share of `year` with data: 1 for a past year; for the year under way, up to today.
  const elapsed = year < todayYear ? 1 : year > todayYear ? 0 : (context.today - toDay(`${year}-01-01`)) / (toDay(`${year + 1}-01-01`) - toDay(`${year}-01-01`));
  // Too little of the year gone by to scale up: the year before stands in, when there is one.
  const wholeYear = (ofYear: (year: number) => number) =>
    elapsed >= 1 ? ofYear(year) : elapsed >= 0.25 || year === firstYear ? ofYear(year) / Math.max(elapsed, 0.05) : ofYear(year - 1);

  for (const area of areas) {
    const phasing = Random.for(context.seed, `plan-phasing:${year}:${area.code}`);
    const shares: [number, number, number] = [phasing.between(0.1, 0.2), phasing.between(0.32, 0.45), phasing.between(0.58, 0.72)];
    for (const indicator of context.indicators) {
      const factor = targetFactor(context.seed, year, area.code, indicator.code);
      const quarters = targetQuarters(indicator, { context, area, year, factor, shares, firstMonth: (year - firstYear) * 12, wholeYear });
      if (quarters) lines.push({ areaId: area.id, indicator: indicator.code, quarters });
    }
  }
  return lines;
}

/** One line's quarters, or null when the governorate gets no line for the indicator. */
function targetQuarters(indicator: CatalogueIndicator, basis: LineBasis): TargetLine['quarters'] | null {
  const { context, area, year, factor, shares, firstMonth, wholeYear } = basis;
  switch (indicator.source === 'computed' ? indicator.definition : 'reported') {
    case 'projects_completed':
    case 'zones_completed':
    case 'line_km_completed': {
      // Every governorate gets a line for projects (0 where it has none of the kind); only those
      // with zones or road lines get one for zones and km.
      const byYear = context.facts.completions.get(indicator.code)?.get(area.id) ?? (indicator.definition === 'projects_completed' ? new Map() : null);
      if (!byYear) return null;
      const unit = unitOf(indicator);
      const achieved = wholeYear((y) => byYear.get(y)?.achieved ?? 0);
      // Nothing completed: the plan carried half of what was due to end that year.
      const base = achieved > 0 ? achieved : (byYear.get(year)?.scheduled ?? 0) * 0.5;
      return phaseFlow(roundTo(base * factor, unit), shares, unit);
    }
    case 'budget_spent': {
      const budget = context.facts.budget.get(area.id);
      if (!budget) return null;
      const spentIn = (y: number) => {
        const from = (y - context.years[0]!) * 12;
        return budget.spent.slice(from, from + 12).reduce((sum, v) => sum + v, 0);
      };
      return phaseFlow(roundTo(wholeYear(spentIn) * factor, unitOf(indicator)), shares, unitOf(indicator));
    }
    case 'budget_execution': {
      const execution = context.facts.budget.get(area.id)?.execution;
      if (!execution) return null;
      // The level at each quarter's end (the latest known one for quarters still to come).
      const atQuarterEnds = [2, 5, 8, 11].map((m) => {
        for (let i = firstMonth + m; i >= firstMonth; i--) if (execution[i] !== null && execution[i] !== undefined) return execution[i]!;
        return null;
      });
      const firstKnown = atQuarterEnds.find((v) => v !== null);
      if (firstKnown === undefined || firstKnown === null) return null;
      return levels(atQuarterEnds.map((v) => Math.min(MAX_PERCENT_TARGET, Math.round((v ?? firstKnown) * factor))));
    }
    case 'zone_plots_in_production': {
      const plots = context.facts.plots.get(area.id);
      if (!plots) return null;
      const yearTarget = Math.round((plots.producing > 0 ? plots.producing : plots.allocated * 0.1) * factor);
      return levels([0.9, 0.94, 0.97, 1].map((share) => Math.round(yearTarget * share)));
    }
    case 'reported': {
      const months = context.statistics.get(area)?.get(indicator.code)?.slice(firstMonth, firstMonth + 12);
      return months && months.length === 12 ? reportedQuarters(indicator, months, basis) : null;
    }
    default:
      return null;
  }
}

/** A reported indicator's quarters from the governorate's twelve months of the year. */
function reportedQuarters(indicator: CatalogueIndicator, months: readonly ReturnValue[], { context, area, year, factor }: LineBasis): TargetLine['quarters'] | null {
  const quarterEnds = [2, 5, 8, 11];
  if (indicator.rollup === 'sum' && indicator.temporal === 'stock') {
    return levels(quarterEnds.map((m) => Math.max(1, Math.round(months[m]!.value * factor))));
  }
  if (indicator.rollup === 'sum') {
    let sum = 0;
    const cumulative = months.map((v) => (sum += v.value));
    return levels(quarterEnds.map((m) => Math.round(cumulative[m]! * factor)));
  }
  // A rate over the year: Σ numerator / Σ denominator, never an average of monthly rates.
  const numerator = months.reduce((s, v) => s + v.value, 0);
  const denominator = months.reduce((s, v) => s + (v.denominator ?? 0), 0);
  if (denominator <= 0 || indicator.rate_per === null) return null;
  const rate = (numerator / denominator) * indicator.rate_per;
  if (indicator.better === 'lower') {
    // Days to issue a permit: one level all year (a flow's targets never decrease over it).
    const target = Math.max(1, Math.round(rate / factor));
    return [target, target, target, target];
  }
  const target = Math.min(indicator.rate_per === 100 ? MAX_PERCENT_TARGET : Infinity, Math.round(rate * factor));
  const step = Random.for(context.seed, `plan-rate-step:${year}:${area.code}:${indicator.code}`).int(0, 2);
  return levels([3, 2, 1, 0].map((behind) => Math.max(0, target - behind * step)));
}

/** Quarter levels that never fall over the year (as a plan writes them). */
function levels(values: readonly number[]): TargetLine['quarters'] {
  let highest = 0;
  const [a, b, c, d] = values.map((v) => (highest = Math.max(highest, v)));
  return [a!, b!, c!, d!];
}
