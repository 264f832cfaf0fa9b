import type { ProjectExportRow } from './projectExportRows.ts';

/** How a column's values are written: CSV prints them, XLSX types the cell. */
export type ExportCellType = 'text' | 'integer' | 'number' | 'money' | 'percent' | 'date' | 'boolean' | 'coordinate';

export interface ExportColumn<Row = ProjectExportRow> {
  /** The row field, and the stable English header. */
  key: Extract<keyof Row, string>;
  /** Header when `lang=ar`. */
  ar: string;
  type: ExportCellType;
  /** Spreadsheet column width, in characters. */
  width: number;
}

/**
 * The columns of a project export, in order: one row per project. CSV and XLSX share this
 * list (XLSX stops before `wkt`); GeoJSON uses the same keys as flat properties.
 */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { key: 'id', ar: 'المعرّف', type: 'integer', width: 8 },
  { key: 'code', ar: 'الرمز', type: 'text', width: 18 },
  { key: 'kind', ar: 'النوع', type: 'text', width: 20 },
  { key: 'sector', ar: 'القطاع', type: 'text', width: 13 },
  { key: 'title_ar', ar: 'العنوان بالعربية', type: 'text', width: 40 },
  { key: 'title_en', ar: 'العنوان بالإنجليزية', type: 'text', width: 40 },
  { key: 'status', ar: 'الحالة', type: 'text', width: 12 },
  { key: 'physical_progress', ar: 'نسبة الإنجاز المادي (%)', type: 'percent', width: 10 },
  { key: 'financial_progress', ar: 'نسبة الإنجاز المالي (%)', type: 'percent', width: 10 },
  { key: 'budget', ar: 'الميزانية', type: 'money', width: 16 },
  { key: 'currency', ar: 'العملة', type: 'text', width: 8 },
  { key: 'spent', ar: 'المصروف', type: 'money', width: 16 },
  { key: 'planned_start', ar: 'البداية المخططة', type: 'date', width: 12 },
  { key: 'planned_end', ar: 'النهاية المخططة', type: 'date', width: 12 },
  { key: 'actual_start', ar: 'البداية الفعلية', type: 'date', width: 12 },
  { key: 'actual_end', ar: 'النهاية الفعلية', type: 'date', width: 12 },
  { key: 'last_update_on', ar: 'تاريخ آخر تحديث', type: 'date', width: 12 },
  { key: 'delayed', ar: 'متأخر', type: 'boolean', width: 8 },
  { key: 'stale', ar: 'بلا تحديث حديث', type: 'boolean', width: 8 },
  { key: 'delay_days', ar: 'أيام التأخير', type: 'integer', width: 8 },
  { key: 'country', ar: 'الدولة', type: 'text', width: 8 },
  { key: 'governorate', ar: 'رمز المحافظة', type: 'text', width: 10 },
  { key: 'governorate_name_ar', ar: 'المحافظة بالعربية', type: 'text', width: 22 },
  { key: 'governorate_name_en', ar: 'المحافظة بالإنجليزية', type: 'text', width: 22 },
  { key: 'funders', ar: 'الجهات الممولة', type: 'text', width: 24 },
  { key: 'longitude', ar: 'خط الطول', type: 'coordinate', width: 12 },
  { key: 'latitude', ar: 'خط العرض', type: 'coordinate', width: 12 },
  { key: 'is_demo', ar: 'بيانات تجريبية', type: 'boolean', width: 8 },
  { key: 'wkt', ar: 'الشكل الهندسي (WKT)', type: 'text', width: 40 },
];

/** The columns of a spreadsheet: everything but the WKT geometry (a cell holds at most 32,767 characters). */
export const SPREADSHEET_COLUMNS = EXPORT_COLUMNS.filter((column) => column.key !== 'wkt');

export type HeaderLanguage = 'en' | 'ar';

export const columnHeader = <Row>(column: ExportColumn<Row>, lang: HeaderLanguage): string => (lang === 'ar' ? column.ar : column.key);
