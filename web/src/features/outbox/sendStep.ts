import { isTemporary, problemOf, retryAfterMs } from '../../api/http.ts';
import type { OutboxOutcome } from './outboxItem.ts';

/** How the outbox talks to the API: fetch in the page (with the session's CSRF token), the app itself in tests. A cut connection throws. */
export type Transport = (path: string, init: RequestInit) => Promise<Response>;

/** What one request came to. */
export type SendStep =
  | { kind: 'done'; answer: unknown; status?: number }
  | { kind: 'held'; conflictId: number | undefined; status: number }
  | { kind: 'retry'; outcome: OutboxOutcome; retryAfterMs?: number }
  | { kind: 'signIn'; outcome: OutboxOutcome }
  | { kind: 'refused'; outcome: OutboxOutcome };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An answer read the outbox's way: 2xx done (202 held for review), 401 stop and ask to sign in,
 * 408/425/429/5xx try again later (honouring Retry-After), any other 4xx refused with the
 * problem's detail — a refusal is final for this item and never blocks the others.
 */
export async function answerStep(response: Response, path: string, now = Date.now()): Promise<SendStep> {
  const body = (await response.json().catch(() => null)) as unknown;
  const status = response.status;
  if (status >= 200 && status < 300) {
    if (status === 202 || (isRecord(body) && body.outcome === 'held')) {
      return { kind: 'held', status, conflictId: isRecord(body) && typeof body.conflict_id === 'number' ? body.conflict_id : undefined };
    }
    return { kind: 'done', answer: body, status };
  }
  const { detail, problem } = problemOf(path, status, response.statusText, body);
  const outcome: OutboxOutcome = { status, detail, problem };
  if (status === 401) return { kind: 'signIn', outcome };
  if (isTemporary(status)) {
    const wait = retryAfterMs(response.headers.get('retry-after'), now);
    return wait === undefined ? { kind: 'retry', outcome } : { kind: 'retry', outcome, retryAfterMs: wait };
  }
  return { kind: 'refused', outcome };
}
