import { MAX_IMPORT_POSITIONS, MAX_PLOTS_PER_IMPORT, measureGeometry } from '@marsad/contracts';
import { jsonNestsDeeperThan, MAX_JSON_NESTING } from '../../../http/jsonBodyLimits.ts';
import { contentTooLarge, ProblemError } from '../../../http/problems.ts';
import { readShapefileFeatures, unzipShapefile } from '../../../imports/unzipShapefile.ts';
import type { FileCrs, PlotFile, SourcePlot } from './plotFile.ts';
import { readDxfPlots, type DxfOptions } from './readDxfPlots.ts';

const unreadable = (detail: string) => new ProblemError(400, 'Unreadable file', detail);
const thousands = (n: number) => n.toLocaleString('en-US');

/** 413 for a file of more plots or positions than an import takes, before its geometries are read. */
export function checkPlotCount(plots: number, positions = 0): void {
  if (plots > MAX_PLOTS_PER_IMPORT) {
    throw contentTooLarge(`The file holds ${thousands(plots)} plots; an import may hold at most ${thousands(MAX_PLOTS_PER_IMPORT)}: split the file`);
  }
  if (positions > MAX_IMPORT_POSITIONS) {
    throw contentTooLarge(`The file holds ${thousands(positions)} positions (vertices); an import may hold at most ${thousands(MAX_IMPORT_POSITIONS)}: split or simplify the file`);
  }
}

type Format = PlotFile['format'];

function formatOf(name: string, bytes: Uint8Array): Format {
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension === 'geojson' || extension === 'json') return 'geojson';
  if (extension === 'zip') return 'shapefile';
  if (extension === 'dxf') return 'dxf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'shapefile';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256)).trimStart();
  if (head.startsWith('{')) return 'geojson';
  if (head.startsWith('AutoCAD Binary DXF') || /^0\s*\r?\n\s*SECTION/.test(head) || /^999\s*\r?\n/.test(head)) return 'dxf';
  throw unreadable(`Cannot tell the format of ${name}: upload a GeoJSON FeatureCollection (.geojson), a zipped shapefile (.zip) or an ASCII DXF drawing (.dxf)`);
}

/** Reads an uploaded file's plots: 400 for a file that cannot be read as a whole, 413 for one over a limit. */
export async function readPlotFile(name: string, bytes: Uint8Array, dxf: DxfOptions): Promise<PlotFile> {
  if (bytes.length === 0) throw unreadable(`${name} is empty`);
  const format = formatOf(name, bytes);
  const file = format === 'dxf' ? readDxfPlots(bytes, dxf) : format === 'geojson' ? readGeoJson(bytes) : await readShapefile(bytes);
  if (file.plots.length === 0) throw unreadable(`${name} holds no features`);
  let positions = 0;
  for (const plot of file.plots) {
    const measured = measureGeometry(plot.geometry, { positions: Infinity, parts: Infinity });
    if ('positions' in measured) positions += measured.positions;
  }
  checkPlotCount(file.plots.length, positions);
  return file;
}

/** Coordinates as plots keep them: two per position (an altitude is dropped). */
function flatten(coordinates: unknown): unknown {
  if (!Array.isArray(coordinates)) return coordinates;
  if (coordinates.length > 0 && typeof coordinates[0] === 'number') return coordinates.slice(0, 2);
  return coordinates.map(flatten);
}

function featurePlots(features: unknown[], noun: string): SourcePlot[] {
  return features.map((feature, i) => {
    const f = (feature ?? {}) as { properties?: Record<string, unknown> | null; geometry?: { type?: unknown; coordinates?: unknown } | null };
    const geometry = f.geometry ? { type: f.geometry.type, coordinates: flatten(f.geometry.coordinates) } : null;
    return { row: i + 1, ref: `${noun} ${i + 1}`, properties: f.properties ?? {}, geometry };
  });
}

const CRS84 = /^(urn:ogc:def:crs:OGC:1\.3:CRS84|urn:ogc:def:crs:OGC::CRS84|CRS84|OGC:CRS84)$/i;
const EPSG_NAME = /^(?:urn:ogc:def:crs:EPSG:[\d.]*:|EPSG:{1,2}|https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/0\/)(\d{4,6})$/i;

function readGeoJson(bytes: Uint8Array): PlotFile {
  const json = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  // JSON.parse of a million nested brackets takes seconds: count them first.
  if (jsonNestsDeeperThan(json, MAX_JSON_NESTING)) throw unreadable(`The GeoJSON nests deeper than ${MAX_JSON_NESTING} levels of arrays and objects`);
  let doc: { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } | null };
  try {
    doc = JSON.parse(json);
  } catch (error) {
    throw unreadable(`The GeoJSON is not valid JSON (${(error as Error).message})`);
  }
  if (doc?.type !== 'FeatureCollection' || !Array.isArray(doc.features)) throw unreadable('The GeoJSON must be a FeatureCollection with a features array');
  checkPlotCount(doc.features.length);
  let crs: FileCrs = { kind: 'none', default4326: true };
  if (doc.crs !== undefined && doc.crs !== null) {
    const named = doc.crs.properties?.name;
    const epsg = typeof named === 'string' ? (CRS84.test(named) ? 4326 : Number(EPSG_NAME.exec(named)?.[1])) : NaN;
    if (!Number.isInteger(epsg)) {
      throw unreadable(`The GeoJSON's crs ${JSON.stringify(named ?? doc.crs).slice(0, 100)} is not an EPSG code or CRS84: remove it and send crs with the EPSG code of the coordinates`);
    }
    crs = { kind: 'epsg', epsg, source: `the GeoJSON's crs (${named as string})` };
  }
  return { format: 'geojson', plots: featurePlots(doc.features, 'feature'), crs, warnings: [] };
}

async function readShapefile(bytes: Uint8Array): Promise<PlotFile> {
  const parts = await unzipShapefile(bytes);
  const features = await readShapefileFeatures(parts, (records, positions) => checkPlotCount(records, positions));
  const crs: FileCrs = parts.prj === undefined ? { kind: 'none', default4326: true } : { kind: 'prj', wkt: parts.prj, source: `${parts.base}.prj` };
  return { format: 'shapefile', plots: featurePlots(features, 'record'), crs, warnings: [] };
}
