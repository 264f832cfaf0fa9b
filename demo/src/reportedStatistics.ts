import { periodsOfYear, type ReturnFrequency } from '@marsad/contracts';
import type { AdminArea } from './loadAdminAreas.ts';
import { DEFAULT_GOVERNORATE_WEIGHT, GOVERNORATE_WEIGHTS } from './places.ts';
import { Random } from './random.ts';

/**
 * What each governorate "really" did on the reported indicators, month by month: the returns
 * report it (with some late, missing and corrected) and the plans' targets for reported
 * indicators are set from it. Magnitudes follow a population-like weight per governorate.
 */

/** A value for a month or a period; for a rate, the numerator with its denominator. */
export interface ReturnValue {
  value: number;
  denominator: number | null;
}

/** A reported indicator of the catalogue, as the demo needs it. */
export interface ReportedIndicator {
  code: string;
  frequency: ReturnFrequency;
  temporal: 'flow' | 'stock';
  returnDueDays: number;
}

/** Population in millions, roughly; governorates get their country's by the governorate weights. */
const COUNTRY_POPULATION: Readonly<Record<string, number>> = { SYR: 23.9, SAU: 35.3, LBY: 7.4 };
const DEFAULT_COUNTRY_POPULATION = 10;
/** Solid waste generated per person and day, kg. */
const WASTE_KG_PER_DAY: Readonly<Record<string, number>> = { SYR: 0.75, SAU: 1.5, LBY: 1.1 };
/** Building permits: some months are busier than others (relative to the year's average). */
const PERMIT_SEASON = [0.85, 0.9, 1.05, 1.1, 1.1, 1, 0.9, 0.85, 1, 1.1, 1.05, 0.95];

/** The reported indicators the demo knows how to tell a story for (codes of migration 0020). */
export const MODELLED_INDICATORS = [
  'fire_brigades_ready',
  'solid_waste_collected',
  'building_permits_issued',
  'permit_days_average',
  'complaints_resolved',
] as const;
type Modelled = (typeof MODELLED_INDICATORS)[number];
export const isModelled = (code: string): code is Modelled => (MODELLED_INDICATORS as readonly string[]).includes(code);

/** People living in each governorate (a weight for magnitudes, not a census). */
export function populations(areas: readonly AdminArea[]): Map<AdminArea, number> {
  const weight = (area: AdminArea) => GOVERNORATE_WEIGHTS[area.code] ?? DEFAULT_GOVERNORATE_WEIGHT;
  const totals = new Map<string, number>();
  for (const area of areas) totals.set(area.countryIso3, (totals.get(area.countryIso3) ?? 0) + weight(area));
  return new Map(
    areas.map((area) => [area, ((COUNTRY_POPULATION[area.countryIso3] ?? DEFAULT_COUNTRY_POPULATION) * 1e6 * weight(area)) / totals.get(area.countryIso3)!]),
  );
}

/**
 * One governorate's monthly values of every modelled indicator, for each month of `years`
 * (index 0 = January of the first year). Deterministic per seed and governorate code.
 */
export function monthlyStatistics(seed: number, area: AdminArea, population: number, years: readonly number[]): Map<Modelled, ReturnValue[]> {
  const random = Random.for(seed, `reported:${area.code}`);
  const months = years.length * 12;
  const per10k = population / 10_000;
  const wasteKg = WASTE_KG_PER_DAY[area.countryIso3] ?? 1;

  // Each governorate's own level and trend; the month-to-month noise comes after.
  let brigades = Math.max(1, Math.round(population / random.between(70_000, 180_000)));
  const wasteRate = random.between(0.55, 0.93);
  const wasteTrend = random.between(-0.002, 0.006);
  const permitsPer10k = random.between(1.2, 4);
  const permitDays = random.between(25, 85);
  const permitTrend = random.between(-0.006, 0.002);
  const complaintsPer10k = random.between(3, 9);
  const resolvedRate = random.between(0.55, 0.9);
  const resolvedTrend = random.between(-0.001, 0.005);

  const series = new Map<Modelled, ReturnValue[]>(MODELLED_INDICATORS.map((code) => [code, []]));
  const push = (code: Modelled, value: number, denominator: number | null = null) => series.get(code)!.push({ value, denominator });
  const clampRate = (rate: number) => Math.min(0.99, Math.max(0.2, rate));
  for (let m = 0; m < months; m++) {
    const year = years[Math.floor(m / 12)]!;
    const month = m % 12;
    const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

    if (random.chance(0.1)) brigades++;
    else if (random.chance(0.03) && brigades > 1) brigades--;
    push('fire_brigades_ready', brigades);

    const generated = Math.round((population * wasteKg * days * (month >= 5 && month <= 7 ? 1.08 : 1)) / 1000);
    const collected = Math.round(generated * clampRate(wasteRate + wasteTrend * m + random.between(-0.03, 0.03)));
    push('solid_waste_collected', collected, generated);

    const permits = Math.max(1, Math.round(per10k * permitsPer10k * PERMIT_SEASON[month]! * random.logNormal(1, 0.12)));
    push('building_permits_issued', permits);
    const averageDays = Math.max(5, permitDays * (1 + permitTrend * m) * random.between(0.9, 1.1));
    push('permit_days_average', Math.round(permits * averageDays), permits);

    const received = Math.max(1, Math.round(per10k * complaintsPer10k * random.logNormal(1, 0.15)));
    push('complaints_resolved', Math.round(received * clampRate(resolvedRate + resolvedTrend * m + random.between(-0.04, 0.04))), received);
  }
  return series;
}

/**
 * A period's value from the monthly ones: a stock's level at the period's last month; a flow's
 * sum (numerators and denominators summed apart, so a rate is never an average of rates).
 */
export function periodValues(monthly: readonly ReturnValue[], firstYear: number, indicator: Pick<ReportedIndicator, 'frequency' | 'temporal'>, year: number): Map<string, ReturnValue> {
  const values = new Map<string, ReturnValue>();
  const span = indicator.frequency === 'monthly' ? 1 : 3;
  periodsOfYear(year, indicator.frequency).forEach((period, i) => {
    const first = (year - firstYear) * 12 + i * span;
    const months = monthly.slice(first, first + span);
    if (months.length < span) return;
    values.set(
      period,
      indicator.temporal === 'stock'
        ? months.at(-1)!
        : {
            value: months.reduce((sum, v) => sum + v.value, 0),
            denominator: months[0]!.denominator === null ? null : months.reduce((sum, v) => sum + v.denominator!, 0),
          },
    );
  });
  return values;
}
