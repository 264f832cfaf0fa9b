import type { Indicator, MatrixCell, PlanMatrix } from '@marsad/contracts';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { matrixCsv, matrixTable, matrixXlsx } from './matrixTable.ts';

const indicator = (code: string, name_en: string, name_ar: string): Indicator => ({
  code, name_en, name_ar, unit_en: 'u', unit_ar: 'و', better: 'higher', rollup: 'sum', temporal: 'flow', rate_per: null, source: 'computed',
  definition: 'projects_completed', filter_kind: null, filter_sector: null, filter_development: null, frequency: null, return_due_days: 15,
  framework: null, framework_code: null,
});

const cell = (key: string, target: number | null, achieved: number | null, pct: number | null, pctToDate: number | null): MatrixCell => ({
  key, target, original_target: null, target_to_date: null, achieved, numerator: null, denominator: null,
  pct_of_target: pct, pct_of_target_to_date: pctToDate, returns_missing: 0, returns_late: 0,
});

/** A matrix written by hand: two governorates, two columns (one per sector), the country's row. */
const MATRIX: PlanMatrix = {
  country: 'SYR',
  year: 2026,
  as_of: '2026-09-30',
  plan_version: 2,
  shows_targets: true,
  indicators: [indicator('service_centres_opened', 'Citizen service centres opened', 'مراكز خدمة المواطن'), indicator('schools_rehabilitated', 'Schools', 'المدارس')],
  columns: [
    { key: 'service_centres_opened', indicator: 'service_centres_opened', sector: null },
    { key: 'schools_rehabilitated:education', indicator: 'schools_rehabilitated', sector: 'education' },
  ],
  rows: [
    { governorate: 'SY-HL', name_en: 'Aleppo', name_ar: 'حلب', cells: [cell('service_centres_opened', 12, 7, 58.333333333333336, 77.77777777777777), cell('schools_rehabilitated:education', null, 3, null, null)] },
    { governorate: 'SY-DI', name_en: 'Damascus', name_ar: 'دمشق', cells: [cell('schools_rehabilitated:education', 4, 0, 0, 0), cell('service_centres_opened', 2, 2.5, 125, 125)] },
  ],
  national: { governorate: null, name_en: 'Syria', name_ar: 'سوريا', cells: [cell('service_centres_opened', 14, 9.5, 67.85714285714286, 80), cell('schools_rehabilitated:education', 4, 3, 75, 75)] },
};

describe('the matrix as a table', () => {
  it('gives each governorate, then the country, the target, achieved and both attainments of every column', () => {
    const table = matrixTable(MATRIX);
    expect(table.header).toHaveLength(3 + 2 * 4);
    expect(table.header[3]).toBe('Citizen service centres opened: target · مراكز خدمة المواطن: الهدف');
    expect(table.header[10]).toBe('Schools (education): % of target to date · المدارس (education): ٪ من هدف المدة');
    expect(table.rows).toEqual([
      ['SY-HL', 'Aleppo', 'حلب', 12, 7, 58.333333333333336, 77.77777777777777, null, 3, null, null],
      // Cells are matched to columns by key, whatever their order.
      ['SY-DI', 'Damascus', 'دمشق', 2, 2.5, 125, 125, 4, 0, 0, 0],
      ['SYR', 'Syria', 'سوريا', 14, 9.5, 67.85714285714286, 80, 4, 3, 75, 75],
    ]);
    expect(table.nationalRow).toBe(2);
    expect(table.percent.filter(Boolean)).toHaveLength(4);
  });

  it('shows a donor achieved values only, and an engineer no national row', () => {
    const table = matrixTable({ ...MATRIX, shows_targets: false, national: null, rows: MATRIX.rows.slice(0, 1) });
    expect(table.header).toEqual(['Governorate code · رمز المحافظة', 'Governorate · المحافظة', 'المحافظة', expect.stringMatching(/: achieved/), expect.stringMatching(/: achieved/)]);
    expect(table.rows).toEqual([['SY-HL', 'Aleppo', 'حلب', 7, 3]]);
    expect(table.nationalRow).toBeNull();
  });

  it('writes CSV with a byte order mark and CRLF, and empty cells for nulls', () => {
    const lines = matrixCsv(MATRIX).split('\r\n');
    expect(lines[0]!.startsWith('\uFEFFGovernorate code')).toBe(true);
    expect(lines[1]).toBe('SY-HL,Aleppo,حلب,12,7,58.333333333333336,77.77777777777777,,3,,');
    expect(lines[3]).toBe('SYR,Syria,سوريا,14,9.5,67.85714285714286,80,4,3,75,75');
  });

  it('writes a workbook whose cells are the same numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await matrixXlsx(MATRIX, { sector: null, exportedAt: new Date('2026-10-01T00:00:00Z') })).buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('Matrix')!;
    const values = (n: number) => (sheet.getRow(n).values as ExcelJS.CellValue[]).slice(1);
    expect(values(1)).toEqual(matrixTable(MATRIX).header);
    expect(values(2)).toEqual(['SY-HL', 'Aleppo', 'حلب', 12, 7, 58.333333333333336, 77.77777777777777, undefined, 3]);
    expect(values(4)).toEqual(['SYR', 'Syria', 'سوريا', 14, 9.5, 67.85714285714286, 80, 4, 3, 75, 75]);
    expect(sheet.getRow(4).font?.bold).toBe(true);
    expect(workbook.getWorksheet('About')!.getRow(2).getCell(2).value).toBe('2026-09-30');
  });
});
