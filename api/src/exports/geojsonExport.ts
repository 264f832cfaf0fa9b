import { EXPORT_COLUMNS } from './exportColumns.ts';
import type { ProjectExport } from './projectExportRows.ts';

const PROPERTY_KEYS = EXPORT_COLUMNS.map((column) => column.key).filter((key) => key !== 'wkt');

/**
 * The export as an RFC 7946 FeatureCollection, written feature by feature: flat properties
 * (the CSV's columns but the WKT), geometry as PostGIS wrote it.
 */
export function geojsonChunks(rows: ProjectExport): AsyncGenerator<string> {
  return featureCollectionChunks(rows.total, rows.batches(), PROPERTY_KEYS);
}

/** Rows with an id and their geometry as GeoJSON text, written feature by feature with `keys` as flat properties. */
export async function* featureCollectionChunks<Row extends { id: number; geojson?: string }>(
  total: number,
  batches: AsyncIterable<Row[]>,
  keys: readonly (keyof Row & string)[],
): AsyncGenerator<string> {
  const feature = (row: Row): string => {
    const properties = Object.fromEntries(keys.map((key) => [key, row[key] ?? null]));
    return `{"type":"Feature","id":${row.id},"geometry":${row.geojson},"properties":${JSON.stringify(properties)}}`;
  };
  yield `{"type":"FeatureCollection","numberMatched":${total},"features":[`;
  let first = true;
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    yield (first ? '\n' : ',\n') + batch.map(feature).join(',\n');
    first = false;
  }
  yield '\n]}\n';
}
