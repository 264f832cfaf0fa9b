import { isTemporary, ProblemError } from './http.ts';

/**
 * When the page reads again after a failed read (the query client's retry policy). A busy or
 * unreachable server is temporary (`isTemporary`, as the outbox reads its answers too); any other
 * refusal (a 404, a 422) would be answered the same, so it is not asked again.
 */

/** A server that says when to come back (a 503 busy, a 429) is asked this many times more… */
const RETRIES_WHEN_TOLD = 8;
/** …anything else temporary (no answer, a 500 without Retry-After) three times, as TanStack Query does. */
const RETRIES = 3;
/** The longest wait between two tries, whatever Retry-After says. */
const LONGEST_WAIT_MS = 30_000;

/** Whether a read is tried again after its failure number `failures` (0 the first, as TanStack Query counts). */
export function retryRead(failures: number, error: unknown): boolean {
  if (!(error instanceof ProblemError)) return failures < RETRIES;
  if (error.status !== null && !isTemporary(error.status)) return false;
  return failures < (error.retryAfterMs === undefined ? RETRIES : RETRIES_WHEN_TOLD);
}

/**
 * How long to wait before trying again: what the server said (plus up to a fifth more, so the
 * pages it turned away do not all come back at once), else 1, 2, 4… s.
 */
export function readRetryDelay(failures: number, error: unknown, random: () => number = Math.random): number {
  const told = error instanceof ProblemError ? error.retryAfterMs : undefined;
  const wait = told === undefined ? 1000 * 2 ** failures : told * (1 + 0.2 * random());
  return Math.min(LONGEST_WAIT_MS, wait);
}
