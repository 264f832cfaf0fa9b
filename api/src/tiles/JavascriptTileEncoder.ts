import type { Queryable } from '@marsad/db';
import type { Geometry, Position } from 'geojson';
import vtpbf from 'vt-pbf';
import { quoteIdentifier, TILE_BUFFER, TILE_EXTENT, type TileAddress, type TileEncoder, type TileLayerSource } from './TileEncoder.ts';

/**
 * Encodes in JavaScript for engines without ST_AsMVT (PGlite's PostGIS lacks protobuf-c).
 * PostGIS still does the geometry work that ST_AsMVTGeom would: project to Web Mercator,
 * simplify below half a tile unit, clip to the buffered tile, scale to tile units, snap to the integer grid, repair polygons;
 * vt-pbf writes the protobuf. Exterior rings are made counter-clockwise in tile coordinates
 * (positive area), which is what the MVT spec calls clockwise on screen, with y pointing down.
 */
export class JavascriptTileEncoder implements TileEncoder {
  readonly name = 'javascript' as const;

  async encode(db: Queryable, tile: TileAddress, layers: readonly TileLayerSource[]): Promise<Uint8Array> {
    const encoded: Record<string, { features: TileFeature[] }> = {};
    for (const layer of layers) encoded[layer.name] = { features: await this.layerFeatures(db, tile, layer) };
    // vt-pbf reads only `features` of each geojson-vt tile; its types ask for a whole index.
    return vtpbf.fromGeojsonVt(encoded as unknown as Parameters<typeof vtpbf.fromGeojsonVt>[0], { version: 2, extent: TILE_EXTENT });
  }

  private async layerFeatures(db: Queryable, tile: TileAddress, layer: TileLayerSource): Promise<TileFeature[]> {
    const columns = layer.properties.map((p) => `source.${quoteIdentifier(p)}`).join(', ');
    const sql = `
      with source as (${layer.sql}),
      envelope as (select e, ST_XMax(e) - ST_XMin(e) as size from (select ST_TileEnvelope($1, $2, $3) as e) t),
      projected as (
        select source.id ${columns ? ', ' + columns : ''},
               ST_RemoveRepeatedPoints(ST_SnapToGrid(ST_TransScale(
                 ST_ClipByBox2D(
                   -- As ST_AsMVTGeom does: drop detail under half a tile unit, and the shapes it collapses.
                   ST_Simplify(ST_RemoveRepeatedPoints(ST_Transform(source.geom, 3857), envelope.size / ${TILE_EXTENT * 2}),
                               envelope.size / ${TILE_EXTENT * 2}, false),
                   ST_Expand(envelope.e, envelope.size * ${TILE_BUFFER / TILE_EXTENT})),
                 -ST_XMin(envelope.e), -ST_YMax(envelope.e),
                 ${TILE_EXTENT} / envelope.size, -${TILE_EXTENT} / envelope.size), 1)) as g
          from source, envelope)
      select projected.id ${layer.properties.map((p) => `, projected.${quoteIdentifier(p)}`).join('')}, ST_AsGeoJSON(
               case when ST_Dimension(g) = 2 then ST_ForcePolygonCCW(
                      -- Polygons under one square unit are specks; ST_AsMVTGeom's clipper drops them too.
                      (select ST_Collect(part.geom) from ST_Dump(ST_CollectionExtract(ST_MakeValid(g), 3)) part
                        where ST_Area(part.geom) >= 1))
                    else g end,
               0)::json as tile_geom
        from projected
       where g is not null and not ST_IsEmpty(g)`;
    const rows = await db.query<Record<string, unknown> & { id: number; tile_geom: Geometry | null }>(sql, [
      tile.z,
      tile.x,
      tile.y,
      ...(layer.params ?? []),
    ]);
    const features: TileFeature[] = [];
    for (const row of rows) {
      const shape = row.tile_geom && toTileGeometry(row.tile_geom);
      if (!shape) continue;
      const tags: Record<string, string | number | boolean> = {};
      for (const name of layer.properties) {
        const value = row[name];
        if (value !== null && value !== undefined) tags[name] = value as string | number | boolean;
      }
      features.push({ id: Number(row.id), tags, ...shape });
    }
    return features;
  }
}

interface TileFeature {
  id: number;
  type: 1 | 2 | 3;
  geometry: number[][][] | number[][];
  tags: Record<string, string | number | boolean>;
}

const xy = (p: Position) => [p[0]!, p[1]!];

/** GeoJSON in tile units to the geojson-vt shape vt-pbf writes; null when nothing drawable is left. */
export function toTileGeometry(geometry: Geometry): Pick<TileFeature, 'type' | 'geometry'> | null {
  switch (geometry.type) {
    case 'Point':
      return { type: 1, geometry: [xy(geometry.coordinates)] };
    case 'MultiPoint':
      return geometry.coordinates.length ? { type: 1, geometry: geometry.coordinates.map(xy) } : null;
    case 'LineString':
      return geometry.coordinates.length > 1 ? { type: 2, geometry: [geometry.coordinates.map(xy)] } : null;
    case 'MultiLineString': {
      const lines = geometry.coordinates.filter((l) => l.length > 1).map((l) => l.map(xy));
      return lines.length ? { type: 2, geometry: lines } : null;
    }
    case 'Polygon':
      return polygonRings([geometry.coordinates]);
    case 'MultiPolygon':
      return polygonRings(geometry.coordinates);
    case 'GeometryCollection':
      return null;
  }
}

function polygonRings(polygons: Position[][][]): Pick<TileFeature, 'type' | 'geometry'> | null {
  const rings = polygons.flatMap((rings) => rings.filter((r) => r.length >= 4).map((r) => r.map(xy)));
  return rings.length ? { type: 3, geometry: rings } : null;
}
