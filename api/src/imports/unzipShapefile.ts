import shp from 'shpjs';
import { MAX_IMPORT_INFLATED_BYTES, MAX_ZIP_ENTRIES } from '@marsad/contracts';
import { ProblemError } from '../http/problems.ts';
import { countShp } from './countPositions.ts';
import { unzipLimited } from './unzipLimited.ts';

/** The files of one zipped shapefile, inflated within the import limits. */
export interface ShapefileParts {
  /** The shapefile's name, without extension. */
  base: string;
  shp: Uint8Array;
  dbf: Uint8Array;
  /** The .prj's text, when the zip has one. */
  prj: string | undefined;
  cpg: Uint8Array | undefined;
}

const fileProblem = (detail: string) => new ProblemError(400, 'Unreadable file', detail);

/** The files of a zipped shapefile worth inflating; the rest (.shx, indexes, metadata) are skipped. */
const SHAPEFILE_PARTS = /\.(shp|dbf|prj|cpg)$/i;

const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');

/**
 * The one shapefile of an uploaded zip (400 when there is not exactly one, or no .dbf), unzipped
 * by unzipLimited: a zip bomb is refused (413) before it costs more than the limit.
 */
export async function unzipShapefile(bytes: Uint8Array): Promise<ShapefileParts> {
  const files = await unzipLimited(bytes, (name) => SHAPEFILE_PARTS.test(name) && !name.startsWith('__MACOSX/'), {
    entries: MAX_ZIP_ENTRIES,
    inflatedBytes: MAX_IMPORT_INFLATED_BYTES,
  });
  const byExtension = (ext: string) => Object.keys(files).filter((f) => f.toLowerCase().endsWith(ext) && !f.startsWith('__MACOSX/'));
  const shps = byExtension('.shp');
  if (shps.length !== 1) throw fileProblem(`The zip holds ${shps.length} .shp files; it must hold exactly one shapefile`);
  const base = shps[0]!.slice(0, -4);
  const part = (ext: string) => files[Object.keys(files).find((f) => f.toLowerCase() === `${base}${ext}`.toLowerCase()) ?? ''];
  const dbf = part('.dbf');
  if (!dbf) throw fileProblem(`The shapefile ${base} has no .dbf file with its attributes`);
  const prj = part('.prj');
  return { base, shp: part('.shp')!, dbf, prj: prj ? text(prj) : undefined, cpg: part('.cpg') };
}

/**
 * The shapefile's features, its coordinates as they are in the file (no .prj is applied).
 * `checkSize` sees the records and positions counted from the record headers first, and throws
 * to refuse a file over a limit before shpjs reads a coordinate.
 */
export async function readShapefileFeatures(parts: ShapefileParts, checkSize: (records: number, positions: number) => void): Promise<unknown[]> {
  const counted = countShp(parts.shp);
  checkSize(counted.records, counted.positions);
  try {
    const collection = await shp({ shp: parts.shp, dbf: parts.dbf, ...(parts.cpg ? { cpg: parts.cpg } : {}) });
    return collection.features;
  } catch (error) {
    throw fileProblem(`The shapefile ${parts.base} cannot be read: ${(error as Error).message}`);
  }
}
