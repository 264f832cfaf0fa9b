/**
 * The pure part of fetching a printed brief (BriefButton.tsx): the file name the server gives it,
 * when to try again after a 503, and what a failed print says to the reader.
 */

/** Why a brief was not saved: no answer at all, an answer that is not a PDF, or the server refused (its problem's detail). */
export type BriefFailure =
  | { kind: 'offline' }
  | { kind: 'notPdf' }
  | { kind: 'refused'; status: number; detail: string | null; retryAfterSeconds: number | null };

/** The keys of briefMessages.ts a failure is told with. */
export type BriefFailureKey = 'offline' | 'notPdf' | 'refused' | 'retryIn';

/**
 * The file name of `Content-Disposition` (RFC 6266): `filename*=UTF-8''…` first, else
 * `filename="…"` or a bare token; null when there is none. Only the last path segment is kept.
 */
export function fileNameFromDisposition(header: string | null): string | null {
  if (header === null) return null;
  let name: string | null = null;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended) {
    try {
      name = decodeURIComponent(extended[2]!.trim());
    } catch {
      name = null;
    }
  }
  if (name === null) {
    const plain = /(?:^|;)\s*filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(header);
    if (plain) name = plain[1] !== undefined ? plain[1].replace(/\\(.)/g, '$1') : plain[2]!;
  }
  const base = name?.split(/[\\/]/).pop()?.trim() ?? '';
  return base === '' ? null : base;
}

/** `Retry-After` in whole seconds from `now`: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  // An HTTP date names its day and month (`Thu, 03 Dec 2026 07:00:30 GMT`); Date.parse reads '-5' as a year.
  const at = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** A non-PDF answer as a failure: the problem's `detail` when the body is a problem document. */
export function refusal(status: number, body: unknown, retryAfter: string | null, now = Date.now()): BriefFailure {
  const detail = typeof body === 'object' && body !== null && typeof (body as { detail?: unknown }).detail === 'string' ? (body as { detail: string }).detail : null;
  return { kind: 'refused', status, detail, retryAfterSeconds: retryAfterSeconds(retryAfter, now) };
}

/**
 * What the reader is told, in their language: `say(key, n)` reads briefMessages.ts. The server's
 * own words when it gave them, else the status; "try again in N seconds" when it said when.
 */
export function briefFailureText(failure: BriefFailure, say: (key: BriefFailureKey, values?: { n?: number | string; status?: number }) => string): string {
  if (failure.kind !== 'refused') return say(failure.kind);
  const text = failure.detail ?? say('refused', { status: failure.status });
  return failure.retryAfterSeconds === null || failure.retryAfterSeconds <= 0 ? text : `${text} ${say('retryIn', { n: failure.retryAfterSeconds })}`;
}
