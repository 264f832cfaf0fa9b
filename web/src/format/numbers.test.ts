import { describe, expect, it } from 'vitest';
import { formatCount, formatMoney, formatMoneyCompact, formatPercent, formatYear } from './numbers.ts';

describe('number formats', () => {
  it('writes Arabic-Indic digits in Arabic and Latin digits in English', () => {
    expect(formatCount(1234, 'ar')).toBe('١٬٢٣٤');
    expect(formatCount(1234, 'en')).toBe('1,234');
  });

  it('writes a year without grouping', () => {
    expect(formatYear(2026, 'ar')).toBe('٢٠٢٦');
    expect(formatYear(2026, 'en')).toBe('2026');
  });

  it('writes percentages from 0–100 values, and a dash when unknown', () => {
    expect(formatPercent(53.34, 'en')).toBe('53.3%');
    expect(formatPercent(53.34, 'ar')).toMatch(/^٥٣٫٣/);
    expect(formatPercent(null, 'ar')).toBe('—');
  });

  it('writes budgets compactly', () => {
    expect(formatMoneyCompact(951_655_000, 'en')).toBe('US$951.7m');
    expect(formatMoneyCompact(951_655_000, 'ar')).toContain('٩٥١٫٧');
    expect(formatMoneyCompact(null, 'en')).toBe('—');
    expect(formatMoney(438_000, 'en')).toBe('US$438,000');
  });
});
