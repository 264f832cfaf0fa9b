import { guarded, request, type Schema } from '../../api/http.ts';
import { hasFields } from '../../api/isRecord.ts';

/** `POST /api/imports/projects` (api/src/routes/imports.ts): multipart, field `file`. */
export const IMPORT_URL = '/api/imports/projects';

/** The largest file the API accepts: larger ones are refused before upload. */
export { MAX_IMPORT_BYTES } from '@marsad/contracts';

/** The file name endings the API reads; it also recognises a file by its first bytes. */
export const ACCEPTED_EXTENSIONS = ['.geojson', '.json', '.csv', '.kml', '.zip'] as const;

/** One invalid row, as the API reports it (field and message in the API's words, English). */
export interface RowError {
  row: number;
  field: string;
  message: string;
}

/** A dry run's answer: nothing was written. */
export interface DryRun {
  rows: number;
  valid: number;
  errors: RowError[];
}

/** A commit's answer: every row was written. */
export interface Imported {
  created: number;
  ids: number[];
}

export interface UploadOptions {
  repair: boolean;
  csrfToken: string;
  signal: AbortSignal;
  /** Bytes of the request sent so far, of `total`; the server works once all are sent. */
  onProgress: (sent: number, total: number) => void;
}


function isRowError(value: unknown): value is RowError {
  return hasFields(value, { row: 'number', field: 'string', message: 'string' });
}

export function isDryRun(body: unknown): body is DryRun {
  return hasFields(body, { rows: 'number', valid: 'number' }) && Array.isArray(body.errors) && body.errors.every(isRowError);
}

export function isImported(body: unknown): body is Imported {
  return hasFields(body, { created: 'number' }) && Array.isArray(body.ids);
}

/** The row errors of a problem (a commit refused with 422 lists them), without the API's extra `parameter`. */
export function rowErrorsOf(problem: Record<string, unknown>): RowError[] {
  const errors = Array.isArray(problem.errors) ? problem.errors : [];
  return errors.filter(isRowError).map(({ row, field, message }) => ({ row, field, message }));
}

/** Checks the file against the database without writing anything. */
export function checkImport(file: File, options: UploadOptions): Promise<DryRun> {
  return upload(file, false, guarded(isDryRun), options);
}

/** Imports every row of the file, or none. */
export function commitImport(file: File, options: UploadOptions): Promise<Imported> {
  return upload(file, true, guarded(isImported), options);
}

/**
 * Sends the file with its upload progress reported (a governorate office on a slow line needs to
 * see it). A non-2xx answer becomes a `ProblemError` carrying the problem's `detail` and body.
 */
function upload<T>(file: File, commit: boolean, schema: Schema<T>, { repair, csrfToken, signal, onProgress }: UploadOptions): Promise<T> {
  const query = new URLSearchParams({ dry_run: String(!commit) });
  if (repair) query.set('repair', 'true');
  const body = new FormData();
  body.append('file', file, file.name);
  return request(`${IMPORT_URL}?${query}`, { method: 'POST', body, csrfToken, signal, schema, onUploadProgress: onProgress });
}
