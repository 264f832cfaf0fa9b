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
