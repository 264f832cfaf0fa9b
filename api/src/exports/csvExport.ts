import { stringify, type Options } from 'csv-stringify/sync';
import { columnHeader, EXPORT_COLUMNS, type ExportColumn, type HeaderLanguage } from './exportColumns.ts';
import type { ProjectExport } from './projectExportRows.ts';

const BOM = '\uFEFF';

const CSV_OPTIONS: Options = {
  // RFC 4180: CRLF after every record, fields quoted when they hold a comma, quote or line break.
  record_delimiter: 'windows',
  // A text cell starting with = + - @ tab or CR gets a leading ' so spreadsheets do not run it
  // as a formula; numbers are left alone (a negative longitude stays a number).
  escape_formulas: true,
  cast: { boolean: (value) => (value ? 'true' : 'false') },
};

/**
 * The export as CSV: UTF-8 with a byte order mark (so Excel reads Arabic), one header line,
 * then one line per project; geometry as WKT in the last column for QGIS.
 */
export function csvChunks(rows: ProjectExport, lang: HeaderLanguage): AsyncGenerator<string> {
  return tableCsvChunks(EXPORT_COLUMNS, rows.batches(), lang);
}

/** Any export's rows as CSV the same way: `columns` in order, a batch of rows at a time. */
export async function* tableCsvChunks<Row>(
  columns: readonly ExportColumn<Row>[],
  batches: AsyncIterable<Row[]>,
  lang: HeaderLanguage,
): AsyncGenerator<string> {
  yield BOM + stringify([columns.map((column) => columnHeader(column, lang))], CSV_OPTIONS);
  for await (const batch of batches) {
    yield stringify(
      batch.map((row) => columns.map((column) => row[column.key] ?? null)),
      CSV_OPTIONS,
    );
  }
}
