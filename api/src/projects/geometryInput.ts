import { z } from '@hono/zod-openapi';
import { DatabaseUnavailableError, type Queryable } from '@marsad/db';
import { ProblemError } from '../http/problem.ts';
import { isOverLimit, MAX_GEOMETRY_PARTS, MAX_GEOMETRY_POSITIONS, measureGeometry } from './geometryLimits.ts';

const position = z
  .array(z.number('coordinates must be numbers'))
  .min(2, 'a position has a longitude and a latitude')
  .max(3)
  .refine(([lon, lat]) => Math.abs(lon!) <= 180 && Math.abs(lat!) <= 90, 'longitude must be within ±180 and latitude within ±90 (lon, lat order)');
const line = z.array(position).min(2, 'a line needs at least two positions');
const ring = z.array(position).min(4, 'a ring needs at least four positions, the last equal to the first');

const geometryShapes = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Point'), coordinates: position }),
  z.object({ type: z.literal('MultiPoint'), coordinates: z.array(position).min(1) }),
  z.object({ type: z.literal('LineString'), coordinates: line }),
  z.object({ type: z.literal('MultiLineString'), coordinates: z.array(line).min(1) }),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);

/**
 * A GeoJSON geometry (RFC 7946) of the kinds projects have; PostGIS then checks its validity.
 * Its size is counted first (geometryLimits.ts), so an oversized one is refused before the schema
 * walks a single position.
 */
export const GeoJsonGeometry = z
  .preprocess((value, ctx) => {
    const measured = measureGeometry(value);
    if (isOverLimit(measured)) ctx.addIssue({ code: 'custom', message: measured.message, input: value, fatal: true });
    return value;
  }, geometryShapes)
  .openapi({
    description:
      'GeoJSON geometry in WGS 84, [longitude, latitude] order; ' +
      `at most ${MAX_GEOMETRY_POSITIONS.toLocaleString('en-US')} positions and ${MAX_GEOMETRY_PARTS.toLocaleString('en-US')} parts`,
    example: { type: 'Point', coordinates: [36.29, 33.51] },
  });

export interface CheckedGeometry {
  /** GeoJSON of the geometry to store (repaired if it had to be). */
  geojson: string;
  /** Why it was repaired, when it was. */
  repaired: string | null;
}

/** `repairable`: ST_MakeValid can fix it, so a client may offer to send `repair_geometry: true`. */
const invalid = (message: string, repairable = false) =>
  new ProblemError(400, 'Invalid request', `geometry: ${message}`, { errors: [{ parameter: 'geometry', message }], repairable });

/**
 * Parses and checks a GeoJSON geometry from a client. An invalid one (a self-intersecting
 * polygon, say) is rejected with PostGIS's reason, or repaired with ST_MakeValid when asked.
 */
export async function checkGeometry(db: Queryable, geometry: unknown, repair: boolean): Promise<CheckedGeometry> {
  let row: { valid: boolean; reason: string; repaired: string | null; empty: boolean } | undefined;
  try {
    [row] = await db.query<{ valid: boolean; reason: string; repaired: string | null; empty: boolean }>(
      // The repair is worked out only for an invalid geometry: most are valid, and ST_MakeValid is not cheap.
      `select valid, case when valid then 'Valid Geometry' else ST_IsValidReason(g) end as reason, ST_IsEmpty(g) as empty,
              case when valid then null else ST_AsGeoJSON(ST_CollectionExtract(ST_MakeValid(g), ST_Dimension(g) + 1)) end as repaired
         from (select g, ST_IsValid(g) as valid from (select ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) as g) parsed) input`,
      [JSON.stringify(geometry)],
    );
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) throw error; // the database is away: not the geometry's fault
    throw invalid(`not a GeoJSON geometry PostGIS can read (${(error as Error).message})`);
  }
  if (!row || row.empty) throw invalid('is empty');
  if (row.valid) return { geojson: JSON.stringify(geometry), repaired: null };
  if (!repair) throw invalid(`is not valid: ${row.reason}. Fix it, or send repair_geometry: true to have it repaired`, true);
  if (row.repaired === null) throw invalid(`is not valid (${row.reason}) and cannot be repaired`);
  return { geojson: row.repaired, repaired: row.reason };
}
