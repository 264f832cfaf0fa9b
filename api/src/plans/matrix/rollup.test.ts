import { describe, expect, it } from 'vitest';
import { achievedFrom, attainment, rollUpAchieved, rollUpTarget, targetToDate, type Quarters } from './rollup.ts';

const flowSum = { rollup: 'sum', temporal: 'flow', better: 'higher', rate_per: null } as const;
const stockSum = { rollup: 'sum', temporal: 'stock', better: 'higher', rate_per: null } as const;
const flowRate = { rollup: 'rate', temporal: 'flow', better: 'higher', rate_per: 100 } as const;
const daysRate = { rollup: 'rate', temporal: 'flow', better: 'lower', rate_per: 1 } as const;

describe('achieved from monthly facts', () => {
  const facts = [
    { month: '2026-01', value: 2, numerator: 50, denominator: 100 },
    { month: '2026-03', value: 3, numerator: 90, denominator: 100 },
    { month: '2026-07', value: 4, numerator: 10, denominator: 200 },
  ];

  it('adds a flow up to the month asked, and says null with nothing to count', () => {
    expect(achievedFrom(flowSum, facts, '2026-06').value).toBe(5);
    expect(achievedFrom(flowSum, facts, '2026-12').value).toBe(9);
    expect(achievedFrom(flowSum, facts, '2025-12').value).toBeNull();
  });

  it('takes the latest level of a stock', () => {
    expect(achievedFrom(stockSum, facts, '2026-06').value).toBe(3);
    expect(achievedFrom(stockSum, facts, '2026-12').value).toBe(4);
  });

  it('divides summed numerators by summed denominators for a rate, not the mean of the monthly rates', () => {
    const achieved = achievedFrom(flowRate, facts, '2026-12');
    expect(achieved).toEqual({ value: (150 / 400) * 100, numerator: 150, denominator: 400 });
    const meanOfRates = ((50 / 100 + 90 / 100 + 10 / 200) / 3) * 100;
    expect(achieved.value).not.toBeCloseTo(meanOfRates);
  });
});

describe('governorates roll up to the country', () => {
  it('sums a sum', () => {
    const parts = [{ value: 7, numerator: null, denominator: null }, { value: null, numerator: null, denominator: null }, { value: 5, numerator: null, denominator: null }];
    expect(rollUpAchieved(flowSum, parts).value).toBe(12);
  });

  it('computes a rate from Σ numerators / Σ denominators', () => {
    // A small governorate at 100 % and a large one at 10 %: the country is at 11.8 %, not 55 %.
    const parts = [{ value: 100, numerator: 10, denominator: 10 }, { value: 10, numerator: 100, denominator: 1000 }];
    expect(rollUpAchieved(flowRate, parts).value).toBeCloseTo((110 / 1010) * 100, 10);
  });

  it('weights a rate target by the governorates\' denominators', () => {
    const target = rollUpTarget(flowRate, [
      { target: 90, achieved: { value: 100, numerator: 10, denominator: 10 } },
      { target: 60, achieved: { value: 10, numerator: 100, denominator: 1000 } },
      { target: 80, achieved: { value: null, numerator: null, denominator: null } },
    ]);
    expect(target).toBeCloseTo((90 * 10 + 60 * 1000) / 1010, 10);
    expect(rollUpTarget(flowSum, [{ target: 3, achieved: { value: 1, numerator: null, denominator: null } }, { target: null, achieved: { value: 9, numerator: null, denominator: null } }])).toBe(3);
  });
});

describe('target to date, phased by quarter', () => {
  const quarters: Quarters = [2, 5, 9, 12];

  it('grows a flow linearly within each quarter from the previous quarter\'s target', () => {
    expect(targetToDate(flowSum, quarters, 2026, '2025-12-31')).toBeNull();
    expect(targetToDate(flowSum, quarters, 2026, '2026-01-01')).toBeCloseTo(2 * (1 / 90), 10);
    expect(targetToDate(flowSum, quarters, 2026, '2026-03-31')).toBeCloseTo(2, 10);
    // 30 September: the end of Q3, 9; 15 August: 46 of Q3's 92 days, halfway from 5 to 9.
    expect(targetToDate(flowSum, quarters, 2026, '2026-09-30')).toBeCloseTo(9, 10);
    expect(targetToDate(flowSum, quarters, 2026, '2026-08-15')).toBeCloseTo(5 + 4 * (46 / 92), 10);
    expect(targetToDate(flowSum, quarters, 2026, '2026-12-31')).toBeCloseTo(12, 10);
    expect(targetToDate(flowSum, quarters, 2026, '2027-03-01')).toBe(12);
  });

  it('holds a stock or a rate at the level set for the current quarter', () => {
    expect(targetToDate(stockSum, quarters, 2026, '2026-02-10')).toBe(2);
    expect(targetToDate(stockSum, quarters, 2026, '2026-08-15')).toBe(9);
    expect(targetToDate(flowRate, [60, 70, 80, 85], 2026, '2026-11-01')).toBe(85);
  });
});

describe('attainment', () => {
  it('is achieved / target when higher is better', () => {
    expect(attainment(flowSum, 7, 12)).toBeCloseTo(58.33, 2);
    expect(attainment(flowSum, 7, 0)).toBeNull();
    expect(attainment(flowSum, null, 12)).toBeNull();
  });

  it('is target / achieved when lower is better', () => {
    expect(attainment(daysRate, 40, 30)).toBeCloseTo(75, 10);
    expect(attainment(daysRate, 20, 30)).toBeCloseTo(150, 10);
    expect(attainment(daysRate, 0, 30)).toBe(100);
  });
});
