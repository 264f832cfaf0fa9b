import { z } from 'zod';

/** What an import file may hold (the page's hint, its template CSV and its checks use the same). */

/** Every row must have these. */
export const REQUIRED_FIELDS = ['code', 'kind', 'sector', 'title_ar', 'title_en'] as const;

/** Read when present. */
export const OPTIONAL_FIELDS = ['budget', 'currency', 'planned_start', 'planned_end', 'is_published', 'description_ar', 'description_en'] as const;

/** A CSV locates its rows with `lon` and `lat` (WGS 84 decimal degrees)… */
export const LON_LAT_COLUMNS = ['lon', 'lat'] as const;
/** …or with well-known text in a `wkt` column. */
export const WKT_COLUMN = 'wkt';

/** One invalid row, numbered from 1 (CSV: the header is not counted), in the API's words (English). */
export const RowError = z.object({ row: z.number().int(), field: z.string(), message: z.string() });
export type RowError = z.infer<typeof RowError>;

/** `POST /api/imports/projects?dry_run=true` (the default): nothing was written. */
export const DryRun = z.object({ rows: z.number(), valid: z.number(), errors: z.array(RowError) });
export type DryRun = z.infer<typeof DryRun>;

/** `POST /api/imports/projects?dry_run=false`: every row was written. */
export const Imported = z.object({ created: z.number(), ids: z.array(z.number()) });
export type Imported = z.infer<typeof Imported>;
