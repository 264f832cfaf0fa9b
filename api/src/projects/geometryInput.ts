import { DatabaseUnavailableError, type Queryable } from '@marsad/db';
import { invalidParameter } from '../http/problems.ts';

export interface CheckedGeometry {
  /** GeoJSON of the geometry to store (repaired if it had to be). */
  geojson: string;
  /** Why it was repaired, when it was. */
  repaired: string | null;
}

/** `repairable`: ST_MakeValid can fix it, so a client may offer to send `repair_geometry: true`. */
const invalid = (message: string, repairable = false) => invalidParameter('geometry', message, { extensions: { repairable } });

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
