import type { Indicator } from '@marsad/contracts';

/**
 * The arithmetic of plans, kept pure so that tests can hold it to independent computations:
 * how monthly facts add up to an achieved value, how governorates add up to a country, how a
 * target is phased to a date, and what "% of target" means. docs/plans.md says the same in words.
 */

/** What an indicator needs for its arithmetic. */
export type IndicatorShape = Pick<Indicator, 'rollup' | 'temporal' | 'better' | 'rate_per'>;

/**
 * One fact of one governorate: for a flow, what happened in `month`; for a stock, the level at
 * the end of `month`. A rate carries its numerator and denominator (value unused).
 */
export interface Fact {
  month: string; // YYYY-MM
  value: number;
  numerator?: number;
  denominator?: number;
}

/** An achieved value with, for rates, its parts (which is what a country sums). */
export interface Achieved {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

const NONE: Achieved = { value: null, numerator: null, denominator: null };

const rate = (numerator: number, denominator: number, per: number): number | null => (denominator > 0 ? (numerator / denominator) * per : null);

/**
 * A governorate's achieved value from its facts up to and including `untilMonth` (YYYY-MM):
 * flows add up, stocks take the latest month with a fact; rates divide the summed (or latest)
 * numerator by the summed (or latest) denominator. No fact at all: null (nothing to count).
 */
export function achievedFrom(indicator: IndicatorShape, facts: readonly Fact[], untilMonth: string): Achieved {
  const counted = facts.filter((f) => f.month <= untilMonth);
  if (counted.length === 0) return NONE;
  const per = indicator.rate_per ?? 100;
  if (indicator.temporal === 'stock') {
    const latestMonth = counted.reduce((m, f) => (f.month > m ? f.month : m), counted[0]!.month);
    const latest = counted.filter((f) => f.month === latestMonth);
    return indicator.rollup === 'rate' ? rateOf(latest, per) : { value: sum(latest.map((f) => f.value)), numerator: null, denominator: null };
  }
  return indicator.rollup === 'rate' ? rateOf(counted, per) : { value: sum(counted.map((f) => f.value)), numerator: null, denominator: null };
}

function rateOf(facts: readonly Fact[], per: number): Achieved {
  const numerator = sum(facts.map((f) => f.numerator ?? 0));
  const denominator = sum(facts.map((f) => f.denominator ?? 0));
  return { value: rate(numerator, denominator, per), numerator, denominator };
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * A country's achieved value from its governorates': sums add up; a rate is Σ numerators /
 * Σ denominators (never an average of the governorates' rates). Governorates with nothing to
 * count are left out; none at all: null.
 */
export function rollUpAchieved(indicator: IndicatorShape, parts: readonly Achieved[]): Achieved {
  const counted = parts.filter((p) => p.value !== null || (p.denominator ?? 0) > 0);
  if (counted.length === 0) return NONE;
  if (indicator.rollup === 'rate') {
    const numerator = sum(counted.map((p) => p.numerator ?? 0));
    const denominator = sum(counted.map((p) => p.denominator ?? 0));
    return { value: rate(numerator, denominator, indicator.rate_per ?? 100), numerator, denominator };
  }
  return { value: sum(counted.map((p) => p.value ?? 0)), numerator: null, denominator: null };
}

/**
 * A country's target from its governorates' (all for the same date): sums add up; a rate's
 * target is weighted by each governorate's achieved denominator, Σ(target × denominator) /
 * Σ denominator (governorates without a denominator yet carry no weight; none: null).
 */
export function rollUpTarget(indicator: IndicatorShape, parts: readonly { target: number | null; achieved: Achieved }[]): number | null {
  const targeted = parts.filter((p) => p.target !== null);
  if (targeted.length === 0) return null;
  if (indicator.rollup === 'sum') return sum(targeted.map((p) => p.target!));
  const weighted = targeted.filter((p) => (p.achieved.denominator ?? 0) > 0);
  const weight = sum(weighted.map((p) => p.achieved.denominator!));
  return weight > 0 ? sum(weighted.map((p) => p.target! * p.achieved.denominator!)) / weight : null;
}

/** Quarter targets, cumulative: what should be reached by the end of Q1…Q4. */
export type Quarters = readonly [number, number, number, number];

const QUARTER_START_MONTHS = [0, 3, 6, 9];

/**
 * What should be reached by `asOf` (YYYY-MM-DD) in `year`, phased by quarter. A flow grows
 * linearly within the current quarter from the previous quarter's cumulative target (0 before
 * Q1) to this quarter's, counting the days elapsed including `asOf`; a stock or a rate is the
 * level set for the current quarter's end. Before the year: null; after it: the year's target.
 */
export function targetToDate(indicator: Pick<IndicatorShape, 'temporal' | 'rollup'>, quarters: Quarters, year: number, asOf: string): number | null {
  const day = Date.parse(`${asOf}T00:00:00Z`);
  if (day < Date.UTC(year, 0, 1)) return null;
  if (day >= Date.UTC(year + 1, 0, 1)) return quarters[3];
  const quarter = QUARTER_START_MONTHS.findLastIndex((m) => day >= Date.UTC(year, m, 1));
  if (indicator.temporal === 'stock' || indicator.rollup === 'rate') return quarters[quarter]!;
  const start = Date.UTC(year, QUARTER_START_MONTHS[quarter]!, 1);
  const end = Date.UTC(year, QUARTER_START_MONTHS[quarter]! + 3, 1);
  const elapsed = (day - start) / 86_400_000 + 1;
  const length = (end - start) / 86_400_000;
  const before = quarter === 0 ? 0 : quarters[quarter - 1]!;
  return before + (quarters[quarter]! - before) * (elapsed / length);
}

/**
 * How far `achieved` is toward `target`, in percent: achieved / target when higher is better,
 * target / achieved when lower is better (fewer days to issue a permit). Null when either is
 * missing, or for a higher-is-better target of 0 (nothing to attain). A lower-is-better achieved
 * of 0 meets any target: 100 % (a ratio cannot say by how much).
 */
export function attainment(indicator: Pick<IndicatorShape, 'better'>, achieved: number | null, target: number | null): number | null {
  if (achieved === null || target === null) return null;
  if (indicator.better === 'higher') return target > 0 ? (achieved / target) * 100 : null;
  return achieved > 0 ? (target / achieved) * 100 : 100;
}
