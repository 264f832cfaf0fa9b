import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/testApp.ts';

interface Page {
  total: number;
  limit: number;
  offset: number;
  items: { id: number; code: string; status: string; governorate: string; title_ar: string; delay_days: number; budget: number | null }[];
  links: { next: string | null; prev: string | null };
}

describe('projects API', () => {
  let t: TestApp;
  let published: number;
  const get = async (path: string) => {
    const res = await t.app.request(path);
    return { res, body: await res.json() };
  };
  const count = async (where: string, params: unknown[] = []) =>
    (await t.db.query<{ n: number }>(`select count(*) as n from projects p where p.is_published and (${where})`, params))[0]!.n;

  beforeAll(async () => {
    t = await testApp('demo');
    published = await count('true');
  });
  afterAll(() => t.close());

  it('lists only published projects to anonymous callers, with a default page size', async () => {
    const { res, body } = await get('/api/projects');
    expect(res.status).toBe(200);
    const page = body as Page;
    expect(published).toBeGreaterThan(100);
    const [all] = await t.db.query<{ n: number }>('select count(*) as n from projects');
    expect(published).toBeLessThan(all!.n);
    expect(page.total).toBe(published);
    expect(page.items).toHaveLength(50);
    expect(page.limit).toBe(50);
  });

  it('pages through everything with next links, without overlap', async () => {
    const seen = new Set<number>();
    let path: string | null = '/api/projects?limit=200&sort=-budget';
    while (path) {
      const page: Page = (await get(path)).body;
      for (const item of page.items) {
        expect(seen.has(item.id)).toBe(false);
        seen.add(item.id);
      }
      path = page.links.next;
    }
    expect(seen.size).toBe(published);
  });

  it('filters by governorate, status, kind and sector together', async () => {
    const page: Page = (await get('/api/projects?governorate=SY-DI,SY-RD&status=in_progress,completed&limit=1000')).body;
    const expected = await count(
      `p.admin_area_id in (select id from admin_areas where code in ('SY-DI','SY-RD')) and p.status in ('in_progress','completed')`,
    );
    expect(page.total).toBe(expected);
    expect(page.items.every((i) => ['SY-DI', 'SY-RD'].includes(i.governorate))).toBe(true);
    const zones: Page = (await get('/api/projects?kind=industrial_zone,craft_zone&sector=industry,crafts')).body;
    expect(zones.total).toBe(await count(`p.kind in ('industrial_zone','craft_zone') and p.sector_code in ('industry','crafts')`));
  });

  it('filters by funder, year and bbox', async () => {
    const byFunder: Page = (await get('/api/projects?funder=undp')).body;
    expect(byFunder.total).toBe(
      await count(`exists (select 1 from project_funding f join organizations o on o.id = f.organization_id where f.project_id = p.id and o.slug = 'undp')`),
    );
    const byYear: Page = (await get('/api/projects?year=2023')).body;
    expect(byYear.total).toBe(
      await count(`coalesce(p.actual_start, p.planned_start) <= '2023-12-31' and coalesce(p.actual_end, p.planned_end, 'infinity') >= '2023-01-01'`),
    );
    const bbox = [35.5, 32.3, 37.0, 34.0];
    const inBox: Page = (await get(`/api/projects?bbox=${bbox.join(',')}`)).body;
    expect(inBox.total).toBe(await count(`p.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326)`, bbox));
    expect(inBox.total).toBeGreaterThan(0);
  });

  it('finds Arabic text whatever the spelling of alef, taa marbuta and diacritics', async () => {
    const [row] = await t.db.query<{ n: number }>(
      `select count(*) as n from projects where is_published and title_ar like '%مصراتة%'`,
    );
    expect(row!.n).toBeGreaterThan(0);
    for (const spelling of ['مصراتة', 'مصراته', 'مِصْراتة', 'مصـراتة']) {
      const page: Page = (await get(`/api/projects?q=${encodeURIComponent(spelling)}&limit=1000`)).body;
      expect(page.total, spelling).toBeGreaterThanOrEqual(row!.n);
      expect(page.items.some((i) => i.title_ar.includes('مصراتة')), spelling).toBe(true);
    }
    const english: Page = (await get('/api/projects?q=MISRATA')).body;
    expect(english.total).toBeGreaterThan(0);
  });

  it('treats % and _ in the search text literally', async () => {
    const page: Page = (await get(`/api/projects?q=${encodeURIComponent('%_%')}`)).body;
    expect(page.total).toBe(0);
  });

  it('sorts by delay, most delayed first', async () => {
    const page: Page = (await get('/api/projects?sort=-delay&limit=100')).body;
    const delays = page.items.map((i) => i.delay_days);
    expect(delays).toEqual([...delays].sort((a, b) => b - a));
    expect(delays[0]).toBeGreaterThan(0);
  });

  it('pages by delay in exactly the order of days late, then id, whatever the filter and offset', async () => {
    // The order, stated plainly; the API reads it from two index-ordered pieces instead.
    const expected = async (where: string, offset: number) =>
      (
        await t.db.query<{ id: number }>(
          `select p.id from projects p where p.is_published and ${where}
            order by case when p.planned_end < current_date and p.status not in ('completed', 'cancelled')
                          then current_date - p.planned_end else 0 end desc, p.id
            limit 25 offset ${offset}`,
        )
      ).map((row) => row.id);
    const cases: [string, string][] = [
      ['', 'true'],
      ['&status=in_progress', `p.status = 'in_progress'`],
      ['&status=completed,suspended', `p.status in ('completed', 'suspended')`],
      ['&country=SYR', `p.country_iso3 = 'SYR'`],
    ];
    for (const [filter, where] of cases) {
      for (const offset of [0, 30, 390]) {
        const page: Page = (await get(`/api/projects?sort=-delay&limit=25&offset=${offset}${filter}`)).body;
        expect(page.items.map((item) => item.id), `${filter} at ${offset}`).toEqual(await expected(where, offset));
      }
    }
  });

  it('returns GeoJSON with geometries on request', async () => {
    const res = await t.app.request('/api/projects?format=geojson&limit=20');
    expect(res.headers.get('content-type')).toBe('application/geo+json');
    const body = await res.json();
    expect(body.type).toBe('FeatureCollection');
    expect(body.numberMatched).toBe(published);
    expect(body.features).toHaveLength(20);
    expect(['Point', 'LineString', 'Polygon', 'MultiPolygon']).toContain(body.features[0].geometry.type);
  });

  it('shows one project with its funding, history and zone facts', async () => {
    const [zone] = await t.db.query<{ id: number }>(
      `select id from projects where is_published and kind = 'industrial_zone' order by id limit 1`,
    );
    const { res, body } = await get(`/api/projects/${zone!.id}`);
    expect(res.status).toBe(200);
    expect(body.zone).toMatchObject({ plots_total: expect.any(Number), utilities: { water: expect.any(Number) } });
    expect(body.funding.length).toBeGreaterThan(0);
    const [history] = await t.db.query<{ n: number }>('select count(*) as n from progress_updates where project_id = $1', [zone!.id]);
    expect(body.progress).toHaveLength(history!.n);
    const dates = body.progress.map((u: { reported_on: string }) => u.reported_on);
    expect(dates).toEqual([...dates].sort());
  });

  it('hides unpublished projects from anonymous callers, as if they did not exist', async () => {
    const [hidden] = await t.db.query<{ id: number }>('select id from projects where not is_published limit 1');
    const { res, body } = await get(`/api/projects/${hidden!.id}`);
    expect(res.status).toBe(404);
    expect(body).toMatchObject({ status: 404 });
    expect((await get('/api/projects/999999999')).res.status).toBe(404);
  });

  it.each([
    ['/api/projects?limit=100000', 'limit'],
    ['/api/projects?limit=0', 'limit'],
    ['/api/projects?offset=-1', 'offset'],
    ['/api/projects?governorate=SY-ZZ', 'governorate'],
    ['/api/projects?country=XYZ', 'country'],
    ['/api/projects?funder=nobody', 'funder'],
    ['/api/projects?status=finished', 'status'],
    ['/api/projects?kind=castle', 'kind'],
    ['/api/projects?sector=space', 'sector'],
    ['/api/projects?bbox=1,2,3', 'bbox'],
    ['/api/projects?bbox=0,95,10,96', 'bbox'],
    ['/api/projects?year=twenty', 'year'],
    ['/api/projects?from=2025-02-30', 'from'],
    ['/api/projects?from=2025-06-01&to=2025-01-01', 'from'],
    ['/api/projects?sort=price', 'sort'],
    ["/api/projects?governorate=SY-DI'%20or%201=1--", 'governorate'],
    ['/api/projects/abc', 'id'],
    ['/api/projects/99999999999999999999', 'id'],
  ])('rejects %s with a 400 naming %s', async (path, parameter) => {
    const { res, body } = await get(path);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(body.errors.map((e: { parameter: string }) => e.parameter)).toContain(parameter);
  });
});
