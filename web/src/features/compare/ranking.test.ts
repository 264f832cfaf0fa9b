import { describe, expect, it } from 'vitest';
import { barShare, compareAriaSort, nationalPosition, nextCompareSort, rankByValue, sortRanking, type RankInput } from './ranking.ts';

const row = (code: string, name: string, value: number | null): RankInput => ({ code, country: 'SYR', name, value });
const ROWS = [row('SY-DI', 'Damascus', 60), row('SY-HL', 'Aleppo', 35), row('SY-HI', 'Homs', null), row('SY-LA', 'Latakia', 60), row('SY-DR', 'Daraa', 12.5), row('SY-QU', 'Quneitra', null)];
const names = new Intl.Collator('en').compare;
const codes = (rows: readonly RankInput[]) => rows.map((r) => r.code);

describe('ranking governorates', () => {
  it('ranks by value, equal values sharing the better rank, no rank without a value', () => {
    const ranked = rankByValue(ROWS);
    expect(Object.fromEntries(ranked.map((r) => [r.code, r.rank]))).toEqual({ 'SY-DI': 1, 'SY-LA': 1, 'SY-HL': 3, 'SY-DR': 4, 'SY-HI': null, 'SY-QU': null });
  });

  it('sorts by value both ways and by name both ways, governorates without a value always last', () => {
    expect(codes(sortRanking(ROWS, '-value', names))).toEqual(['SY-DI', 'SY-LA', 'SY-HL', 'SY-DR', 'SY-HI', 'SY-QU']);
    expect(codes(sortRanking(ROWS, 'value', names))).toEqual(['SY-DR', 'SY-HL', 'SY-DI', 'SY-LA', 'SY-HI', 'SY-QU']);
    expect(codes(sortRanking(ROWS, 'name', names))).toEqual(['SY-HL', 'SY-DI', 'SY-DR', 'SY-LA', 'SY-HI', 'SY-QU']);
    expect(codes(sortRanking(ROWS, '-name', names))).toEqual(['SY-LA', 'SY-DR', 'SY-DI', 'SY-HL', 'SY-HI', 'SY-QU']);
    expect(ROWS[0]?.code).toBe('SY-DI');
  });

  it('sorts Arabic names in Arabic order', () => {
    const arabic = [row('A', 'حمص', 1), row('B', 'إدلب', 1), row('C', 'دمشق', 1)];
    expect(codes(sortRanking(arabic, 'name', new Intl.Collator('ar').compare))).toEqual(['B', 'A', 'C']);
  });

  it('places the national row between the governorates above and below it, first by name, before those without a value', () => {
    const down = sortRanking(ROWS, '-value', names);
    expect(nationalPosition(down, 40, '-value')).toBe(2);
    expect(nationalPosition(down, 60, '-value')).toBe(2);
    expect(nationalPosition(down, 99, '-value')).toBe(0);
    expect(nationalPosition(down, 1, '-value')).toBe(4);
    const up = sortRanking(ROWS, 'value', names);
    expect(nationalPosition(up, 40, 'value')).toBe(2);
    expect(nationalPosition(up, 99, 'value')).toBe(4);
    expect(nationalPosition(sortRanking(ROWS, 'name', names), 40, 'name')).toBe(0);
    expect(nationalPosition(down, null, '-value')).toBe(0);
    expect(nationalPosition([], 40, '-value')).toBe(0);
  });

  it('turns the order round on a second click, and says so in aria-sort', () => {
    expect(nextCompareSort('-value', 'value')).toBe('value');
    expect(nextCompareSort('value', 'value')).toBe('-value');
    expect(nextCompareSort('-value', 'name')).toBe('name');
    expect(nextCompareSort('name', 'name')).toBe('-name');
    expect(nextCompareSort('-name', 'value')).toBe('-value');
    expect(compareAriaSort('-value', 'value')).toBe('descending');
    expect(compareAriaSort('value', 'value')).toBe('ascending');
    expect(compareAriaSort('value', 'name')).toBe('none');
    expect(compareAriaSort('name', 'name')).toBe('ascending');
    expect(compareAriaSort('-name', 'name')).toBe('descending');
  });

  it('draws bars on 0–100 for percentages and up to the largest value for counts', () => {
    expect(barShare(47, [47, 12, null], true)).toBeCloseTo(0.47);
    expect(barShare(120, [120, 50], true)).toBe(1);
    expect(barShare(60, [120, 60], true)).toBe(0.5);
    expect(barShare(30, [120, 30, null], false)).toBe(0.25);
    expect(barShare(null, [10], false)).toBe(0);
    expect(barShare(0, [0, 0], false)).toBe(0);
  });
});
