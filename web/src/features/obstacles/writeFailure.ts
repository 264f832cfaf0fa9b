import { fieldErrorsOf, ProblemError } from '../../api/http.ts';

/**
 * Why a write of an obstacle failed, as the forms tell it: someone changed it meanwhile (409:
 * reload, then try again), the API refused fields (400/422 with `errors`: each said beside its
 * field, in the API's words), the caller may not (403), no answer (nothing saved), or anything else
 * with the API's own detail.
 */
export type WriteFailure =
  | { kind: 'conflict' }
  | { kind: 'fields'; errors: Record<string, string> }
  | { kind: 'forbidden' }
  | { kind: 'offline' }
  | { kind: 'failed'; detail: string };

export function writeFailureOf(error: unknown): WriteFailure {
  if (!(error instanceof ProblemError)) return { kind: 'failed', detail: error instanceof Error ? error.message : String(error) };
  if (error.status === null) return { kind: 'offline' };
  if (error.status === 409) return { kind: 'conflict' };
  if (error.status === 403) return { kind: 'forbidden' };
  const errors = fieldErrorsOf(error);
  if (Object.keys(errors).length > 0) return { kind: 'fields', errors };
  return { kind: 'failed', detail: error.detail };
}

/**
 * The API's field errors split into those a form shows beside its own fields and the rest (said
 * together above the buttons, each with its field's name).
 */
export function splitFieldErrors<F extends string>(errors: Record<string, string>, fields: readonly F[]): { own: Partial<Record<F, string>>; other: [string, string][] } {
  const own: Partial<Record<F, string>> = {};
  const other: [string, string][] = [];
  for (const [field, message] of Object.entries(errors)) {
    if ((fields as readonly string[]).includes(field)) own[field as F] = message;
    else other.push([field, message]);
  }
  return { own, other };
}
