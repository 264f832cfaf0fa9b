import { EXPORT_COLUMNS } from './exportColumns.ts';
import type { ProjectExport, ProjectExportRow } from './projectExportRows.ts';

const PROPERTY_KEYS = EXPORT_COLUMNS.map((column) => column.key).filter((key) => key !== 'wkt');

/**
 * The export as an RFC 7946 FeatureCollection, written feature by feature: flat properties
 * (the CSV's columns but the WKT), geometry as PostGIS wrote it.
 */
export async function* geojsonChunks(rows: ProjectExport): AsyncGenerator<string> {
  yield `{"type":"FeatureCollection","numberMatched":${rows.total},"features":[`;
  let first = true;
  for await (const batch of rows.batches()) {
    if (batch.length === 0) continue;
    yield (first ? '\n' : ',\n') + batch.map(feature).join(',\n');
    first = false;
  }
  yield '\n]}\n';
}

function feature(row: ProjectExportRow): string {
  const properties = Object.fromEntries(PROPERTY_KEYS.map((key) => [key, row[key] ?? null]));
  return `{"type":"Feature","id":${row.id},"geometry":${row.geojson},"properties":${JSON.stringify(properties)}}`;
}
