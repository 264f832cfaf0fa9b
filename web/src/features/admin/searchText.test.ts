import { describe, expect, it } from 'vitest';
import { matchesQuery, normalizeForSearch } from './searchText.ts';

describe('admin list search', () => {
  it('ignores case and the spelling variants of Arabic', () => {
    expect(normalizeForSearch('  UNDP ')).toBe('undp');
    expect(normalizeForSearch('مُصْرَاتَة')).toBe(normalizeForSearch('مصراته'));
    expect(normalizeForSearch('إدارة')).toBe(normalizeForSearch('اداره'));
    expect(normalizeForSearch('مستشفى')).toBe(normalizeForSearch('مستشفي'));
  });

  it('needs every word somewhere in the fields', () => {
    const fields = ['Damascus engineer', 'engineer.damascus@marsad.demo', 'مهندس المحافظة'];
    expect(matchesQuery(fields, '')).toBe(true);
    expect(matchesQuery(fields, 'DAMASCUS')).toBe(true);
    expect(matchesQuery(fields, 'damascus مهندس')).toBe(true);
    expect(matchesQuery(fields, 'damascus aleppo')).toBe(false);
  });
});
