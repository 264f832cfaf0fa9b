import { describe, expect, it } from 'vitest';
import type { IndicatorReturn, ReturnStatus } from './planningApi.ts';
import { byGovernorate, countStates, localToday, periodRows, rateValue, stateOf } from './returnPeriods.ts';

let nextId = 1;
const submitted = (period: string, at: string, late: boolean, value = 1): IndicatorReturn => ({
  id: nextId++,
  indicator: 'building_permits_issued',
  governorate: 'SY-DI',
  period,
  value,
  denominator: null,
  note: null,
  submitted_by: 'engineer',
  submitted_at: at,
  due_on: '2026-01-01',
  late,
  is_correction: false,
});

const status = (period: string, state: ReturnStatus['state'], governorate = 'SY-DI', due_on = '2026-02-15'): ReturnStatus => ({
  indicator: 'building_permits_issued',
  governorate,
  period,
  due_on,
  state,
  value: null,
  denominator: null,
  submitted_at: null,
});

const monthly = { code: 'building_permits_issued', frequency: 'monthly' as const, return_due_days: 15 };

describe('the periods of a return', () => {
  it('reads today on the device calendar', () => {
    expect(localToday(new Date(2026, 2, 5, 23, 30))).toBe('2026-03-05');
  });

  it('is late when the first submission was, whatever a correction did after; never missing when not asked for', () => {
    expect(stateOf([submitted('2026-01', '2026-02-20T10:00:00Z', true), submitted('2026-01', '2026-02-01T10:00:00Z', false)])).toBe('on_time');
    expect(stateOf([submitted('2026-01', '2026-02-20T10:00:00Z', true)])).toBe('late');
    expect(stateOf([])).toBe('not_expected');
  });

  it('lists every month with its due date, the API state when expected, the latest value and the history', () => {
    const first = submitted('2026-01', '2026-02-01T08:00:00Z', false, 10);
    const correction = { ...submitted('2026-01', '2026-02-03T08:00:00Z', false, 12), is_correction: true };
    const rows = periodRows(monthly, 'SY-DI', 2026, [correction, first, { ...first, id: 99, governorate: 'SY-HL' }], [status('2026-02', 'missing', 'SY-DI', '2026-03-15')], '2026-03-20');
    expect(rows).toHaveLength(12);
    expect(rows[0]).toMatchObject({ period: '2026-01', dueOn: '2026-02-15', state: 'on_time', expected: false, open: true });
    expect(rows[0]!.latest?.value).toBe(12);
    expect(rows[0]!.history.map((r) => r.value)).toEqual([10, 12]);
    expect(rows[1]).toMatchObject({ period: '2026-02', dueOn: '2026-03-15', state: 'missing', expected: true, latest: null });
    expect(rows[2]).toMatchObject({ period: '2026-03', state: 'not_expected', open: true });
    expect(rows[3]).toMatchObject({ period: '2026-04', state: 'not_expected', open: false });
  });

  it('has quarters for a quarterly indicator and nothing for a computed one', () => {
    expect(periodRows({ ...monthly, frequency: 'quarterly' }, 'SY-DI', 2026, [], [], '2026-05-01').map((r) => [r.period, r.dueOn])).toEqual([
      ['2026-Q1', '2026-04-15'],
      ['2026-Q2', '2026-07-15'],
      ['2026-Q3', '2026-10-15'],
      ['2026-Q4', '2027-01-15'],
    ]);
    expect(periodRows({ ...monthly, frequency: null }, 'SY-DI', 2026, [], [], '2026-05-01')).toEqual([]);
  });

  it('reads a rate from its numerator and denominator', () => {
    expect(rateValue(45, 60, 100)).toBe(75);
    expect(rateValue(45, null, 100)).toBeNull();
    expect(rateValue(7, null, null)).toBe(7);
  });

  it('groups missing and late returns by governorate, the most missing first', () => {
    const items = [status('2026-01', 'on_time', 'SY-DI'), status('2026-02', 'late', 'SY-DI'), status('2026-01', 'missing', 'SY-HL', '2026-02-15'), status('2026-02', 'missing', 'SY-HL', '2026-03-15')];
    const groups = byGovernorate(items);
    expect(groups.map((g) => g.governorate)).toEqual(['SY-HL', 'SY-DI']);
    expect(groups[0]!.counts).toEqual({ on_time: 0, late: 0, missing: 2, not_due: 0 });
    expect(groups[0]!.overdue.map((r) => r.period)).toEqual(['2026-01', '2026-02']);
    expect(groups[1]!.overdue.map((r) => r.state)).toEqual(['late']);
    expect(countStates(items)).toEqual({ on_time: 1, late: 1, missing: 2, not_due: 0 });
    expect(countStates([{ state: 'not_expected' }, { state: 'not_due' }])).toEqual({ on_time: 0, late: 0, missing: 0, not_due: 1 });
  });
});
