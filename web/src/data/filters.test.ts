import { describe, expect, it } from 'vitest';
import { withQuery } from '../api/http.ts';
import { countActiveFilters, EMPTY_FILTERS, filterQuery, withKnownFunders } from './filters.ts';

describe('filterQuery', () => {
  it('is empty for no filters', () => {
    expect(filterQuery(EMPTY_FILTERS)).toBe('');
    expect(withQuery('/api/x', '')).toBe('/api/x');
  });

  it('writes lists comma-separated, in a fixed order, with the text search encoded', () => {
    const query = filterQuery({ ...EMPTY_FILTERS, status: ['in_progress', 'suspended'], sector: ['water'], year: 2025, q: ' مدرسة ' });
    expect(query).toBe('sector=water&status=in_progress,suspended&year=2025&q=%D9%85%D8%AF%D8%B1%D8%B3%D8%A9');
    expect(new URLSearchParams(query).get('q')).toBe('مدرسة');
  });

  it('adds extra parameters after the filters', () => {
    expect(filterQuery({ ...EMPTY_FILTERS, funder: ['undp'] }, { governorate: 'SY-DI', limit: 50 })).toBe(
      'funder=undp&governorate=SY-DI&limit=50',
    );
  });

  it('counts the active filters', () => {
    expect(countActiveFilters(EMPTY_FILTERS)).toBe(0);
    expect(countActiveFilters({ ...EMPTY_FILTERS, kind: ['craft_zone', 'industrial_zone'], q: 'x', year: 2024 })).toBe(4);
  });
});

describe('withKnownFunders', () => {
  const known = new Set(['undp', 'world-bank']);

  it('drops funders the API does not know', () => {
    expect(withKnownFunders({ ...EMPTY_FILTERS, funder: ['nobody', 'undp'] }, known).funder).toEqual(['undp']);
  });

  it('returns the same object when every funder is known', () => {
    const filters = { ...EMPTY_FILTERS, funder: ['world-bank'] };
    expect(withKnownFunders(filters, known)).toBe(filters);
    expect(withKnownFunders(EMPTY_FILTERS, known)).toBe(EMPTY_FILTERS);
  });
});
