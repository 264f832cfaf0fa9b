import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/testApp.ts';

describe('HTTP basics', () => {
  const t = useTestApp('boundaries');

  it('reports health with the engine and PostGIS version', async () => {
    const res = await t.app.request('/api/health');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'ok', engine: t.db.engine });
    expect(body.postgis).toMatch(/^3\.\d+/);
    expect(body.tileEncoder).toBe(t.db.engine === 'postgres' ? 'postgis' : 'javascript');
  });

  it('publishes an OpenAPI 3 document describing the routes', async () => {
    const res = await t.app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/boundaries/governorates', '/tiles/{layer}/{z}/{x}/{y}']),
    );
  });

  it('answers unknown API paths with a 404 problem', async () => {
    const res = await t.app.request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 404, title: 'Not Found', instance: '/api/nothing-here' });
  });

  it('answers bad input with a 400 problem naming the parameter', async () => {
    const res = await t.app.request("/api/boundaries/governorates?country=SYR'%3B--");
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = await res.json();
    expect(problem).toMatchObject({ status: 400, title: 'Invalid request' });
    expect(problem.errors).toEqual([expect.objectContaining({ parameter: 'country' })]);
  });
});

describe('boundaries API', () => {
  const t = useTestApp('boundaries');

  it('serves the 156 governorates as GeoJSON with bilingual names', async () => {
    const res = await t.app.request('/api/boundaries/governorates');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/geo+json');
    const body = await res.json();
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(156);
    const damascus = body.features.find((f: { id: string }) => f.id === 'SY-DI');
    expect(damascus.properties).toMatchObject({ name_en: 'Damascus', name_ar_short: 'دمشق', country_iso3: 'SYR' });
    expect(damascus.geometry.type).toBe('MultiPolygon');
  });

  it('filters by country', async () => {
    const body = await (await t.app.request('/api/boundaries/governorates?country=LBY')).json();
    expect(body.features).toHaveLength(22);
  });

  it('serves countries and label points', async () => {
    const countries = await (await t.app.request('/api/boundaries/countries')).json();
    expect(countries.features.map((f: { id: string }) => f.id).sort()).toEqual(
      ['EGY', 'IRQ', 'JOR', 'LBN', 'LBY', 'SAU', 'SYR', 'TUN', 'YEM'],
    );
    const labels = await (await t.app.request('/api/boundaries/labels')).json();
    expect(labels.features).toHaveLength(156);
    expect(labels.features.every((f: { geometry: { type: string } }) => f.geometry.type === 'Point')).toBe(true);
  });

  it('compresses large responses', async () => {
    const res = await t.app.request('/api/boundaries/governorates', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
  });
});

describe('client settings and organizations', () => {
  const t = useTestApp('demo', { BASEMAP_STYLE_URL: 'https://tiles.example.org/style.json' });

  it('tells the web app which basemap to use', async () => {
    expect(await (await t.app.request('/api/config')).json()).toEqual({ basemapStyleUrl: 'https://tiles.example.org/style.json' });
  });

  it('lists donors with how many visible projects each funds', async () => {
    const body = await (await t.app.request('/api/organizations?kind=donor')).json();
    const undp = body.items.find((o: { slug: string }) => o.slug === 'undp');
    const [expected] = await t.db.query<{ n: number }>(
      `select count(*) as n from project_funding f join projects p on p.id = f.project_id
         join organizations o on o.id = f.organization_id where o.slug = 'undp' and p.is_published`,
    );
    expect(undp).toMatchObject({ kind: 'donor', name_en: expect.any(String), name_ar: expect.any(String), funded_projects: expected!.n });
    expect(body.items.every((o: { kind: string }) => o.kind === 'donor')).toBe(true);
    expect((await t.app.request('/api/organizations?kind=club')).status).toBe(400);
  });

  it('compresses the web app and API responses', async () => {
    const res = await t.app.request('/api/organizations', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
  });
});
