import type { MatrixCell, MatrixColumn, MatrixRow, PlanMatrix } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import type { Viewer } from '../../access/Viewer.ts';
import { computedFacts, type FactTable } from './computedFacts.ts';
import { loadPlanContext, targetKey, type PlanContext, type PlanQuery } from './planContext.ts';
import { loadReturnRows, reportedFacts, type ReturnRow } from './reportedFacts.ts';
import { achievedFrom, attainment, rollUpAchieved, rollUpTarget, targetToDate, type Achieved } from './rollup.ts';

/** Everything counted for a plan: facts per governorate and column, return counts, and the returns read. */
export interface PlanFacts {
  facts: FactTable;
  returnCounts: Map<number, Map<string, { missing: number; late: number }>>;
  returnRows: ReturnRow[];
}

/**
 * Counts what `columns` need (all the plan's by default; a cell or a series asks for its one), in
 * parallel: computed facts and the year's returns, for `areaIds`.
 */
export async function loadPlanFacts(
  db: Queryable,
  viewer: Viewer,
  context: PlanContext,
  { areaIds = context.scope.governorates, columns = context.columns }: { areaIds?: 'all' | number[]; columns?: readonly MatrixColumn[] } = {},
): Promise<PlanFacts> {
  const scope = { country: context.country, year: context.year, asOf: context.asOf, areaIds };
  const computed = columns
    .map((c) => ({ key: c.key, sector: c.sector, indicator: context.indicators.get(c.indicator)! }))
    .filter((c) => c.indicator.source === 'computed');
  const reportedIndicators = [...new Set(columns.map((c) => context.indicators.get(c.indicator)!).filter((i) => i.source === 'reported'))];
  const ids = areaIds === 'all' ? context.areas.map((a) => a.id) : areaIds;
  const [facts, returnRows] = await Promise.all([
    computedFacts(db, viewer, scope, computed),
    loadReturnRows(db, scope, reportedIndicators.map((i) => i.code), ids),
  ]);
  const reported = reportedFacts(scope, reportedIndicators, context.expectedReturns, returnRows);
  for (const [area, byKey] of reported.facts) {
    for (const [key, list] of byKey) {
      if (!facts.has(area)) facts.set(area, new Map());
      facts.get(area)!.set(key, list);
    }
  }
  return { facts, returnCounts: reported.returnCounts, returnRows };
}

export interface CellParts {
  achieved: Achieved;
  target: number | null;
  original: number | null;
  toDate: number | null;
}

/** A cell as the API gives it, from its parts. */
export function cellOf(context: PlanContext, column: MatrixColumn, parts: CellParts, counts: { missing: number; late: number }): MatrixCell {
  const indicator = context.indicators.get(column.indicator)!;
  return {
    key: column.key,
    target: parts.target,
    original_target: parts.original,
    target_to_date: parts.toDate,
    achieved: parts.achieved.value,
    numerator: indicator.rollup === 'rate' ? parts.achieved.numerator : null,
    denominator: indicator.rollup === 'rate' ? parts.achieved.denominator : null,
    pct_of_target: attainment(indicator, parts.achieved.value, parts.target),
    pct_of_target_to_date: attainment(indicator, parts.achieved.value, parts.toDate),
    returns_missing: counts.missing,
    returns_late: counts.late,
  };
}

/** One governorate's parts of a column: achieved, the year's target (and as first approved), and the target to date. */
export function governorateParts(context: PlanContext, facts: FactTable, areaId: number, column: MatrixColumn): CellParts {
  const indicator = context.indicators.get(column.indicator)!;
  const quarters = context.targets.get(targetKey(areaId, column.key)) ?? null;
  const counted = achievedFrom(indicator, facts.get(areaId)?.get(column.key) ?? [], context.asOf.slice(0, 7));
  // Marsad counted a computed sum and found nothing: that is 0 (a reported one not returned stays null).
  const achieved = counted.value === null && indicator.source === 'computed' && indicator.rollup === 'sum' ? { ...counted, value: 0 } : counted;
  return {
    achieved,
    target: quarters ? quarters[3] : null,
    original: context.originalTargets.get(targetKey(areaId, column.key))?.[3] ?? null,
    toDate: quarters ? targetToDate(indicator, quarters, context.year, context.asOf) : null,
  };
}

/** The country's parts of a column from its governorates' (sums; rates from numerators and denominators). */
export function nationalParts(context: PlanContext, column: MatrixColumn, parts: readonly CellParts[]): CellParts {
  const indicator = context.indicators.get(column.indicator)!;
  const achieved = rollUpAchieved(indicator, parts.map((p) => p.achieved));
  const anyRevised = parts.some((p) => p.original !== null);
  return {
    achieved,
    target: rollUpTarget(indicator, parts.map((p) => ({ target: p.target, achieved: p.achieved }))),
    original: anyRevised ? rollUpTarget(indicator, parts.map((p) => ({ target: p.original ?? p.target, achieved: p.achieved }))) : null,
    toDate: rollUpTarget(indicator, parts.map((p) => ({ target: p.toDate, achieved: p.achieved }))),
  };
}

/**
 * The matrix of a country's plan for a year: governorates × indicators, target against achieved
 * as of a date, and the national roll-up. Null when there is no such plan or the viewer may not
 * see it (planAccess.planScope).
 */
export async function loadMatrix(db: Queryable, viewer: Viewer, query: PlanQuery): Promise<PlanMatrix | null> {
  const context = await loadPlanContext(db, viewer, query);
  if (!context) return null;
  const { facts, returnCounts } = await loadPlanFacts(db, viewer, context);
  const none = { missing: 0, late: 0 };
  const partsByColumn = new Map<string, CellParts[]>();
  const rows: MatrixRow[] = context.areas.map((area) => ({
    governorate: area.code,
    name_en: area.name_en,
    name_ar: area.name_ar,
    cells: context.columns.map((column) => {
      const parts = governorateParts(context, facts, area.id, column);
      const list = partsByColumn.get(column.key);
      if (list) list.push(parts);
      else partsByColumn.set(column.key, [parts]);
      return cellOf(context, column, parts, returnCounts.get(area.id)?.get(column.indicator) ?? none);
    }),
  }));
  const national: MatrixRow | null =
    context.scope.governorates === 'all'
      ? {
          governorate: null,
          ...context.countryName,
          cells: context.columns.map((column, i) => {
            const counts = rows.reduce((sum, row) => ({ missing: sum.missing + row.cells[i]!.returns_missing, late: sum.late + row.cells[i]!.returns_late }), none);
            return cellOf(context, column, nationalParts(context, column, partsByColumn.get(column.key) ?? []), counts);
          }),
        }
      : null;
  return {
    country: context.country,
    year: context.year,
    as_of: context.asOf,
    plan_version: context.inForce,
    shows_targets: context.scope.targets,
    indicators: [...new Set(context.columns.map((c) => c.indicator))].map((code) => context.indicators.get(code)!),
    columns: context.columns,
    rows,
    national,
  };
}
