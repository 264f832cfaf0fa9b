import type { Plot } from '@marsad/contracts';
import { describe, expect, it } from 'vitest';
import { mergedNumber, unavailable } from './plotSelection.ts';

const plot = (id: number, patch: Partial<Plot> = {}): Plot => ({
  id,
  zone_id: 1,
  plot_number: String(id),
  area_m2: 1000,
  activity: null,
  status: 'vacant',
  allocated_on: null,
  planned_jobs: null,
  actual_jobs: null,
  planned_investment: null,
  actual_investment: null,
  note: null,
  version: 1,
  ...patch,
});
const investor = (id: number) => ({ id, name_ar: 'شركة', name_en: null, kind: 'company' as const });

describe('which plot actions fit the selection', () => {
  it('edits, splits and deletes one plot; splits and deletes only a vacant one', () => {
    expect(unavailable('edit', [])).toBe('selectOne');
    expect(unavailable('edit', [plot(1, { status: 'producing' })])).toBeNull();
    expect(unavailable('split', [plot(1)])).toBeNull();
    expect(unavailable('split', [plot(1), plot(2)])).toBe('selectOne');
    expect(unavailable('delete', [plot(1, { status: 'reserved', investor: investor(3) })])).toBe('notVacant');
  });

  it('merges two or more plots of one status and one holder', () => {
    expect(unavailable('merge', [plot(1)])).toBe('selectTwo');
    expect(unavailable('merge', [plot(1), plot(2)])).toBeNull();
    expect(unavailable('merge', [plot(1), plot(2, { status: 'allocated' })])).toBe('mixedStatus');
    expect(unavailable('merge', [plot(1, { status: 'allocated', investor: investor(3) }), plot(2, { status: 'allocated', investor: investor(4) })])).toBe('mixedInvestor');
    // Without investors (not the ministry's eyes), the API judges.
    expect(unavailable('merge', [plot(1, { status: 'allocated' }), plot(2, { status: 'allocated' })])).toBeNull();
  });

  it('numbers a merged plot from its parts in natural order', () => {
    expect(mergedNumber([plot(10), plot(9)])).toBe('9+10');
    expect(mergedNumber(Array.from({ length: 30 }, (_, i) => plot(100 + i)))).toBe('100');
  });
});
