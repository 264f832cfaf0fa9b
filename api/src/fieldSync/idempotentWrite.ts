import { createHash } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAY_HEADER, idempotencyKey } from '@marsad/contracts';
import { withActor, type Queryable } from '@marsad/db';
import type { Context } from 'hono';
import { conflict, invalidParameter, unprocessable } from '../http/problems.ts';
import type { SignedInEnv } from '../http/requireUser.ts';
import type { AppEnv } from '../http/router.ts';

/**
 * Writes applied exactly once (issue 14): a device names each write by an `Idempotency-Key` when
 * it is made, and sends it until it gets an answer. The key is claimed in table
 * idempotent_requests (migration 0024) INSIDE the write's transaction, so
 * - a duplicate sent while the first is still running waits on the key's unique index until the
 *   first commits, then answers its stored result (`Idempotent-Replayed: true`), writing nothing;
 * - a write that is refused rolls back with its claim, and is judged afresh when sent again;
 * - the same key with another request (method, path or parsed body) is refused with 422.
 * Without the header a write runs as it always did.
 */

/** A write's answer, as stored for its replays. */
export interface WriteOutcome<T> {
  status: 200 | 201 | 202;
  body: T;
}

/** Claims older than this are pruned, a few at each claim, so the table stays small without a job. */
const KEEP_DAYS = 30;
const PRUNE_BATCH = 20;

/** The optional request header, for a route's `request.headers` (its OpenAPI and its check). */
export const IdempotencyHeaders = z.object({
  [IDEMPOTENCY_KEY_HEADER.toLowerCase()]: idempotencyKey.optional().meta({
    description:
      'A UUID the client chose when it made this write. Sent again (a retry after a cut), the same key with the same request answers the first result ' +
      `again with \`${IDEMPOTENT_REPLAY_HEADER}: true\` and writes nothing; the same key with a different request is 422. Optional.`,
    example: '0190f3c2-7b1e-7c55-9d1a-3f2b5c8e4a10',
  }),
});

/** `Idempotent-Replayed` on an answer, for a route's responses. */
export const REPLAY_HEADERS = {
  [IDEMPOTENT_REPLAY_HEADER]: { schema: { type: 'string' as const, enum: ['true'] }, description: 'Present when this answer repeats a stored result: nothing was written this time' },
};

/** The 422 of a reused key, said in a route's responses. */
export const REUSED_KEY = `Or an ${IDEMPOTENCY_KEY_HEADER} already used for a different request.`;

/** JSON with object keys sorted at every depth: the same value, the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The request as the write understood it: method, path and the parsed body (photos by their sha256), not its bytes. */
export const fingerprintOf = (method: string, path: string, request: unknown) =>
  createHash('sha256').update(canonicalJson({ method: method.toUpperCase(), path, request })).digest('hex');

/** The hex SHA-256 of some bytes (a photo's, for a fingerprint). */
export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface StoredRequest {
  fingerprint: string;
  status: number | null;
  response: unknown;
}

/**
 * Runs `write` in one transaction as the signed-in user (withActor), at most once per
 * `Idempotency-Key`, and answers its outcome, or the stored outcome of the first request with the
 * same key. `request` is the parsed body the fingerprint is taken of (photos as their sha256).
 */
export async function idempotentWrite<T>(
  c: Context<AppEnv & SignedInEnv>,
  request: unknown,
  write: (tx: Queryable) => Promise<WriteOutcome<T>>,
): Promise<Response> {
  const key = readKey(c.req.header(IDEMPOTENCY_KEY_HEADER));
  const user = c.var.user;
  if (key === undefined) {
    const outcome = await withActor(c.var.db, user.userId, write);
    return c.json(outcome.body as object, outcome.status);
  }
  const fingerprint = fingerprintOf(c.req.method, c.req.path, request);
  const answer = await withActor(c.var.db, user.userId, async (tx): Promise<WriteOutcome<unknown> & { replayed: boolean }> => {
    await tx.query(
      `delete from idempotent_requests where (user_id, key) in
         (select user_id, key from idempotent_requests where created_at < now() - make_interval(days => $1) order by created_at limit $2)`,
      [KEEP_DAYS, PRUNE_BATCH],
    );
    // A concurrent request with the same key blocks here until the first commits or rolls back.
    const claimed = await tx.query(
      `insert into idempotent_requests (user_id, key, method, path, fingerprint) values ($1, $2, $3, $4, $5)
       on conflict (user_id, key) do nothing returning key`,
      [user.userId, key, c.req.method, c.req.path, fingerprint],
    );
    if (!claimed.length) {
      const [stored] = await tx.query<StoredRequest>('select fingerprint, status, response from idempotent_requests where user_id = $1 and key = $2', [user.userId, key]);
      if (!stored || stored.status === null) {
        throw conflict(`The write named ${IDEMPOTENCY_KEY_HEADER} ${key} is still being decided: send it again in a moment`);
      }
      if (stored.fingerprint !== fingerprint) {
        throw unprocessable(
          `${IDEMPOTENCY_KEY_HEADER} ${key} already named a different request (another method, path or body). A new write needs a new key; a retry must send exactly the same request.`,
        );
      }
      return { status: stored.status as WriteOutcome<unknown>['status'], body: stored.response, replayed: true };
    }
    const outcome = await write(tx);
    await tx.query('update idempotent_requests set status = $3, response = $4::jsonb where user_id = $1 and key = $2', [
      user.userId,
      key,
      outcome.status,
      JSON.stringify(outcome.body),
    ]);
    return { ...outcome, replayed: false };
  });
  if (!answer.replayed) return c.json(answer.body as object, answer.status);
  c.set('wroteNothing', true);
  return c.json(answer.body as object, answer.status, { [IDEMPOTENT_REPLAY_HEADER]: 'true' });
}

function readKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const parsed = idempotencyKey.safeParse(header.trim());
  if (!parsed.success) throw invalidParameter(IDEMPOTENCY_KEY_HEADER, parsed.error.issues[0]!.message);
  return parsed.data.toLowerCase();
}
