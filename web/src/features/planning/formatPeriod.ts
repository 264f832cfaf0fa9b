import { formatMonth } from '../../format/dates.ts';
import { formatYear } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';

/** A return period as people say it: `نوفمبر ٢٠٢٦` / `Nov 2026` for a month, `الربع ٤ ٢٠٢٦` / `Q4 2026` for a quarter. */
export function formatPeriod(period: string, language: Language): string {
  if (period[5] !== 'Q') return formatMonth(period, language);
  const year = formatYear(Number(period.slice(0, 4)), language);
  const quarter = formatYear(Number(period.slice(6)), language);
  return language === 'ar' ? `الربع ${quarter} ${year}` : `Q${quarter} ${year}`;
}
