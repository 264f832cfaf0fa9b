import type { Indicator, MatrixColumn } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { planScope, type PlanScope } from '../../access/planAccess.ts';
import type { Viewer } from '../../access/Viewer.ts';
import type { Quarters } from './rollup.ts';

/**
 * Everything the matrix, its series and its cells start from: the plan asked for as the viewer
 * may see it (planScope, the one access rule for plans), the catalogue, the governorates shown,
 * the targets in force and as first approved, and the columns.
 */
export interface PlanContext {
  planId: number;
  country: string;
  year: number;
  /** The country's names, for the national row. */
  countryName: { name_en: string; name_ar: string };
  asOf: string;
  scope: PlanScope;
  indicators: Map<string, Indicator>;
  areas: { id: number; code: string; name_en: string; name_ar: string }[];
  /** The approved version in force, if any. */
  inForce: number | null;
  /** Targets in force, by `areaId|columnKey` (empty for viewers who see no targets). */
  targets: Map<string, Quarters>;
  /** Targets as first approved, where a later revision in force changed them. */
  originalTargets: Map<string, Quarters>;
  columns: MatrixColumn[];
  /**
   * Who must return each reported indicator: the governorates shown with a line for it in the
   * plan in force (approved, else the draft), as GET /api/returns/status counts them.
   */
  expectedReturns: Map<string, number[]>;
}

export interface PlanQuery {
  country: string;
  year: number;
  sector?: string;
  /** YYYY-MM-DD; default today. */
  asOf?: string;
}

export const columnKey = (indicator: string, sector: string | null) => (sector ? `${indicator}:${sector}` : indicator);
export const targetKey = (areaId: number, key: string) => `${areaId}|${key}`;

const today = () => new Date().toISOString().slice(0, 10);

/** The plan's context, or null when there is no such plan or the viewer may not see it. */
export async function loadPlanContext(db: Queryable, viewer: Viewer, query: PlanQuery): Promise<PlanContext | null> {
  const [plan] = await db.query<{ id: number; is_published: boolean }>('select id, is_published from plans where country_iso3 = $1 and year = $2', [
    query.country,
    query.year,
  ]);
  if (!plan) return null;
  const scope = await planScope(db, viewer, plan.is_published);
  if (!scope) return null;
  const requested = query.asOf ?? today();
  const asOf = requested > `${query.year}-12-31` ? `${query.year}-12-31` : requested;

  const [indicatorRows, versions, areaRows, [countryName]] = await Promise.all([
    db.query<Indicator>(
      `select code, name_en, name_ar, unit_en, unit_ar, better, rollup, temporal, rate_per::float8 as rate_per, source, definition,
              filter_kind, filter_sector, filter_development, frequency, return_due_days, framework, framework_code
         from indicators order by sort_order, code`,
    ),
    db.query<{ id: number; number: number; status: string }>(
      `select id, number, status from plan_versions where plan_id = $1 order by number`,
      [plan.id],
    ),
    db.query<{ id: number; code: string; name_en: string; name_ar: string }>(
      `select id, code, name_en, name_ar from admin_areas where country_iso3 = $1 and level = 1
          and ($2::int[] is null or id = any($2::int[])) order by code`,
      [query.country, scope.governorates === 'all' ? null : scope.governorates],
    ),
    db.query<{ name_en: string; name_ar: string }>('select name_en, name_ar from countries where iso3 = $1', [query.country]),
  ]);
  // An engineer none of whose governorates is in this country has nothing to see here.
  if (scope.governorates !== 'all' && areaRows.length === 0) return null;
  const indicators = new Map(indicatorRows.map((i) => [i.code, i]));
  const inForce = versions.find((v) => v.status === 'approved') ?? null;
  const approvedOnce = versions.filter((v) => v.status !== 'draft');
  const original = approvedOnce[0] && inForce && approvedOnce[0].id !== inForce.id ? approvedOnce[0] : null;
  const draft = inForce ? null : (versions.find((v) => v.status === 'draft') ?? null);

  const targetRows = await db.query<{ version: number; area: number; indicator: string; sector: string | null; q1: number; q2: number; q3: number; q4: number }>(
    `select plan_version_id as version, admin_area_id as area, indicator_code as indicator, sector_code as sector,
            q1::float8 as q1, q2::float8 as q2, q3::float8 as q3, q4::float8 as q4
       from plan_targets where plan_version_id = any($1::int[]) and admin_area_id = any($2::int[])`,
    [[inForce?.id, original?.id, draft?.id].filter((id) => id !== undefined), areaRows.map((a) => a.id)],
  );
  const expectedReturns = new Map<string, number[]>();
  for (const row of targetRows) {
    if (row.version !== (inForce ?? draft)?.id || indicators.get(row.indicator)?.source !== 'reported') continue;
    expectedReturns.set(row.indicator, [...(expectedReturns.get(row.indicator) ?? []), row.area]);
  }
  const targets = new Map<string, Quarters>();
  const firstTargets = new Map<string, Quarters>();
  const columnsSeen = new Map<string, MatrixColumn>();
  for (const row of targetRows) {
    const key = columnKey(row.indicator, row.sector);
    const quarters: Quarters = [row.q1, row.q2, row.q3, row.q4];
    if (row.version === inForce?.id) {
      targets.set(targetKey(row.area, key), quarters);
      columnsSeen.set(key, { key, indicator: row.indicator, sector: row.sector });
    } else if (row.version === original?.id) firstTargets.set(targetKey(row.area, key), quarters);
  }
  const originalTargets = new Map<string, Quarters>();
  for (const [key, quarters] of targets) {
    const first = firstTargets.get(key);
    if (first && first[3] !== quarters[3]) originalTargets.set(key, first);
  }
  // Without an approved version, every indicator of the catalogue is a column (achieved only).
  if (!inForce) for (const code of indicators.keys()) columnsSeen.set(code, { key: code, indicator: code, sector: null });

  const order = [...indicators.keys()];
  const columns = [...columnsSeen.values()]
    .filter((c) => {
      const indicator = indicators.get(c.indicator)!;
      if (indicator.source === 'reported' && !scope.reported) return false;
      return !query.sector || (c.sector ?? indicator.filter_sector) === query.sector;
    })
    .sort((a, b) => order.indexOf(a.indicator) - order.indexOf(b.indicator) || (a.sector ?? '').localeCompare(b.sector ?? ''));

  return {
    planId: plan.id,
    country: query.country,
    year: query.year,
    countryName: countryName ?? { name_en: query.country, name_ar: query.country },
    asOf,
    scope,
    indicators,
    areas: areaRows,
    inForce: inForce?.number ?? null,
    targets: scope.targets ? targets : new Map(),
    originalTargets: scope.targets ? originalTargets : new Map(),
    columns,
    expectedReturns,
  };
}
