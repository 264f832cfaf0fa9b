import { describe, expect, it } from 'vitest';
import { ariaSort, nextSort } from './zoneTableSort.ts';

describe('sorting the zones table', () => {
  it('sorts a new column largest first, and turns the order round on a second click', () => {
    expect(nextSort('-occupancy', 'readiness')).toBe('-readiness');
    expect(nextSort('-readiness', 'readiness')).toBe('readiness');
    expect(nextSort('readiness', 'readiness')).toBe('-readiness');
    expect(nextSort('title', 'jobs')).toBe('-jobs');
  });

  it('says which column is sorted, and how, for screen readers', () => {
    expect(ariaSort('-occupancy', 'occupancy')).toBe('descending');
    expect(ariaSort('occupancy', 'occupancy')).toBe('ascending');
    expect(ariaSort('-occupancy', 'jobs')).toBe('none');
  });
});
