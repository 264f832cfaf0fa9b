/**
 * The targets workbook's one sheet, as both the download and the upload read it: its name, its
 * columns (headers in English and Arabic, found again on upload by their English words or key).
 */

export const TARGETS_SHEET = 'Targets';

export interface TargetsColumn {
  key: 'governorate' | 'governorate_en' | 'governorate_ar' | 'indicator' | 'indicator_en' | 'indicator_ar' | 'unit' | 'sector' | 'q1' | 'q2' | 'q3' | 'q4';
  en: string;
  ar: string;
  width: number;
  /** Read back on upload (the others are there for people). */
  read: 'required' | 'optional' | 'ignored';
}

export const TARGETS_COLUMNS: readonly TargetsColumn[] = [
  { key: 'governorate', en: 'Governorate code', ar: 'رمز المحافظة', width: 18, read: 'required' },
  { key: 'governorate_en', en: 'Governorate', ar: 'المحافظة (إنجليزي)', width: 22, read: 'ignored' },
  { key: 'governorate_ar', en: 'Governorate (Arabic)', ar: 'المحافظة', width: 22, read: 'ignored' },
  { key: 'indicator', en: 'Indicator code', ar: 'رمز المؤشر', width: 28, read: 'required' },
  { key: 'indicator_en', en: 'Indicator', ar: 'المؤشر (إنجليزي)', width: 40, read: 'ignored' },
  { key: 'indicator_ar', en: 'Indicator (Arabic)', ar: 'المؤشر', width: 40, read: 'ignored' },
  { key: 'unit', en: 'Unit', ar: 'الوحدة', width: 22, read: 'ignored' },
  { key: 'sector', en: 'Sector', ar: 'القطاع', width: 14, read: 'optional' },
  { key: 'q1', en: 'Q1 (cumulative)', ar: 'الربع الأول (تراكمي)', width: 16, read: 'required' },
  { key: 'q2', en: 'Q2 (cumulative)', ar: 'الربع الثاني (تراكمي)', width: 16, read: 'required' },
  { key: 'q3', en: 'Q3 (cumulative)', ar: 'الربع الثالث (تراكمي)', width: 16, read: 'required' },
  { key: 'q4', en: 'Q4 = year (cumulative)', ar: 'الربع الرابع = السنة (تراكمي)', width: 18, read: 'required' },
];

export const QUARTER_KEYS = ['q1', 'q2', 'q3', 'q4'] as const;

/** A header cell's text: English, then Arabic. */
export const headerText = (column: TargetsColumn) => `${column.en} · ${column.ar}`;

/** Whether a header cell names `column`: its English words (before the ·) or its key, in any case. */
export function headerNames(text: string, column: TargetsColumn): boolean {
  const english = text.split('·')[0]!.trim().toLowerCase();
  return english === column.en.toLowerCase() || english === column.key;
}

/** A 1-based column number as its letter(s): 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
