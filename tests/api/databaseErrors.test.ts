import { errorHandler } from '@marsad/api/internals';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { useDatabase } from '../support/testDatabases.ts';

/** The one error handler, as the app calls it (it reads only the request path). */
const handle = (error: unknown) => errorHandler(error as Error, { req: { path: '/probe' } } as never) as Response;

describe('errors the database raises for data', () => {
  const t = useDatabase('empty');

  it('answers a data exception (SQLSTATE class 22) with 400 and the database\'s words, never 500', async () => {
    // The net under every check: whatever reaches the database and is refused there as data was the client's.
    const refusals: [string, unknown[]][] = [
      ['select $1::text', ['a\u0000b']], // 22021 (PGlite) / 22P05-like on a server
      ['select $1::integer', ['99999999999']], // 22003
      ['select make_date(2025, 2, 30)', []], // 22008
      ["select 'a' ~ $1", ['(']], // 2201B
      ['select 1 / $1::integer', [0]], // 22012
      ['select $1::date', ['2025-13-45']], // 22008
    ];
    for (const [sql, params] of refusals) {
      const error = await t.db.query(sql, params).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((error as { code?: string }).code, sql).toMatch(/^22/);
      const res = handle(error);
      expect(res.status, sql).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(((await res.json()) as { detail: string }).detail, sql).toEqual(expect.stringMatching(/\w{5}/));
    }
  });

  it("gives Hono's own refusals a detail that says what to do", async () => {
    const detail = async (error: HTTPException) => ((await handle(error).json()) as { detail: string }).detail;
    expect(await detail(new HTTPException(400, { message: 'Malformed JSON in request body' }))).toMatch(/not valid JSON/);
    expect(await detail(new HTTPException(400, { message: 'Malformed FormData request. Failed to parse body as FormData.' }))).toMatch(/multipart\/form-data/);
    expect(await detail(new HTTPException(415, { message: 'Unsupported Media Type' }))).toMatch(/OpenAPI document/);
  });
});
