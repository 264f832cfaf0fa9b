import { PgliteDatabase } from '@marsad/db';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from './errorHandler.ts';
import type { AppEnv } from './router.ts';

describe('errorHandler: database refusals of data', () => {
  let db: PgliteDatabase;
  beforeAll(async () => {
    db = await PgliteDatabase.open();
  });
  afterAll(() => db.close());

  it('answers a data exception (SQLSTATE class 22) from a real database with 400 and its message, never 500', async () => {
    // The net under every check: whatever reaches the database and is refused there was the client's.
    const app = new Hono<AppEnv>().onError(errorHandler);
    const queries: Record<string, [string, unknown[]]> = {
      '/nul': ['select $1::text as v', ['a\u0000b']], // 22021
      '/overflow': ['select $1::integer as v', ['99999999999']], // 22003
      '/date': ['select make_date(2025, 2, 30) as v', []], // 22008
      '/regex': ["select 'a' ~ $1 as v", ['(']], // 2201B
      '/zero': ['select 1 / $1::integer as v', [0]], // 22012
    };
    for (const [path, [sql, params]] of Object.entries(queries)) app.get(path, async (c) => c.json(await db.query(sql, params)));
    for (const path of Object.keys(queries)) {
      const res = await app.request(path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(((await res.json()) as { detail: string }).detail, path).toEqual(expect.stringMatching(/\w{5}/));
    }
  });

  it("gives Hono's own refusals a detail", async () => {
    const app = new Hono<AppEnv>().onError(errorHandler);
    app.get('/json', () => {
      throw new HTTPException(400, { message: 'Malformed JSON in request body' });
    });
    app.get('/other', () => {
      throw new HTTPException(415, { message: 'Unsupported Media Type' });
    });
    const detail = async (path: string) => ((await (await app.request(path)).json()) as { detail: string }).detail;
    expect(await detail('/json')).toMatch(/not valid JSON/);
    expect(await detail('/other')).toMatch(/OpenAPI document/);
  });
});
