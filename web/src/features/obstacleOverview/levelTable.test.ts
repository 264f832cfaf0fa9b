import { describe, expect, it } from 'vitest';
import { buildLevelTable, daysSince } from './levelTable.ts';

const names: Record<string, string> = { 'SY-DI': 'Damascus', 'SY-HL': 'Aleppo', 'SY-HM': 'Hama', 'SY-RD': 'Rif Dimashq' };
const nameOf = (code: string) => names[code] ?? code;
const compare = (a: string, b: string) => a.localeCompare(b, 'en');

describe('the level × governorate table', () => {
  it('puts each governorate in a row and each level in a column, with totals', () => {
    const table = buildLevelTable(
      [
        { governorate: 'SY-HL', level: 'governorate', count: 3, critical: 0 },
        { governorate: 'SY-DI', level: 'minister', count: 2, critical: 1 },
        { governorate: 'SY-DI', level: 'governorate', count: 4, critical: 0 },
        { governorate: 'SY-HL', level: 'inter_ministerial', count: 1, critical: 1 },
      ],
      nameOf,
      compare,
    );
    expect(table.rows.map((r) => r.governorate)).toEqual(['SY-DI', 'SY-HL']);
    const damascus = table.rows[0]!;
    expect(damascus.cells).toEqual({
      governorate: { count: 4, critical: 0 },
      directorate: { count: 0, critical: 0 },
      minister: { count: 2, critical: 1 },
      inter_ministerial: { count: 0, critical: 0 },
    });
    expect(damascus.total).toEqual({ count: 6, critical: 1 });
    expect(table.totals.governorate).toEqual({ count: 7, critical: 0 });
    expect(table.totals.inter_ministerial).toEqual({ count: 1, critical: 1 });
    expect(table.total).toEqual({ count: 10, critical: 2 });
  });

  it('orders by critical obstacles, then by all, then by name', () => {
    const table = buildLevelTable(
      [
        { governorate: 'SY-RD', level: 'governorate', count: 2, critical: 0 },
        { governorate: 'SY-HM', level: 'governorate', count: 2, critical: 0 },
        { governorate: 'SY-HL', level: 'directorate', count: 5, critical: 0 },
        { governorate: 'SY-DI', level: 'directorate', count: 1, critical: 1 },
      ],
      nameOf,
      compare,
    );
    expect(table.rows.map((r) => r.governorate)).toEqual(['SY-DI', 'SY-HL', 'SY-HM', 'SY-RD']);
  });

  it('adds up a governorate listed twice at one level and leaves empty entries out', () => {
    const table = buildLevelTable(
      [
        { governorate: 'SY-DI', level: 'minister', count: 1, critical: 0 },
        { governorate: 'SY-DI', level: 'minister', count: 2, critical: 2 },
        { governorate: 'SY-HL', level: 'minister', count: 0, critical: 0 },
      ],
      nameOf,
      compare,
    );
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]!.cells.minister).toEqual({ count: 3, critical: 2 });
    expect(buildLevelTable([], nameOf, compare)).toEqual({ rows: [], totals: buildLevelTable([], nameOf, compare).totals, total: { count: 0, critical: 0 } });
  });
});

describe('days since', () => {
  const now = new Date('2026-12-03T06:00:00Z');
  it('counts whole days from a date or a timestamp, never below zero', () => {
    expect(daysSince('2026-12-01', now)).toBe(2);
    expect(daysSince('2026-11-03T07:00:00Z', now)).toBe(29);
    expect(daysSince('2027-01-01', now)).toBe(0);
    expect(daysSince('not a date', now)).toBe(0);
  });
});
