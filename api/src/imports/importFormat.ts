/**
 * What an import file may hold, shared with the web page (its hint, its template CSV and its
 * size check) so the two cannot drift. No dependencies: the page bundles this file.
 */

/** Every row must have these. */
export const REQUIRED_FIELDS = ['code', 'kind', 'sector', 'title_ar', 'title_en'] as const;

/** Read when present. */
export const OPTIONAL_FIELDS = ['budget', 'currency', 'planned_start', 'planned_end', 'is_published', 'description_ar', 'description_en'] as const;

/** A CSV locates its rows with `lon` and `lat` (WGS 84 decimal degrees)… */
export const LON_LAT_COLUMNS = ['lon', 'lat'] as const;
/** …or with well-known text in a `wkt` column. */
export const WKT_COLUMN = 'wkt';

/** The largest file accepted. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/**
 * A zipped shapefile: how much its files may inflate to together, and how many entries the zip
 * may hold. Checked while inflating, whatever the zip's headers claim (imports/unzipLimited.ts).
 */
export const MAX_IMPORT_INFLATED_BYTES = 64 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 100;

/** Rows (features, placemarks) one file may hold: each is checked and inserted in one transaction. */
export const MAX_IMPORT_ROWS = 10_000;

/** Positions (vertices) one file may hold in all; each geometry is also held to its own limit (projects/geometryLimits.ts). */
export const MAX_IMPORT_POSITIONS = 200_000;

/** The largest KML accepted: it is read whole into a document tree, about 35 MB of memory and half a second per MB. */
export const MAX_KML_BYTES = 5 * 1024 * 1024;
