import type { MatrixCell } from '@marsad/contracts';
import { describe, expect, it } from 'vitest';
import {
  ATTAINMENT_CLASSES,
  ATTAINMENT_COLORS,
  ATTAINMENT_SYMBOLS,
  attainmentClass,
  cellState,
  formatAttainment,
  formatCellAddress,
  formatIndicatorValue,
  parseCellAddress,
  revisedTarget,
} from './attainment.ts';

const cell = (over: Partial<MatrixCell>): MatrixCell => ({
  key: 'service_centres_opened',
  target: 12,
  original_target: null,
  target_to_date: 9,
  achieved: 7,
  numerator: null,
  denominator: null,
  pct_of_target: 58.3,
  pct_of_target_to_date: 77.8,
  returns_missing: 0,
  returns_late: 0,
  ...over,
});

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Machado et al. (2009) deuteranopia, severity 1, on linear RGB; returns the luminance seen. */
function deuteranopeLuminance(hex: string): number {
  const lin = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const m = [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ];
  const [r, g, b] = m.map((row) => Math.min(1, Math.max(0, row[0]! * lin[0] + row[1]! * lin[1] + row[2]! * lin[2]))) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe('attainment classes', () => {
  it('classes the percent of the target to date at 50, 80, 100 and 120', () => {
    expect(attainmentClass(0)).toBe('well_behind');
    expect(attainmentClass(49.9)).toBe('well_behind');
    expect(attainmentClass(50)).toBe('behind');
    expect(attainmentClass(79.9)).toBe('behind');
    expect(attainmentClass(80)).toBe('near');
    expect(attainmentClass(99.9)).toBe('near');
    expect(attainmentClass(100)).toBe('on_track');
    expect(attainmentClass(119)).toBe('on_track');
    expect(attainmentClass(120)).toBe('ahead');
    expect(attainmentClass(400)).toBe('ahead');
  });

  it('writes a symbol for behind, near and ahead, so colour is never alone', () => {
    expect(ATTAINMENT_CLASSES.map((c) => ATTAINMENT_SYMBOLS[c])).toEqual(['▼', '▼', '●', '▲', '▲']);
  });

  it('keeps text readable on every class colour (WCAG AA, 4.5:1)', () => {
    for (const c of ATTAINMENT_CLASSES) expect(contrast(ATTAINMENT_COLORS[c].background, ATTAINMENT_COLORS[c].ink), c).toBeGreaterThanOrEqual(4.5);
  });

  it('stays ordered for a reader with deuteranopia: each side of "near" gets darker away from it', () => {
    const seen = ATTAINMENT_CLASSES.map((c) => deuteranopeLuminance(ATTAINMENT_COLORS[c].background));
    const [wellBehind, behind, near, onTrack, ahead] = seen as [number, number, number, number, number];
    expect(wellBehind).toBeLessThan(behind);
    expect(behind).toBeLessThan(near);
    expect(ahead).toBeLessThan(onTrack);
    expect(onTrack).toBeLessThan(near);
  });

  it('says what a cell shows: no target, nothing due, nothing counted, achieved only for donors', () => {
    expect(cellState(cell({}), true)).toBe('behind');
    expect(cellState(cell({}), false)).toBe('achieved_only');
    expect(cellState(cell({ target: null, pct_of_target: null, pct_of_target_to_date: null }), true)).toBe('no_target');
    expect(cellState(cell({ target_to_date: 0, pct_of_target_to_date: null }), true)).toBe('not_due');
    expect(cellState(cell({ achieved: null, pct_of_target_to_date: null }), true)).toBe('no_data');
    expect(cellState(cell({ pct_of_target_to_date: 130 }), true)).toBe('ahead');
  });

  it('shows the original target only when a revision changed it', () => {
    expect(revisedTarget(cell({}))).toBe(false);
    expect(revisedTarget(cell({ original_target: 12 }))).toBe(false);
    expect(revisedTarget(cell({ original_target: 10 }))).toBe(true);
    expect(revisedTarget(cell({ original_target: 10, target: null }))).toBe(false);
  });
});

describe('indicator values', () => {
  const count = { unit_en: 'centres', rate_per: null, rollup: 'sum' } as const;
  it('writes numbers in the reader\'s digits', () => {
    expect(formatIndicatorValue(7, count, 'en')).toBe('7');
    expect(formatIndicatorValue(1234.5, count, 'ar')).toBe('١٬٢٣٤٫٥');
    expect(formatIndicatorValue(null, count, 'ar')).toBe('—');
    expect(formatIndicatorValue(63.25, { unit_en: '%', rate_per: 100, rollup: 'rate' }, 'en')).toBe('63.3%');
    expect(formatIndicatorValue(2_500_000, { unit_en: 'USD', rate_per: null, rollup: 'sum' }, 'en')).toBe('US$2.5m');
    expect(formatAttainment(58.33, 'en')).toBe('58%');
    expect(formatAttainment(58.33, 'ar')).toBe('٥٨٪؜');
    expect(formatAttainment(null, 'ar')).toBe('—');
  });
});

describe('cell address in the URL', () => {
  it('reads and writes governorate:column and national:column', () => {
    expect(parseCellAddress('SY-HL:service_centres_opened')).toEqual({ governorate: 'SY-HL', column: 'service_centres_opened' });
    expect(parseCellAddress('national:projects_completed:water')).toEqual({ governorate: null, column: 'projects_completed:water' });
    expect(formatCellAddress({ governorate: null, column: 'x_y' })).toBe('national:x_y');
    expect(formatCellAddress({ governorate: 'LY-MI', column: 'a_b:health' })).toBe('LY-MI:a_b:health');
  });

  it('refuses anything else', () => {
    for (const bad of [null, '', 'SY-HL', 'SY-HL:', ':service', 'sy-hl:service', 'SY-HL:Service', 'SY-HL:a b', 'nation:abc']) {
      expect(parseCellAddress(bad), String(bad)).toBeNull();
    }
  });
});
