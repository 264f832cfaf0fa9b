import { DryRun, Imported, RowError } from '@marsad/contracts';
import { request, type Schema } from '../../api/http.ts';

/** `POST /api/imports/projects` (api/src/routes/imports.ts): multipart, field `file`. */
export const IMPORT_URL = '/api/imports/projects';

/** The largest file the API accepts: larger ones are refused before upload. */
export { MAX_IMPORT_BYTES } from '@marsad/contracts';

/** The file name endings the API reads; it also recognises a file by its first bytes. */
export const ACCEPTED_EXTENSIONS = ['.geojson', '.json', '.csv', '.kml', '.zip'] as const;

/** One invalid row (field and message in the API's words, English); a dry run's answer; a commit's. */
export type { DryRun, Imported, RowError };

export interface UploadOptions {
  repair: boolean;
  csrfToken: string;
  signal: AbortSignal;
  /** Bytes of the request sent so far, of `total`; the server works once all are sent. */
  onProgress: (sent: number, total: number) => void;
}


/** The row errors of a problem (a commit refused with 422 lists them), without the API's extra `parameter`. */
export function rowErrorsOf(problem: Record<string, unknown>): RowError[] {
  const errors = Array.isArray(problem.errors) ? problem.errors : [];
  return errors.flatMap((error) => {
    const parsed = RowError.safeParse(error);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Checks the file against the database without writing anything. */
export function checkImport(file: File, options: UploadOptions): Promise<DryRun> {
  return upload(file, false, DryRun, options);
}

/** Imports every row of the file, or none. */
export function commitImport(file: File, options: UploadOptions): Promise<Imported> {
  return upload(file, true, Imported, options);
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
