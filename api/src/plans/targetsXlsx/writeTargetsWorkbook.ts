import ExcelJS from 'exceljs';
import { headerText, TARGETS_COLUMNS, TARGETS_SHEET, type TargetsColumn } from './targetsSheet.ts';

/** One row of the download: a target line with the names people read, quarters empty in a template. */
export type TargetsSheetRow = Record<Exclude<TargetsColumn['key'], 'sector' | 'q1' | 'q2' | 'q3' | 'q4'>, string> & {
  sector: string | null;
  quarters: readonly [number, number, number, number] | null;
};

export interface TargetsWorkbookAbout {
  country: string;
  year: number;
  /** The version's number and status, or null for a template of a plan not yet made. */
  version: { number: number; status: string; version: number } | null;
  template: boolean;
  exportedAt: Date;
}

/**
 * The targets as an .xlsx workbook: sheet "Targets" (one row per line, bilingual header, frozen)
 * and sheet "About" (which plan and version, how to fill it in). Quarters are plain numbers in
 * the General format, written in JavaScript's shortest exact form, so reading them back gives
 * the same numbers, decimals included.
 */
export async function writeTargetsWorkbook(rows: readonly TargetsSheetRow[], about: TargetsWorkbookAbout): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Marsad';
  workbook.created = about.exportedAt;
  const sheet = workbook.addWorksheet(TARGETS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = TARGETS_COLUMNS.map((column) => ({ key: column.key, width: column.width }));
  const header = sheet.addRow(TARGETS_COLUMNS.map(headerText));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  for (const row of rows) {
    sheet.addRow(
      TARGETS_COLUMNS.map((column) => {
        if (column.key === 'sector') return row.sector;
        if (column.key.startsWith('q') && column.key.length === 2) return row.quarters ? row.quarters[Number(column.key[1]) - 1]! : null;
        return row[column.key as keyof Omit<TargetsSheetRow, 'sector' | 'quarters'>];
      }),
    );
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: TARGETS_COLUMNS.length } };

  const sheetAbout = workbook.addWorksheet('About');
  sheetAbout.columns = [{ width: 30 }, { width: 100 }];
  const version = about.version ? `${about.version.number} (${about.version.status}; version ${about.version.version})` : 'none yet: a template';
  for (const [label, value] of [
    ['Marsad plan targets · أهداف الخطة', `${about.country} ${about.year}`],
    ['Plan version · نسخة الخطة', version],
    ['Exported at (UTC) · وقت التصدير', about.exportedAt.toISOString()],
    [
      'How to fill it in',
      'One row per governorate × indicator (× sector, for computed indicators only). Q1…Q4 are cumulative: what should be reached by the end of ' +
        'each quarter; Q4 is the year\'s target. A row with all four quarters empty sets no target. Percentages are at most 100. ' +
        'Upload it to the draft with a dry run first: every bad cell is listed, and nothing changes until the file is clean.',
    ],
    [
      'طريقة التعبئة',
      'سطر لكل محافظة × مؤشر (× قطاع للمؤشرات المحسوبة فقط). الأرباع تراكمية: ما يجب بلوغه في نهاية كل ربع، والربع الرابع هو هدف السنة. ' +
        'السطر الذي تُترك أرباعه الأربعة فارغة لا يضع هدفاً. النسب المئوية لا تتجاوز 100. ارفع الملف إلى المسودة بتجربة أولاً: تُذكر كل خلية خاطئة ولا يتغير شيء حتى يسلم الملف.',
    ],
  ] as const) {
    const line = sheetAbout.addRow([label, value]);
    line.getCell(1).font = { bold: true };
    line.getCell(2).alignment = { wrapText: true };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
