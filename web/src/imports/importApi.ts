import { ApiError } from '../api/fetchJson.ts';
import { isRecord } from '../api/isRecord.ts';
import { problemFrom } from '../api/session.ts';

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
  return isRecord(value) && typeof value.row === 'number' && typeof value.field === 'string' && typeof value.message === 'string';
}

export function isDryRun(body: unknown): body is DryRun {
  return isRecord(body) && typeof body.rows === 'number' && typeof body.valid === 'number' && Array.isArray(body.errors) && body.errors.every(isRowError);
}

export function isImported(body: unknown): body is Imported {
  return isRecord(body) && typeof body.created === 'number' && Array.isArray(body.ids);
}

/** The row errors of a problem (a commit refused with 422 lists them), without the API's extra `parameter`. */
export function rowErrorsOf(problem: Record<string, unknown>): RowError[] {
  const errors = Array.isArray(problem.errors) ? problem.errors : [];
  return errors.filter(isRowError).map(({ row, field, message }) => ({ row, field, message }));
}

/** Checks the file against the database without writing anything. */
export async function checkImport(file: File, options: UploadOptions): Promise<DryRun> {
  const body = await upload(file, false, options);
  if (!isDryRun(body)) throw new ApiError(IMPORT_URL, 200, `${IMPORT_URL}: the answer does not have the expected shape`);
  return body;
}

/** Imports every row of the file, or none. */
export async function commitImport(file: File, options: UploadOptions): Promise<Imported> {
  const body = await upload(file, true, options);
  if (!isImported(body)) throw new ApiError(IMPORT_URL, 201, `${IMPORT_URL}: the answer does not have the expected shape`);
  return body;
}

/**
 * Sends the file with XMLHttpRequest rather than fetch: only it reports upload progress, which
 * a governorate office on a slow line needs to see. A non-2xx answer becomes a
 * `ProblemResponseError` carrying the problem's `detail` and body.
 */
function upload(file: File, commit: boolean, { repair, csrfToken, signal, onProgress }: UploadOptions): Promise<unknown> {
  const query = new URLSearchParams({ dry_run: String(!commit) });
  if (repair) query.set('repair', 'true');
  const url = `${IMPORT_URL}?${query}`;
  const form = new FormData();
  form.append('file', file, file.name);

  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new DOMException('The upload was cancelled', 'AbortError'));
      return;
    }
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('accept', 'application/json');
    request.setRequestHeader('x-csrf-token', csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    request.upload.onload = () => onProgress(1, 1);
    request.onerror = () => reject(new ApiError(url, null, `${url}: no answer from the server; is the Marsad API running?`));
    request.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    request.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(request.responseText);
      } catch {
        // Not JSON (a proxy's error page, say): the status says enough.
      }
      if (request.status >= 200 && request.status < 300) {
        resolve(parsed);
        return;
      }
      reject(problemFrom(url, request.status, parsed));
    };
    signal.addEventListener('abort', () => request.abort(), { once: true });
    request.send(form);
  });
}
