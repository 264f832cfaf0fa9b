import { describe, expect, it } from 'vitest';
import { conflictRows } from './conflictRows.ts';

describe('the rows of a conflict', () => {
  it('lists status first, then the percentages, and says which values moved and which the proposal changes', () => {
    const rows = conflictRows({
      base: { status: 'in_progress', financial_progress: 30, physical_progress: 40 },
      current: { status: 'in_progress', financial_progress: 35, physical_progress: 55 },
      proposed: { status: 'suspended', financial_progress: 35, physical_progress: 45 },
    });
    expect(rows.map((r) => r.field)).toEqual(['status', 'physical_progress', 'financial_progress']);
    expect(rows.map((r) => [r.field, r.moved, r.changes])).toEqual([
      ['status', false, true],
      ['physical_progress', true, true],
      ['financial_progress', true, false],
    ]);
    expect(rows[1]).toMatchObject({ base: 40, current: 55, proposed: 45 });
  });

  it('orders other fields by name and keeps a key only one record has', () => {
    const rows = conflictRows({ base: { title_en: 'A' }, current: { title_en: 'B', budget: 10 }, proposed: { title_en: 'C', budget: 12, actual_end: null } });
    expect(rows.map((r) => r.field)).toEqual(['actual_end', 'budget', 'title_en']);
    expect(rows[0]).toMatchObject({ base: undefined, current: undefined, proposed: null, moved: false, changes: false });
    expect(rows[1]).toMatchObject({ moved: true, changes: true });
  });

  it('without a base nothing is said to have moved', () => {
    const rows = conflictRows({ base: null, current: { status: 'completed' }, proposed: { status: 'in_progress' } });
    expect(rows).toEqual([{ field: 'status', base: undefined, current: 'completed', proposed: 'in_progress', moved: false, changes: true }]);
  });
});
