import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { parse as parseCsv } from 'csv-parse/sync';
import { jsonNestsDeeperThan, MAX_JSON_NESTING } from '../http/jsonBodyLimits.ts';
import { ProblemError } from '../http/problems.ts';
import { measureGeometry } from '@marsad/contracts';
import { countKml, countWktPositions } from './countPositions.ts';
import {
  LON_LAT_COLUMNS,
  MAX_IMPORT_POSITIONS,
  MAX_IMPORT_ROWS,
  MAX_KML_BYTES,
  OPTIONAL_FIELDS,
  REQUIRED_FIELDS,
  WKT_COLUMN,
} from '@marsad/contracts';
import { readShapefileFeatures, unzipShapefile } from './unzipShapefile.ts';

/** One feature or row of an upload, before validation. `row` is 1-based (CSV: the data row, header not counted). */
export interface UploadRow {
  row: number;
  properties: Record<string, unknown>;
  /** A GeoJSON geometry, or WKT text to be read by PostGIS (CSV `wkt` column). */
  geometry: { geojson: unknown } | { wkt: string } | { error: { field: string; message: string } };
}

export type UploadFormat = 'geojson' | 'csv' | 'kml' | 'shapefile';

const KNOWN_FIELDS: readonly string[] = [...REQUIRED_FIELDS, ...OPTIONAL_FIELDS];

const fileProblem = (detail: string) => new ProblemError(400, 'Unreadable file', detail);

const MB = 1024 * 1024;
const thousands = (n: number) => n.toLocaleString('en-US');

/** A file over one of the import's limits (@marsad/contracts, limits.ts), refused before the expensive reading. */
const overLimit = (detail: string) => new ProblemError(413, 'Content Too Large', `${detail}: split the file`);

function checkFileSize(rows: number, positions: number) {
  if (rows > MAX_IMPORT_ROWS) throw overLimit(`The file holds more than ${thousands(MAX_IMPORT_ROWS)} rows or features; an import may hold at most ${thousands(MAX_IMPORT_ROWS)}`);
  if (positions > MAX_IMPORT_POSITIONS) {
    throw overLimit(`The file holds ${thousands(positions)} positions (vertices); an import may hold at most ${thousands(MAX_IMPORT_POSITIONS)}`);
  }
}

/** Positions of the rows read, from their array lengths or their WKT's commas, never from PostGIS. */
function positionsOf(rows: UploadRow[]): number {
  let positions = 0;
  for (const { geometry } of rows) {
    if ('wkt' in geometry) positions += countWktPositions(geometry.wkt);
    else if ('geojson' in geometry) {
      const measured = measureGeometry(geometry.geojson, { positions: Infinity, parts: Infinity });
      if ('positions' in measured) positions += measured.positions;
    }
    if (positions > MAX_IMPORT_POSITIONS) break;
  }
  return positions;
}

/** Reads an uploaded file into rows; anything wrong with the file as a whole is a 400 problem, a file over a limit a 413. */
export async function readUpload(name: string, bytes: Uint8Array): Promise<{ format: UploadFormat; rows: UploadRow[] }> {
  if (bytes.length === 0) throw fileProblem(`${name} is empty`);
  const format = formatOf(name, bytes);
  const rows = await (format === 'geojson' ? readGeoJson(bytes) : format === 'csv' ? readCsv(bytes) : format === 'kml' ? readKml(bytes) : readShapefile(bytes));
  if (rows.length === 0) throw fileProblem(`${name} holds no features or rows`);
  checkFileSize(rows.length, positionsOf(rows));
  const missing = REQUIRED_FIELDS.filter((field) => !rows.some((r) => r.properties[field] !== undefined));
  if (missing.length) throw fileProblem(`${name} lacks the required column(s): ${missing.join(', ')}`, );
  return { format, rows };
}

function formatOf(name: string, bytes: Uint8Array): UploadFormat {
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension === 'geojson' || extension === 'json') return 'geojson';
  if (extension === 'csv') return 'csv';
  if (extension === 'kml') return 'kml';
  if (extension === 'zip') return 'shapefile';
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart();
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'shapefile';
  if (head.startsWith('{')) return 'geojson';
  if (head.startsWith('<') && /<kml[\s>]/.test(head)) return 'kml';
  throw fileProblem(`Cannot tell the format of ${name}: upload GeoJSON (.geojson), CSV (.csv), KML (.kml) or a zipped shapefile (.zip)`);
}

const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');

/** Field names as given, lower-cased; a shapefile's 10-character names (planned_st) map to the full ones. */
function normalise(properties: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties ?? {})) {
    const lower = key.trim().toLowerCase();
    const full = KNOWN_FIELDS.includes(lower) ? lower : (KNOWN_FIELDS.find((f) => lower.length === 10 && f.startsWith(lower)) ?? lower);
    out[full] = value;
  }
  return out;
}

/** Projects are stored in 2D: a third coordinate (KML altitude, say) is dropped. */
function flatten(coordinates: unknown): unknown {
  if (!Array.isArray(coordinates)) return coordinates;
  if (coordinates.length > 0 && typeof coordinates[0] === 'number') return coordinates.slice(0, 2);
  return coordinates.map(flatten);
}

