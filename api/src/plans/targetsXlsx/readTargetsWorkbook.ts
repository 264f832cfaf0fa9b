import { MAX_IMPORT_INFLATED_BYTES, MAX_ZIP_ENTRIES, SECTORS, type TargetsCellError } from '@marsad/contracts';
import ExcelJS from 'exceljs';
import { ProblemError } from '../../http/problems.ts';
import { unzipLimited } from '../../imports/unzipLimited.ts';
import type { LineInput } from '../lifecycle/targetRules.ts';
import { columnLetter, headerNames, QUARTER_KEYS, TARGETS_COLUMNS, TARGETS_SHEET, type TargetsColumn } from './targetsSheet.ts';

/** Target lines one upload may hold, as PUT …/draft/targets takes them. */
export const MAX_TARGET_ROWS = 20_000;

/** A line read from a row, and where its cells are (for the errors of the rules checked after). */
export interface ReadLine {
  row: number;
  input: LineInput;
}

export interface ReadWorkbook {
  sheet: string;
  lines: ReadLine[];
  /** Cells the reader itself refuses: empty codes, an unknown sector, a quarter that is not a number or left empty beside filled ones. */
  errors: TargetsCellError[];
  /** The column letter of each column read. */
  letters: Record<'governorate' | 'indicator' | 'sector' | 'q1' | 'q2' | 'q3' | 'q4', string>;
}

const unreadable = (detail: string) => new ProblemError(400, 'Unreadable file', detail);

const NOT_A_WORKBOOK = 'This is not an Excel workbook (.xlsx): download the targets (GET …/targets.xlsx), fill them in and upload that file';

/** A decimal number as text (`12`, `-3.5`, `1e3`); nothing else (no thousands separators, no commas for decimals). */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

type Cell = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'text'; text: string } | { kind: 'other'; text: string };

/** What a cell holds, formulas read by their result. */
function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return value.trim() === '' ? { kind: 'empty' } : { kind: 'text', text: value.trim() };
  if (typeof value === 'boolean') return { kind: 'other', text: String(value) };
  if (value instanceof Date) return { kind: 'other', text: value.toISOString().slice(0, 10) };
  if ('result' in value) return cellOf((value.result ?? null) as ExcelJS.CellValue);
  if ('richText' in value) return cellOf(value.richText.map((r) => r.text).join(''));
  if ('text' in value && typeof value.text === 'string') return cellOf(value.text);
  if ('error' in value) return { kind: 'other', text: String(value.error) };
  return { kind: 'other', text: JSON.stringify(value).slice(0, 40) };
}

const textOf = (cell: Cell) => (cell.kind === 'number' ? String(cell.value) : cell.kind === 'empty' ? '' : cell.text);

/**
 * Reads the targets sheet of an uploaded workbook, within the import limits (the zip's entries
 * and what they inflate to are counted before the workbook is opened). The file as a whole being
 * wrong (not a workbook, no targets sheet, a required column missing, too many rows) is a 400 or
 * 413 problem; a wrong cell is listed in `errors`, every one of them.
 */
export async function readTargetsWorkbook(bytes: Uint8Array): Promise<ReadWorkbook> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw unreadable(NOT_A_WORKBOOK);
  try {
    await unzipLimited(bytes, () => true, { entries: MAX_ZIP_ENTRIES, inflatedBytes: MAX_IMPORT_INFLATED_BYTES });
  } catch (error) {
    if (error instanceof ProblemError && error.status === 400) throw unreadable(NOT_A_WORKBOOK);
    throw error;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw unreadable(NOT_A_WORKBOOK);
  }
  const sheet = workbook.getWorksheet(TARGETS_SHEET) ?? workbook.worksheets[0];
  if (!sheet) throw unreadable(`The workbook has no sheet: the targets go on a sheet named ${TARGETS_SHEET}`);
  if (sheet.actualRowCount > MAX_TARGET_ROWS + 1) {
    throw new ProblemError(413, 'Content Too Large', `The sheet ${sheet.name} holds ${sheet.actualRowCount - 1} rows; a plan takes at most ${MAX_TARGET_ROWS.toLocaleString('en-US')} target lines`);
  }

  const positions = new Map<TargetsColumn['key'], number>();
  sheet.getRow(1).eachCell((cell, column) => {
    const text = textOf(cellOf(cell.value));
    const known = TARGETS_COLUMNS.find((c) => c.read !== 'ignored' && headerNames(text, c));
    if (known && !positions.has(known.key)) positions.set(known.key, column);
  });
  const missing = TARGETS_COLUMNS.filter((c) => c.read === 'required' && !positions.has(c.key));
  if (missing.length) {
    throw unreadable(`The sheet ${sheet.name} lacks the column(s) ${missing.map((c) => `"${c.en}"`).join(', ')} in its first row: start from the downloaded targets.xlsx`);
  }
  const letters = Object.fromEntries(
    (['governorate', 'indicator', 'sector', ...QUARTER_KEYS] as const).map((key) => [key, positions.has(key) ? columnLetter(positions.get(key)!) : '']),
  ) as ReadWorkbook['letters'];

  const errors: TargetsCellError[] = [];
  const lines: ReadLine[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const at = (key: TargetsColumn['key']) => (positions.has(key) ? cellOf(row.getCell(positions.get(key)!).value) : ({ kind: 'empty' } as Cell));
    const fail = (key: keyof ReadWorkbook['letters'], message: string) =>
      errors.push({ sheet: sheet.name, row: rowNumber, column: letters[key], cell: `${letters[key]}${rowNumber}`, message });
    const quarterCells = QUARTER_KEYS.map(at);
    if (quarterCells.every((c) => c.kind === 'empty')) return; // no target on this row
    const quarters = quarterCells.map((cell, q) => {
      if (cell.kind === 'number') return cell.value;
      if (cell.kind === 'text' && DECIMAL.test(cell.text)) return Number(cell.text);
      if (cell.kind === 'empty') fail(QUARTER_KEYS[q]!, 'empty: fill in all four quarters, or leave all four empty for no target');
      else fail(QUARTER_KEYS[q]!, `not a number: "${textOf(cell).slice(0, 40)}"`);
      return Number.NaN;
    }) as [number, number, number, number];
    const governorate = textOf(at('governorate')).toUpperCase();
    const indicator = textOf(at('indicator')).toLowerCase();
    const sectorText = textOf(at('sector')).toLowerCase();
    if (!governorate) fail('governorate', 'the governorate code is empty');
    if (!indicator) fail('indicator', 'the indicator code is empty');
    if (sectorText && !(SECTORS as readonly string[]).includes(sectorText)) fail('sector', `unknown sector "${sectorText.slice(0, 40)}": one of ${SECTORS.join(', ')}, or empty`);
    lines.push({ row: rowNumber, input: { governorate, indicator, sector: sectorText || null, quarters } });
  });
  return { sheet: sheet.name, lines, errors, letters };
}
