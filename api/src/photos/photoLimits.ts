/**
 * How many photos a progress report may carry and how large each may be, shared with the web page
 * (its picker) so the two cannot drift. No dependencies: the page bundles this file. The database
 * holds the same byte limit as a check (db/migrations/0013_progress_photos.sql).
 */

/** Photos one report may carry. */
export const MAX_PHOTOS = 4;

/** The largest photo accepted, in bytes (5 MB). */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
