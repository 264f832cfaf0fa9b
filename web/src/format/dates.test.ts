import { describe, expect, it } from 'vitest';
import { formatDualDate, formatMonth, parseIsoDay } from './dates.ts';

describe('dates', () => {
  it('reads the calendar day of an ISO date or timestamp', () => {
    expect(parseIsoDay('2025-11-22')?.toISOString()).toBe('2025-11-22T12:00:00.000Z');
    expect(parseIsoDay('2025-11-22T23:30:00Z')?.toISOString()).toBe('2025-11-22T12:00:00.000Z');
    expect(parseIsoDay('22/11/2025')).toBeNull();
  });

  it('gives the Gregorian date and the Umm al-Qura date, in English', () => {
    expect(formatDualDate('2025-11-22', 'en')).toEqual({ gregorian: '22 November 2025', hijri: '1 Jumada II 1447 AH' });
  });

  it('gives both dates in Arabic with Arabic-Indic digits and Gregorian month names', () => {
    const date = formatDualDate('2025-11-22', 'ar');
    expect(date?.gregorian).toBe('٢٢ نوفمبر ٢٠٢٥');
    expect(date?.hijri).toContain('جمادى الآخرة');
    expect(date?.hijri).toContain('١٤٤٧');
  });

  it('gives null for a missing date', () => {
    expect(formatDualDate(null, 'ar')).toBeNull();
    expect(formatDualDate('soon', 'ar')).toBeNull();
  });

  it('names months for chart axes', () => {
    expect(formatMonth('2025-11', 'en')).toBe('Nov 2025');
    expect(formatMonth('2025-11', 'ar')).toBe('نوفمبر ٢٠٢٥');
  });
});
