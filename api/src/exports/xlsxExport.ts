import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ProjectFilter } from '../projects/projectFilterSchema.ts';
import { columnHeader, SPREADSHEET_COLUMNS, type ExportCellType, type ExportColumn, type HeaderLanguage } from './exportColumns.ts';
import type { PlotExportRow, ZoneSheetRow } from './plotExportRows.ts';
import type { ProjectExport } from './projectExportRows.ts';

/** What the "About" sheet records: when, and under which filters. Nothing about who asked. */
export interface ExportContext {
  exportedAt: Date;
  filter: ProjectFilter;
  sort: string;
  lang: HeaderLanguage;
}

/** A sheet's rows, a batch at a time, and how many there are. */
export interface SheetRows<Row> {
  total: number;
  batches(): AsyncGenerator<Row[]>;
}

/** The zone sheets: the export's zones with their totals and utilities, and their plots (investor columns as the viewer may see them). */
export interface ZoneSheets {
  zones: SheetRows<ZoneSheetRow>;
  zoneColumns: readonly ExportColumn<ZoneSheetRow>[];
  plots: SheetRows<PlotExportRow>;
  plotColumns: readonly ExportColumn<PlotExportRow>[];
}

const NUMBER_FORMATS: Partial<Record<ExportCellType, string>> = {
  integer: '0',
  money: '#,##0.00',
  percent: '0.00',
  coordinate: '0.000000',
  date: 'yyyy-mm-dd',
};

/**
 * The export as an .xlsx workbook, written with exceljs's streaming writer: sheets "Projects",
 * "Zones" and "Plots" (typed cells, bold frozen header, RTL when `lang=ar`) and "About".
 */
export function xlsxChunks(rows: ProjectExport, context: ExportContext, zoneSheets: ZoneSheets): AsyncIterable<Uint8Array> {
  const out = new PassThrough();
  writeWorkbook(rows, context, zoneSheets, out).catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

async function writeWorkbook(rows: ProjectExport, context: ExportContext, zoneSheets: ZoneSheets, out: PassThrough): Promise<void> {
  const rtl = context.lang === 'ar';
  // Inline strings: shared strings would keep every text in memory until the end.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Marsad';
  workbook.created = context.exportedAt;

  const table = (name: string, width: number) => {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, rightToLeft: rtl }] });
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: width } };
    return sheet;
  };
  // All added now, in their order; each is written once the one before is complete.
  const sheet = table('Projects', SPREADSHEET_COLUMNS.length);
  const zones = table('Zones', zoneSheets.zoneColumns.length);
  const plots = table('Plots', zoneSheets.plotColumns.length);
  const about = workbook.addWorksheet('About', { views: [{ rightToLeft: rtl }] });

  if (!(await writeTable(sheet, SPREADSHEET_COLUMNS, rows.batches(), context.lang, out))) return;
  if (!(await writeTable(zones, zoneSheets.zoneColumns, zoneSheets.zones.batches(), context.lang, out))) return;
  if (!(await writeTable(plots, zoneSheets.plotColumns, zoneSheets.plots.batches(), context.lang, out))) return;

  about.columns = [{ width: 28 }, { width: 90 }];
  for (const [label, value] of aboutLines(rows, context, zoneSheets)) {
    const line = about.addRow([label, value]);
    line.getCell(1).font = { bold: true };
    line.commit();
  }
  about.commit();
  await workbook.commit();
}

/** Writes one sheet: a bold header, then the rows as typed cells; false when the client went away. */
async function writeTable<Row>(
  sheet: ExcelJS.Worksheet,
  columns: readonly ExportColumn<Row>[],
  batches: AsyncIterable<Row[]>,
  lang: HeaderLanguage,
  out: PassThrough,
): Promise<boolean> {
  sheet.columns = columns.map((column) => {
    const numFmt = NUMBER_FORMATS[column.type];
    return { key: column.key, width: column.width, ...(numFmt ? { style: { numFmt } } : {}) };
  });
  const header = sheet.addRow(columns.map((column) => columnHeader(column, lang)));
  header.font = { bold: true };
  header.commit();
  for await (const batch of batches) {
    if (out.destroyed) return false;
    for (const row of batch) sheet.addRow(cells(columns, row)).commit();
    await drained(out);
  }
  sheet.commit();
  return true;
}

function cells<Row>(columns: readonly ExportColumn<Row>[], row: Row): ExcelJS.CellValue[] {
  return columns.map((column) => {
    const value = row[column.key] as ExcelJS.CellValue | undefined;
    if (value === null || value === undefined) return null;
    // A calendar date is midnight UTC; exceljs turns Dates into Excel serial days from UTC.
    if (column.type === 'date') return new Date(`${String(value)}T00:00:00Z`);
    return value;
  });
}

const ABOUT_LABELS = {
  en: {
    title: 'Marsad project export',
    exportedAt: 'Exported at (UTC)',
    projects: 'Projects',
    zones: 'Zones (sheet Zones)',
    plots: 'Plots of those zones (sheet Plots)',
    filters: 'Filters',
    noFilters: 'none: every project you may see',
    sort: 'Sort',
    demo: 'Demo data',
    notes: 'Notes',
  },
  ar: {
    title: 'تصدير مشاريع مرصد',
    exportedAt: 'وقت التصدير (UTC)',
    projects: 'عدد المشاريع',
    zones: 'عدد المناطق (ورقة Zones)',
    plots: 'عدد مقاسم هذه المناطق (ورقة Plots)',
    filters: 'المرشحات',
    noFilters: 'لا شيء: كل المشاريع المتاحة لك',
    sort: 'الترتيب',
    demo: 'بيانات تجريبية',
    notes: 'ملاحظات',
  },
} as const;

function aboutLines(rows: ProjectExport, context: ExportContext, zoneSheets: ZoneSheets): [string, string | number][] {
  const labels = ABOUT_LABELS[context.lang];
  const filters = describeFilter(context.filter);
  const demo =
    rows.demo === 0
      ? 'None of these projects is demo data.'
      : `${rows.demo} of these ${rows.total} projects are demo data made by Marsad's generator, not real projects; ` +
        'Marsad labels every demo project as such.';
  return [
    [labels.title, 'Marsad (مرصد)'],
    [labels.exportedAt, context.exportedAt.toISOString()],
    [labels.projects, rows.total],
    [labels.zones, zoneSheets.zones.total],
    [labels.plots, zoneSheets.plots.total],
    ...(filters.length ? filters.map(([name, value]): [string, string] => [`${labels.filters}: ${name}`, value]) : [[labels.filters, labels.noFilters] as [string, string]]),
    [labels.sort, context.sort],
    [labels.demo, demo],
    [
      labels.notes,
      'Progress in percent. spent = budget × financial progress. longitude/latitude: a point on the project geometry (WGS 84). ' +
        "Zones: plot counts, occupancy (percent of plots allocated, under construction or producing), jobs and investment are derived from the plots; " +
        "each utility network's stage is its latest report, readiness in percent.",
    ],
  ];
}

/** The filters given, as `name = value` text in the query-string spelling. */
function describeFilter(filter: ProjectFilter): [string, string][] {
  return Object.entries(filter).flatMap(([name, value]): [string, string][] => {
    if (value === undefined) return [];
    if (Array.isArray(value)) return [[name, value.join(',')]];
    if (typeof value === 'object') return [[name, [value.minLon, value.minLat, value.maxLon, value.maxLat].join(',')]];
    return [[name, String(value)]];
  });
}

/** Waits while the response is not being read, so a slow client holds back the queries. */
function drained(stream: Writable): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed) return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}
