import { describe, expect, it } from 'vitest';
import type { GovernorateSummary } from '../api/summaries.ts';
import { choroplethScale } from './choroplethScale.ts';
import { VIRIDIS_5 } from './colorScales.ts';

function summary(governorate: string, projects: number, progress: number | null, delayed = 0): GovernorateSummary {
  return {
    governorate,
    country: 'SYR',
    name_en: governorate,
    name_ar: governorate,
    name_ar_short: governorate,
    projects,
    by_status: { planned: 0, tendering: 0, in_progress: projects, suspended: 0, completed: 0, cancelled: 0 },
    budget_total: projects * 100,
    budget_spent: projects * 40,
    progress_weighted: progress,
    delayed,
    stale: 0,
    last_update_on: null,
  };
}

describe('choroplethScale', () => {
  const summaries = [summary('SY-DI', 10, 55, 5), summary('SY-HL', 4, 12), summary('SY-RA', 0, null)];

  it('classes percentages on a fixed 0–100 range, with no data for empty governorates', () => {
    const scale = choroplethScale(summaries, 'progress');
    expect(scale.breaks).toEqual([20, 40, 60, 80]);
    expect(scale.colors).toEqual([...VIRIDIS_5]);
    expect(scale.values.get('SY-DI')).toBe(55);
    expect(scale.values.get('SY-RA')).toBeNull();
    expect(choroplethScale(summaries, 'delayed').values.get('SY-DI')).toBe(50);
  });

  it('classes counts on quantiles', () => {
    const scale = choroplethScale(summaries, 'projects');
    expect(scale.values.get('SY-HL')).toBe(4);
    expect(scale.breaks).toEqual([10]);
    expect(scale.colors).toHaveLength(2);
  });
});
