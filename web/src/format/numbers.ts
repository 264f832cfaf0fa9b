import type { Language } from '../i18n/language.ts';
import { INTL_LOCALES } from './locale.ts';

const cache = new Map<string, Intl.NumberFormat>();

function formatter(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let found = cache.get(key);
  if (found === undefined) {
    found = new Intl.NumberFormat(INTL_LOCALES[language], options);
    cache.set(key, found);
  }
  return found;
}

/** A count: `١٬٢٣٤` / `1,234`. */
export function formatCount(value: number, language: Language): string {
  return formatter(language, { maximumFractionDigits: 0 }).format(value);
}

/** A plain number with up to two decimals: `١٢٫٥` / `12.5`. */
export function formatNumber(value: number, language: Language): string {
  return formatter(language, { maximumFractionDigits: 2 }).format(value);
}

/** A percentage given as 0–100: `٥٣٫٣٪` / `53.3%`; `—` when unknown. */
export function formatPercent(value: number | null, language: Language, fractionDigits = 1): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return formatter(language, { style: 'percent', maximumFractionDigits: fractionDigits }).format(value / 100);
}

/** A budget, compact: `‏٩٥١٫٧ مليون US$` / `US$951.7m`. */
export function formatMoneyCompact(value: number | null, language: Language, currency = 'USD'): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return formatter(language, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(value);
}

/** A budget in full: `US$438,000`. */
export function formatMoney(value: number | null, language: Language, currency = 'USD'): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return formatter(language, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
}

/** A year, without grouping: `٢٠٢٦` / `2026`. */
export function formatYear(value: number, language: Language): string {
  return formatter(language, { useGrouping: false, maximumFractionDigits: 0 }).format(value);
}