function featureRows(features: unknown[]): UploadRow[] {
  return features.map((feature, i) => {
    const f = (feature ?? {}) as { properties?: Record<string, unknown> | null; geometry?: { type?: unknown; coordinates?: unknown } | null };
    const geometry = f.geometry ? { ...f.geometry, coordinates: flatten(f.geometry.coordinates) } : null;
    return { row: i + 1, properties: normalise(f.properties), geometry: { geojson: geometry } };
  });
}

const CRS84 = /^(urn:ogc:def:crs:OGC:1\.3:CRS84|urn:ogc:def:crs:OGC::CRS84|CRS84|OGC:CRS84)$/i;

function readGeoJson(bytes: Uint8Array): UploadRow[] {
  let doc: { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } };
  const json = text(bytes);
  // JSON.parse of a million nested brackets takes seconds: count them first.
  if (jsonNestsDeeperThan(json, MAX_JSON_NESTING)) throw fileProblem(`The GeoJSON nests deeper than ${MAX_JSON_NESTING} levels of arrays and objects`);
  try {
    doc = JSON.parse(json);
  } catch (error) {
    throw fileProblem(`The GeoJSON is not valid JSON (${(error as Error).message})`);
  }
  if (doc?.type !== 'FeatureCollection' || !Array.isArray(doc.features)) throw fileProblem('The GeoJSON must be a FeatureCollection with a features array');
  checkFileSize(doc.features.length, 0);
  if (doc.crs !== undefined && doc.crs !== null) {
    const crs = doc.crs.properties?.name;
    if (typeof crs !== 'string' || !CRS84.test(crs)) {
      throw fileProblem(`Unknown CRS ${JSON.stringify(crs ?? doc.crs)}: only WGS 84 longitude/latitude (CRS84) is accepted; reproject the file to EPSG:4326 first`);
    }
  }
  return featureRows(doc.features);
}

function readCsv(bytes: Uint8Array): UploadRow[] {
  let records: Record<string, string>[];
  try {
    // One row past the limit is enough to know the file is over it.
    records = parseCsv(text(bytes), { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true, to: MAX_IMPORT_ROWS + 1 });
  } catch (error) {
    throw fileProblem(`The CSV cannot be read: ${(error as Error).message}`);
  }
  checkFileSize(records.length, 0);
  const columns = Object.keys(records[0] ?? {});
  const [LON, LAT] = LON_LAT_COLUMNS;
  const hasLonLat = columns.includes(LON) && columns.includes(LAT);
  if (records.length && !hasLonLat && !columns.includes(WKT_COLUMN)) {
    throw fileProblem(`The CSV lacks the required column(s): ${LON} and ${LAT}, or ${WKT_COLUMN}`);
  }
  return records.map((record, i) => {
    const { [LON]: lon, [LAT]: lat, [WKT_COLUMN]: wkt, ...rest } = record;
    const properties = normalise(Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== '')));
    for (const key of ['budget']) if (typeof properties[key] === 'string') properties[key] = Number(properties[key]);
    if (typeof properties.is_published === 'string') properties.is_published = /^(true|yes|1)$/i.test(properties.is_published);
    let geometry: UploadRow['geometry'];
    if (hasLonLat && (lon || lat || !wkt)) {
      const [x, y] = [Number(lon), Number(lat)];
      geometry =
        lon && lat && Number.isFinite(x) && Number.isFinite(y)
          ? { geojson: { type: 'Point', coordinates: [x, y] } }
          : { error: { field: LON_LAT_COLUMNS.join('/'), message: 'must be numbers (decimal degrees, WGS 84)' } };
    } else {
      geometry = wkt ? { wkt } : { error: { field: WKT_COLUMN, message: 'is empty' } };
    }
    return { row: i + 1, properties, geometry };
  });
}

function readKml(bytes: Uint8Array): UploadRow[] {
  if (bytes.length > MAX_KML_BYTES) {
    throw overLimit(`The KML is ${(bytes.length / MB).toFixed(1)} MB; a KML may be at most ${MAX_KML_BYTES / MB} MB (or zip it as a shapefile)`);
  }
  const xml = text(bytes);
  const counted = countKml(xml);
  checkFileSize(counted.placemarks, counted.positions);
  let collection: { features: unknown[] };
  try {
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    collection = kml(doc as unknown as Parameters<typeof kml>[0]);
  } catch (error) {
    throw fileProblem(`The KML cannot be read: ${(error as Error).message}`);
  }
  return featureRows(collection.features);
}

/** A .prj we accept: geographic WGS 84, nothing projected. Anything else is refused rather than guessed at. */
const isWgs84 = (prj: string) => /^\s*GEOGCS\[/i.test(prj) && /DATUM\[\s*"(D_)?WGS_?(19)?84"/i.test(prj.replace(/ /g, '_')) && !/PROJCS/i.test(prj);

async function readShapefile(bytes: Uint8Array): Promise<UploadRow[]> {
  const parts = await unzipShapefile(bytes);
  if (parts.prj === undefined) throw fileProblem(`Unknown CRS: the shapefile ${parts.base} has no .prj file; add one for WGS 84 (EPSG:4326)`);
  if (!isWgs84(parts.prj)) {
    throw fileProblem(`Unknown CRS in ${parts.base}.prj (${parts.prj.slice(0, 80)}…): only WGS 84 (EPSG:4326) is accepted; reproject the shapefile first`);
  }
  return featureRows(await readShapefileFeatures(parts, checkFileSize));
}
