import type { MatrixCell, MatrixColumn, PlanMatrix } from '@marsad/contracts';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

/**
 * The matrix as a table for files: one row per governorate, then the country's; for each column
 * of the matrix its target, achieved, % of target and % of target to date (for a donor, who sees
 * no targets: achieved only). Headers in English and Arabic. Pure: a PlanMatrix in, rows out.
 */

type Value = string | number | null;

interface Measure {
  key: keyof Pick<MatrixCell, 'target' | 'achieved' | 'pct_of_target' | 'pct_of_target_to_date'>;
  en: string;
  ar: string;
  percent: boolean;
}

const MEASURES: readonly Measure[] = [
  { key: 'target', en: 'target', ar: 'الهدف', percent: false },
  { key: 'achieved', en: 'achieved', ar: 'المنجز', percent: false },
  { key: 'pct_of_target', en: '% of target', ar: '٪ من الهدف', percent: true },
  { key: 'pct_of_target_to_date', en: '% of target to date', ar: '٪ من هدف المدة', percent: true },
];

export interface MatrixTable {
  header: string[];
  /** Which columns are percentages (for number formats). */
  percent: boolean[];
  rows: Value[][];
  /** The index of the national row in `rows`, if there is one. */
  nationalRow: number | null;
}

function columnTitle(matrix: PlanMatrix, column: MatrixColumn): { en: string; ar: string } {
  const indicator = matrix.indicators.find((i) => i.code === column.indicator);
  const sector = column.sector ? ` (${column.sector})` : '';
  return { en: `${indicator?.name_en ?? column.indicator}${sector}`, ar: `${indicator?.name_ar ?? column.indicator}${sector}` };
}

export function matrixTable(matrix: PlanMatrix): MatrixTable {
  const measures = matrix.shows_targets ? MEASURES : MEASURES.filter((m) => m.key === 'achieved');
  const header = ['Governorate code · رمز المحافظة', 'Governorate · المحافظة', 'المحافظة'];
  const percent = [false, false, false];
  for (const column of matrix.columns) {
    const title = columnTitle(matrix, column);
    for (const measure of measures) {
      header.push(`${title.en}: ${measure.en} · ${title.ar}: ${measure.ar}`);
      percent.push(measure.percent);
    }
  }
  const rowOf = (code: string, nameEn: string, nameAr: string, cells: readonly MatrixCell[]): Value[] => [
    code,
    nameEn,
    nameAr,
    ...matrix.columns.flatMap((column) => {
      const cell = cells.find((c) => c.key === column.key);
      return measures.map((m) => cell?.[m.key] ?? null);
    }),
  ];
  const rows = matrix.rows.map((row) => rowOf(row.governorate ?? matrix.country, row.name_en, row.name_ar, row.cells));
  if (matrix.national) rows.push(rowOf(matrix.country, matrix.national.name_en, matrix.national.name_ar, matrix.national.cells));
  return { header, percent, rows, nationalRow: matrix.national ? rows.length - 1 : null };
}

/** The matrix as CSV: UTF-8 with a byte order mark (Excel reads the Arabic), CRLF, text that looks like a formula defused. */
export function matrixCsv(matrix: PlanMatrix): string {
  const table = matrixTable(matrix);
  return '\uFEFF' + stringify([table.header, ...table.rows], { record_delimiter: 'windows', escape_formulas: true });
}

/** The matrix as an .xlsx workbook: sheet "Matrix" (numbers as numbers, the country's row in bold) and sheet "About". */
export async function matrixXlsx(matrix: PlanMatrix, context: { sector: string | null; exportedAt: Date }): Promise<Uint8Array> {
  const table = matrixTable(matrix);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Marsad';
  workbook.created = context.exportedAt;
  const sheet = workbook.addWorksheet('Matrix', { views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }] });
  sheet.columns = table.header.map((_, i) => ({ width: i < 3 ? 20 : 18, ...(table.percent[i] ? { style: { numFmt: '0.0' } } : {}) }));
  const header = sheet.addRow(table.header);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  table.rows.forEach((values, i) => {
    const row = sheet.addRow(values);
    if (i === table.nationalRow) row.font = { bold: true };
  });
  const about = workbook.addWorksheet('About');
  about.columns = [{ width: 34 }, { width: 80 }];
  for (const [label, value] of [
    ['Marsad plan matrix · مصفوفة الخطة', `${matrix.country} ${matrix.year}`],
    ['Counted as of · محسوب حتى', matrix.as_of],
    ['Plan version in force · النسخة النافذة', matrix.plan_version === null ? 'none approved yet' : String(matrix.plan_version)],
    ['Sector · القطاع', context.sector ?? 'all'],
    ['Exported at (UTC) · وقت التصدير', context.exportedAt.toISOString()],
    [
      'Notes',
      'Target: the year\'s target of the plan in force. % of target to date: achieved against what the quarterly phasing expects by the date above. ' +
        'For lower-is-better indicators attainment is target / achieved. Rates roll up from summed numerators and denominators.',
    ],
  ] as const) {
    const line = about.addRow([label, value]);
    line.getCell(1).font = { bold: true };
    line.getCell(2).alignment = { wrapText: true };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
