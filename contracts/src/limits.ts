/**
 * Limits the server enforces and the page checks before sending, so the two cannot drift. The
 * database holds some of them again as checks (db/migrations/0013 for photo bytes).
 */

const MB = 1024 * 1024;

/** Lengths of account and organization fields. */
export const LIMITS = {
  password: { min: 10, max: 1024 },
  displayName: { min: 2, max: 200 },
  organizationName: { min: 2, max: 300 },
} as const;

/** Photos one progress report may carry. */
export const MAX_PHOTOS = 4;

/** The largest photo accepted, in bytes (5 MB). */
export const MAX_PHOTO_BYTES = 5 * MB;

/** The largest import file accepted. */
export const MAX_IMPORT_BYTES = 20 * MB;

/**
 * A zipped shapefile: how much its files may inflate to together, and how many entries the zip
 * may hold. Checked while inflating, whatever the zip's headers claim (api/src/imports/unzipLimited.ts).
 */
export const MAX_IMPORT_INFLATED_BYTES = 64 * MB;
export const MAX_ZIP_ENTRIES = 100;

/** Rows (features, placemarks) one file may hold: each is checked and inserted in one transaction. */
export const MAX_IMPORT_ROWS = 10_000;

/** Positions (vertices) one file may hold in all; each geometry is also held to its own limit (geometry.ts). */
export const MAX_IMPORT_POSITIONS = 200_000;

/** The largest KML accepted: it is read whole into a document tree, about 35 MB of memory and half a second per MB. */
export const MAX_KML_BYTES = 5 * MB;

/**
 * The largest JSON body of a project create or edit: a geometry at MAX_GEOMETRY_POSITIONS with
 * full-precision coordinates (about 40 bytes each), its texts and its funding, with room to spare.
 * No route takes a larger JSON body.
 */
export const MAX_PROJECT_JSON_BYTES = 4 * MB;

/** A note on a progress report, in characters. */
export const MAX_NOTE_LENGTH = 4000;
