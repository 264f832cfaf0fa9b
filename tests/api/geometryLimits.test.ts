import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type Client } from '../support/client.ts';
import { testApp, type TestApp } from '../support/testApp.ts';

const MB = 1024 * 1024;

/** A closed ring of `n` distinct positions around a point in Damascus, as JSON text (never as arrays: a million of those is slow to build). */
function ringJson(n: number, radius = 0.02): string {
  const positions: string[] = new Array(n + 1);
  for (let i = 0; i < n; i++) positions[i] = `[${(36.29 + radius * Math.cos((2 * Math.PI * i) / n)).toFixed(7)},${(33.51 + radius * Math.sin((2 * Math.PI * i) / n)).toFixed(7)}]`;
  positions[n] = positions[0]!;
  return `[${positions.join(',')}]`;
}

const fields = (code: string) =>
  `"code":"${code}","kind":"development_project","sector":"water","title_ar":"مشروع اختبار","title_en":"Test project"`;

describe('geometry limits on creating and editing projects', () => {
  let t: TestApp;
  let engineer: Client;
  /** The body is JSON text, built as text (a million positions as arrays would be slow to build). */
  const send = (method: string, path: string, body: string) => engineer.request(path, { method, headers: { 'content-type': 'application/json' }, body });
  const count = async (code: string) => (await t.db.query<{ n: number }>('select count(*)::int as n from projects where code = $1', [code]))[0]!.n;

  beforeAll(async () => {
    t = await testApp('demo');
    engineer = await t.as(DEMO.engineer);
  });
  afterAll(() => t.close());

  it('refuses a polygon of a million vertices (24 MB) with 413 naming the limit, keeping memory in bounds', async () => {
    const body = `{${fields('LIM-DI-0001')},"geometry":{"type":"Polygon","coordinates":[${ringJson(1_000_000)}]}}`;
    expect(body.length).toBeGreaterThan(20 * MB);
    const before = process.memoryUsage().rss;
    const res = await send('POST', '/api/projects', body);
    const grown = process.memoryUsage().rss - before;
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await res.json()).detail).toMatch(/A JSON body may be at most 4 MB; a project's geometry at most 50,000 positions/);
    expect(grown).toBeLessThan(200 * MB);
    expect(await count('LIM-DI-0001')).toBe(0);
  });

  it('refuses a geometry over the position limit with 400 naming it, before PostGIS sees it', async () => {
    const body = `{${fields('LIM-DI-0002')},"geometry":{"type":"Polygon","coordinates":[${ringJson(60_000)}]}}`;
    expect(body.length).toBeLessThan(4 * MB);
    const res = await send('POST', '/api/projects', body);
    expect(res.status).toBe(400);
    const problem = await res.json();
    expect(problem.detail).toMatch(/geometry: has 60,001 positions; a geometry may have at most 50,000/);
    expect(problem.errors).toEqual([{ parameter: 'geometry', message: expect.stringMatching(/at most 50,000/) }]);
    expect(await count('LIM-DI-0002')).toBe(0);

    // An edit is held to the same limit.
    const created = await send('POST', '/api/projects', `{${fields('LIM-DI-0003')},"geometry":{"type":"Point","coordinates":[36.29,33.51]}}`);
    expect(created.status).toBe(201);
    const { id, version } = await created.json();
    const edit = await send('PATCH', `/api/projects/${id}`, `{"version":${version},"geometry":{"type":"Polygon","coordinates":[${ringJson(60_000)}]}}`);
    expect(edit.status).toBe(400);
    expect((await edit.json()).detail).toMatch(/at most 50,000/);
  });

  it('refuses a geometry of too many parts', async () => {
    const points = Array.from({ length: 12_000 }, (_, i) => `[${(36.28 + (i % 100) * 0.0002).toFixed(4)},${(33.5 + Math.floor(i / 100) * 0.0002).toFixed(4)}]`);
    const res = await send('POST', '/api/projects', `{${fields('LIM-DI-0004')},"geometry":{"type":"MultiPoint","coordinates":[${points.join(',')}]}}`);
    expect(res.status).toBe(400);
    expect((await res.json()).detail).toMatch(/more than 10,000 parts/);
  });

  it('refuses deep nesting before parsing it, and coordinates nested deeper than their type', async () => {
    const deep = `{${fields('LIM-DI-0005')},"geometry":{"type":"Point","coordinates":${'['.repeat(200_000)}${']'.repeat(200_000)}}}`;
    const res = await send('POST', '/api/projects', deep);
    expect(res.status).toBe(400);
    expect((await res.json()).detail).toMatch(/nests deeper than 32 levels/);

    const polygonOfRings = `{${fields('LIM-DI-0006')},"geometry":{"type":"Polygon","coordinates":[[[${ringJson(4)}]]]}}`;
    const wrong = await send('POST', '/api/projects', polygonOfRings);
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).detail).toMatch(/geometry: nests its coordinates deeper than a Polygon does/);
  });

  it('holds every JSON body to the same size and nesting, an anonymous sign-in included', async () => {
    const login = (body: string) => t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const big = await login(`{"email":"a@b.c","password":"${'x'.repeat(5 * MB)}"}`);
    expect(big.status).toBe(413);
    expect(big.headers.get('content-type')).toContain('application/problem+json');
    expect((await big.json()).detail).toMatch(/A JSON body may be at most 4 MB/);
    const deep = await login(`{"email":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(deep.status).toBe(400);
    expect((await deep.json()).detail).toMatch(/nests deeper than 32 levels/);
    // Brackets inside strings are text, not nesting.
    const text = await login(JSON.stringify({ email: 'nobody@marsad.demo', password: '['.repeat(1000) }));
    expect(text.status).toBe(401);
  });

  it('still takes a detailed polygon within the limits', async () => {
    const res = await send('POST', '/api/projects', `{${fields('LIM-DI-0007')},"geometry":{"type":"Polygon","coordinates":[${ringJson(2_000)}]}}`);
    expect(res.status).toBe(201);
  });
});
