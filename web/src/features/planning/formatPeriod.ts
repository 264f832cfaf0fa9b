import { formatMonth } from '../../format/dates.ts';
import { INTL_LOCALES } from '../../format/locale.ts';
import type { Language } from '../../i18n/language.ts';

/** A year or a small number without grouping: `٢٠٢٦` / `2026`. */
export function formatPlain(value: number, language: Language): string {
  return new Intl.NumberFormat(INTL_LOCALES[language], { useGrouping: false, maximumFractionDigits: 2 }).format(value);
}

/** A return period as people say it: `نوفمبر ٢٠٢٦` / `Nov 2026` for a month, `الربع ٤ ٢٠٢٦` / `Q4 2026` for a quarter. */
export function formatPeriod(period: string, language: Language): string {
  if (period[5] !== 'Q') return formatMonth(period, language);
  const year = formatPlain(Number(period.slice(0, 4)), language);
  const quarter = formatPlain(Number(period.slice(6)), language);
  return language === 'ar' ? `الربع ${quarter} ${year}` : `Q${quarter} ${year}`;
}
