import { fieldErrorsOf, ProblemError } from '../../api/http.ts';

/** Why a write failed, sorted for where the form says it: beside a field, or in the banner. */
export type WriteFailure =
  | { kind: 'conflict' }
  | { kind: 'fields'; fields: Record<string, string>; detail: string | null }
  | { kind: 'offline' }
  | { kind: 'forbidden'; detail: string }
  | { kind: 'refused'; detail: string }
  | { kind: 'failed'; detail: string };

/**
 * Sorts a failed write: no answer; 409 for a stale version (someone saved meanwhile) unless the
 * problem names a field of the form (a plot number already taken); 403; a 400/409/422 naming
 * fields of the form (the rest of its words go to the banner); any other refusal in its own words.
 */
export function writeFailure(error: unknown, isField: (name: string) => boolean): WriteFailure {
  if (!(error instanceof ProblemError)) return { kind: 'failed', detail: error instanceof Error ? error.message : String(error) };
  if (error.status === null) return { kind: 'offline' };
  const named = fieldErrorsOf(error);
  const fields = Object.fromEntries(Object.entries(named).filter(([name]) => isField(name)));
  const others = Object.entries(named).filter(([name]) => !isField(name));
  if (error.status === 409 && Object.keys(fields).length === 0) return { kind: 'conflict' };
  if (error.status === 403 || error.status === 401) return { kind: 'forbidden', detail: error.detail };
  if ([400, 409, 422].includes(error.status)) {
    if (Object.keys(fields).length > 0) return { kind: 'fields', fields, detail: others.length > 0 ? others.map(([name, message]) => `${name}: ${message}`).join('; ') : null };
    return { kind: 'refused', detail: error.detail };
  }
  return { kind: 'failed', detail: error.detail };
}
