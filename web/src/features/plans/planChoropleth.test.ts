import type { MatrixCell, PlanMatrix } from '@marsad/contracts';
import { describe, expect, it } from 'vitest';
import { colorForValue, NO_DATA_COLOR, VIRIDIS_5 } from '../../map/colorScales.ts';
import { coloured, planChoroplethScale, planNationalValues } from './planChoropleth.ts';

const cell = (key: string, target: number | null, pct: number | null): MatrixCell => ({
  key,
  target,
  original_target: null,
  target_to_date: target,
  achieved: 3,
  numerator: null,
  denominator: null,
  pct_of_target: pct,
  pct_of_target_to_date: pct,
  returns_missing: 0,
  returns_late: 0,
});

const matrix = (over: Partial<PlanMatrix>): PlanMatrix => ({
  country: 'SYR',
  year: 2026,
  as_of: '2026-06-30',
  plan_version: 1,
  shows_targets: true,
  indicators: [],
  columns: [
    { key: 'roads', indicator: 'roads', sector: null },
    { key: 'roads:water', indicator: 'roads', sector: 'water' },
  ],
  rows: [
    { governorate: 'SY-DI', name_en: 'Damascus', name_ar: 'دمشق', cells: [cell('roads', 10, 30), cell('roads:water', 5, 100)] },
    { governorate: 'SY-HL', name_en: 'Aleppo', name_ar: 'حلب', cells: [cell('roads', null, null), cell('roads:water', 5, 100)] },
    { governorate: 'SY-HM', name_en: 'Hama', name_ar: 'حماة', cells: [cell('roads', 4, 125)] },
  ],
  national: null,
  ...over,
});

describe('the map metric "% of plan achieved"', () => {
  it('colours each governorate by its attainment of the whole-governorate target, on fixed classes', () => {
    const scale = planChoroplethScale([matrix({})], 'roads');
    expect(scale.metric).toBe('plan');
    expect(scale.breaks).toEqual([20, 40, 60, 80]);
    expect(scale.values.get('SY-DI')).toBe(30);
    expect(scale.values.get('SY-HM')).toBe(125);
    expect(colorForValue(30, scale.breaks, scale.colors)).toBe(VIRIDIS_5[1]);
    expect(colorForValue(125, scale.breaks, scale.colors)).toBe(VIRIDIS_5[4]);
    expect(coloured(scale)).toBe(2);
  });

  it('leaves governorates without a target uncoloured', () => {
    const scale = planChoroplethScale([matrix({})], 'roads');
    expect(scale.values.get('SY-HL')).toBeNull();
    expect(colorForValue(scale.values.get('SY-HL') ?? null, scale.breaks, scale.colors)).toBe(NO_DATA_COLOR);
  });

  it('colours nothing for an indicator the plan lacks, or for a viewer shown no targets', () => {
    expect(coloured(planChoroplethScale([matrix({})], 'schools'))).toBe(0);
    expect(coloured(planChoroplethScale([matrix({ shows_targets: false })], 'roads'))).toBe(0);
  });

  it('joins the matrices of several countries', () => {
    const libya = matrix({ country: 'LBY', rows: [{ governorate: 'LY-TB', name_en: 'Tripoli', name_ar: 'طرابلس', cells: [cell('roads', 2, 50)] }] });
    const scale = planChoroplethScale([matrix({}), libya], 'roads');
    expect(scale.values.get('LY-TB')).toBe(50);
    expect(coloured(scale)).toBe(3);
  });

  it("gives each country's national attainment from its matrix's national row, not an average of the governorates", () => {
    const national = { governorate: null, name_en: 'Syria', name_ar: 'سوريا', cells: [cell('roads', 14, 42)] };
    const libya = matrix({ country: 'LBY', rows: [] });
    const values = planNationalValues([matrix({ national }), libya], 'roads');
    expect(values.get('SYR')).toBe(42);
    expect(values.get('LBY')).toBeNull();
    expect(planNationalValues([matrix({ national, shows_targets: false })], 'roads').get('SYR')).toBeNull();
  });
});
