import { InvalidParameter } from '@marsad/contracts';

/**
 * The one path every call to the Marsad API takes (same origin): reads and writes, JSON and
 * multipart. A failure of any kind — no answer, a non-2xx answer, an answer that is not JSON or
 * not of the expected shape — is a `ProblemError`, whose `detail` is the API's own words when it
 * sent an RFC 9457 problem.
 */

/**
 * What checks an answer's shape: the zod schema the API declares for it (`@marsad/contracts`), so
 * the page reads what the server says it sends. `parse` returns the answer as `T` or throws.
 */
export interface Schema<T> {
  parse(data: unknown): T;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions<T> {
  method?: Method;
  /** JSON, or a `FormData` (multipart, for files). */
  body?: unknown;
  /** Every change carries the session's CSRF token. */
  csrfToken?: string | null;
  signal?: AbortSignal | undefined;
  /** Checks the answer; without it the answer is returned as `unknown`. */
  schema?: Schema<T>;
  /**
   * Bytes of the request sent so far, of `total` (for a large upload on a slow line). Only
   * XMLHttpRequest reports them, so with this option the call is made with it instead of fetch.
   */
  onUploadProgress?: (sent: number, total: number) => void;
}

/** A failed API call: which address, which status (`null`: no answer at all), and what the API said. */
export class ProblemError extends Error {
  constructor(
    readonly url: string,
    readonly status: number | null,
    /** The problem's `detail`, or what went wrong when there is none. */
    readonly detail: string,
    /** The problem document as the API sent it (`{}` when there was none). */
    readonly problem: Record<string, unknown> = {},
    /** When the server said to ask again (its `Retry-After`, in ms from the answer). */
    readonly retryAfterMs?: number,
  ) {
    super(detail);
    this.name = 'ProblemError';
  }
}

/** Answers that say "not now": a timeout, too early, too many, and the server's own failures. */
export const isTemporary = (status: number): boolean => status === 408 || status === 425 || status === 429 || status >= 500;

/** `Retry-After` in seconds or as an HTTP date, in ms from now. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Whether a call failed because the server could not be reached (the page then keeps the work on the device). */
export function isNoAnswer(error: unknown): boolean {
  return error instanceof ProblemError && error.status === null;
}

/**
 * A problem's `errors: [{parameter, message}]` by form field: the first segment of the parameter
 * (`governorates.0` and `funding.2.amount` are the form's `governorates` and `funding`), several
 * messages for one field joined with "; ". Anything but a `ProblemError` has none.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!(error instanceof ProblemError)) return fields;
  const errors = error.problem.errors;
  if (!Array.isArray(errors)) return fields;
  for (const item of errors) {
    const parsed = InvalidParameter.safeParse(item);
    if (!parsed.success) continue;
    const e = parsed.data;
    const field = e.parameter.split('.')[0]!;
    fields[field] = field in fields ? `${fields[field]}; ${e.message}` : e.message;
  }
  return fields;
}

/** `path?query`, or `path` alone when the query is empty. */
export function withQuery(path: string, query: string): string {
  return query === '' ? path : `${path}?${query}`;
}

/** What came back, before it is read as JSON. */
interface Answer {
  status: number;
  statusText: string;
  text: string;
  /** The `Retry-After` header, if any. */
  retryAfter: string | null;
}

/** An object whose fields can be read one by one (a problem document before its shape is known). */
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const noAnswer = (url: string) => new ProblemError(url, null, `${url}: no answer from the server; is the Marsad API running?`);
const cancelled = () => new DOMException('The request was cancelled', 'AbortError');

async function viaFetch(url: string, method: Method, headers: Record<string, string>, body: BodyInit | null, signal: AbortSignal | undefined): Promise<Answer> {
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body, signal: signal ?? null });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw noAnswer(url);
  }
  return { status: response.status, statusText: response.statusText, text: response.status === 204 ? '' : await response.text(), retryAfter: response.headers.get('retry-after') };
}

function viaXhr(url: string, method: Method, headers: Record<string, string>, body: XMLHttpRequestBodyInit | null, signal: AbortSignal | undefined, onProgress: (sent: number, total: number) => void): Promise<Answer> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelled());
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    // Everything is sent: the server works now.
    xhr.upload.onload = () => onProgress(1, 1);
    xhr.onerror = () => reject(noAnswer(url));
    xhr.onabort = () => reject(cancelled());
    xhr.onload = () => resolve({ status: xhr.status, statusText: xhr.statusText, text: xhr.responseText, retryAfter: xhr.getResponseHeader('retry-after') });
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

/** What a non-2xx answer (its body parsed, or `null`) says: the problem's own `detail`, or the status; and when to ask again, if the server said. */
export function problemOf(url: string, status: number, statusText: string, body: unknown, retryAfter: string | null = null, now = Date.now()): ProblemError {
  const problem = isRecord(body) ? body : {};
  const detail = typeof problem.detail === 'string' ? problem.detail : `${url}: HTTP ${status} ${statusText}`.trim();
  return new ProblemError(url, status, detail, problem, retryAfterMs(retryAfter, now));
}

/**
 * Calls the API at `url`. A 2xx answer is returned parsed (and checked by `schema` when given; a
 * 204 is `null`); anything else throws a `ProblemError`.
 */
export async function request<T>(url: string, options: RequestOptions<T> & { schema: Schema<T> }): Promise<T>;
export async function request(url: string, options?: RequestOptions<unknown>): Promise<unknown>;
export async function request<T>(url: string, { method = 'GET', body, csrfToken = null, signal, schema, onUploadProgress }: RequestOptions<T> = {}): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const form = body instanceof FormData;
  // For a form the browser writes the content type itself, with the multipart boundary.
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  if (csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  const payload = body === undefined ? null : form ? body : JSON.stringify(body);
  const answer =
    onUploadProgress === undefined
      ? await viaFetch(url, method, headers, payload, signal)
      : await viaXhr(url, method, headers, payload, signal, onUploadProgress);

  let parsed: unknown = null;
  let json = answer.text === '';
  try {
    if (!json) {
      parsed = JSON.parse(answer.text);
      json = true;
    }
  } catch {
    // Not JSON (a proxy's error page, say): the status says enough.
  }
  const ok = answer.status >= 200 && answer.status < 300;
  if (!ok) throw problemOf(url, answer.status, answer.statusText, parsed, answer.retryAfter);
  if (schema === undefined) return parsed;
  if (!json) throw new ProblemError(url, answer.status, `${url}: the answer is not JSON; is /api routed to the Marsad API?`);
  try {
    return schema.parse(parsed);
  } catch {
    throw new ProblemError(url, answer.status, `${url}: the answer does not have the expected shape`);
  }
}
