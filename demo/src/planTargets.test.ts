import { describe, expect, it } from 'vitest';
import { reviseLines } from './demoPlans.ts';
import type { AdminArea } from './loadAdminAreas.ts';
import { governoratePace, phaseFlow, roundTo, targetFactor, type CatalogueIndicator } from './planTargets.ts';
import { periodValues } from './reportedStatistics.ts';

const indicator = (code: string, definition: string | null, temporal: 'flow' | 'stock' = 'flow'): CatalogueIndicator => ({
  code,
  better: 'higher',
  rollup: 'sum',
  temporal,
  rate_per: null,
  source: definition ? 'computed' : 'reported',
  definition,
  frequency: definition ? null : 'monthly',
  return_due_days: 15,
});

describe('plan targets', () => {
  it('rounds as a planner would, without floating-point dust', () => {
    expect(roundTo(12.345, 0.1)).toBe(12.3);
    expect(roundTo(0.1 + 0.2, 0.1)).toBe(0.3);
    expect(roundTo(1_234_567, 1000)).toBe(1_235_000);
    expect(roundTo(2.5, 1)).toBe(3);
  });

  it('phases a flow cumulatively, never above the year target', () => {
    expect(phaseFlow(10, [0.15, 0.4, 0.65], 1)).toEqual([2, 4, 7, 10]);
    expect(phaseFlow(1, [0.15, 0.4, 0.65], 1)).toEqual([0, 0, 1, 1]);
    expect(phaseFlow(0, [0.15, 0.4, 0.65], 1)).toEqual([0, 0, 0, 0]);
    for (const target of [0.1, 0.7, 3.3, 41.9]) {
      const [a, b, c, d] = phaseFlow(target, [0.19, 0.44, 0.71], 0.1);
      expect(a <= b && b <= c && c <= d && d === target).toBe(true);
    }
  });

  it('gives each governorate a pace between 0.7 and 1.6, the same for the same seed, some ahead and some behind', () => {
    const codes = Array.from({ length: 200 }, (_, i) => `XX-${i}`);
    const paces = codes.map((code) => governoratePace(1, 2025, code));
    expect(Math.min(...paces)).toBeGreaterThanOrEqual(0.7);
    expect(Math.max(...paces)).toBeLessThanOrEqual(1.6);
    expect(paces.filter((p) => p < 0.9).length).toBeGreaterThan(30);
    expect(paces.filter((p) => p > 1.15).length).toBeGreaterThan(30);
    expect(governoratePace(1, 2025, 'SY-HL')).toBe(governoratePace(1, 2025, 'SY-HL'));
    expect(targetFactor(1, 2025, 'SY-HL', 'budget_spent')).not.toBe(targetFactor(2, 2025, 'SY-HL', 'budget_spent'));
  });

  it('revises the second half of the year only, keeping lines cumulative', () => {
    const area = { id: 7 } as AdminArea;
    const catalogue = [indicator('budget_spent', 'budget_spent'), indicator('plots', 'zone_plots_in_production', 'stock')];
    const lines = [
      { areaId: 7, indicator: 'budget_spent', quarters: [100_000, 400_000, 700_000, 1_000_000] as [number, number, number, number] },
      { areaId: 7, indicator: 'plots', quarters: [90, 94, 97, 100] as [number, number, number, number] },
      { areaId: 8, indicator: 'budget_spent', quarters: [1000, 2000, 3000, 4000] as [number, number, number, number] },
    ];
    const down = reviseLines(lines, catalogue, [{ areas: [area], indicators: ['budget_spent', 'plots'], scale: 0.5 }]);
    expect(down[0]!.quarters).toEqual([100_000, 400_000, 500_000, 500_000]); // Q3 lowered to the new year target
    expect(down[1]).toEqual(lines[1]); // a stock is left alone
    expect(down[2]).toEqual(lines[2]); // another governorate too
    const up = reviseLines(lines, catalogue, [{ areas: [area], indicators: ['budget_spent'], scale: 1.2 }]);
    expect(up[0]!.quarters).toEqual([100_000, 400_000, 770_000, 1_200_000]);
  });

  it('sums a flow over a period and takes a stock at its end, numerators and denominators apart', () => {
    const months = Array.from({ length: 24 }, (_, m) => ({ value: m + 1, denominator: 10 }));
    const quarterly = periodValues(months, 2025, { frequency: 'quarterly', temporal: 'flow' }, 2026);
    expect(quarterly.get('2026-Q1')).toEqual({ value: 13 + 14 + 15, denominator: 30 });
    const stock = periodValues(months, 2025, { frequency: 'quarterly', temporal: 'stock' }, 2026);
    expect(stock.get('2026-Q4')).toEqual({ value: 24, denominator: 10 });
    expect(periodValues(months, 2025, { frequency: 'monthly', temporal: 'flow' }, 2025).get('2025-03')).toEqual({ value: 3, denominator: 10 });
  });
});
