import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO, signIn } from '../support/client.ts';
import { addInvestor, addPlots, zonesWhere, type InvestorRow } from '../support/plotSql.ts';
import { useTestApp } from '../support/testApp.ts';

/**
 * Why one file of about 450 lines: it is the OGC API – Features specification of /ogc, read in
 * the standard's order (landing page, items, single features, HTML, bad requests), and its
 * describes share one demo database and the walk/expectProblem helpers; split, each part would
 * open its own copy and repeat the helpers.
 */

const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

interface Link {
  href: string;
  rel: string;
  type?: string;
}

interface Feature {
  type: 'Feature';
  id: string | number;
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, unknown>;
}

interface Collection {
  id: string;
  itemType: string;
  crs: string[];
  extent: { spatial: { bbox: number[][] }; temporal?: { interval: string[][] } };
  links: Link[];
}

interface FeatureCollection {
  type: 'FeatureCollection';
  numberMatched: number;
  numberReturned: number;
  timeStamp: string;
  links: Link[];
  features: Feature[];
}

const linkOf = (links: Link[], rel: string, type?: string) => links.find((l) => l.rel === rel && (type === undefined || l.type === type));

describe('OGC API – Features', () => {
  const t = useTestApp('demo');
  /** A published zone shared with UNDP and an unpublished one shared with nobody, with plots held by `investor`. */
  let shown: number;
  let hidden: number;
  let investor: InvestorRow;
  beforeAll(async () => {
    // Only this block's plots: the checks below page through every plot each viewer may see.
    await t.db.query('delete from zone_plots');
    investor = await addInvestor(t.db, 'شركة المقاسم المفتوحة', '+963 21 444 7788', 'Open Plots Trading');
    shown = (await zonesWhere(t.db, 'p.is_published'))[0]!;
    hidden = (await zonesWhere(t.db, `not p.is_published and not exists (select 1 from project_shares s where s.project_id = p.id)`))[0]!;
    await t.db.query(`insert into project_shares (project_id, organization_id) select $1, id from organizations where slug = 'undp' on conflict do nothing`, [
      shown,
    ]);
    await addPlots(t.db, shown, [
      { number: 'O-1' },
      { number: 'O-2', status: 'allocated', investorId: investor.id, allocatedOn: '2025-02-10', plannedJobs: 12, plannedInvestment: 50000 },
      { number: 'O-3', status: 'producing', investorId: investor.id, allocatedOn: '2025-06-01', actualJobs: 20, activity: 'textiles' },
    ]);
    await addPlots(t.db, hidden, [{ number: 'H-1' }, { number: 'H-2', status: 'reserved', investorId: investor.id }]);
  });

  const get = (path: string, init?: RequestInit) => t.app.request(path, init);
  const getJson = async <T = Record<string, unknown>>(path: string): Promise<T> => {
    const res = await get(path);
    expect(res.status, `${path}: ${res.status}`).toBe(200);
    return (await res.json()) as T;
  };
  const count = async (sql: string, params: unknown[] = []) => (await t.db.query<{ n: number }>(sql, params))[0]!.n;
  const ids = async (sql: string, params: unknown[] = []) => (await t.db.query<{ id: number }>(sql, params)).map((row) => row.id);

  /** Every feature of an items URL, following `next` links from the first page to the end. */
  async function walk(path: string): Promise<{ pages: FeatureCollection[]; features: Feature[] }> {
    const pages: FeatureCollection[] = [];
    let next: string | undefined = path;
    while (next) {
      const page: FeatureCollection = await getJson<FeatureCollection>(next);
      expect(page.numberReturned).toBe(page.features.length);
      pages.push(page);
      next = linkOf(page.links, 'next')?.href;
      if (next) expect(next).toMatch(/^http:\/\/localhost\/ogc\/collections\//);
      expect(pages.length).toBeLessThan(500);
    }
    return { pages, features: pages.flatMap((page) => page.features) };
  }

  async function expectProblem(path: string, status: number, parameter?: string) {
    const res = await get(path);
    expect(res.status, path).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = await res.json();
    expect(problem).toMatchObject({ status });
    if (parameter) expect(problem.errors.map((e: { parameter: string }) => e.parameter), path).toContain(parameter);
    return problem;
  }

  describe('landing page, conformance, collections', () => {
    it('links the API definition, conformance and data from the landing page', async () => {
      const res = await get('/ogc');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const landing = await res.json();
      expect(landing.title).toMatch(/Marsad/);
      const rels = landing.links.map((l: Link) => l.rel);
      expect(rels).toEqual(expect.arrayContaining(['self', 'alternate', 'service-desc', 'conformance', 'data']));
      expect(linkOf(landing.links, 'service-desc')).toEqual(
        expect.objectContaining({ href: 'http://localhost/api/openapi.json', type: 'application/vnd.oai.openapi+json;version=3.0' }),
      );
      expect(linkOf(landing.links, 'data')!.href).toBe('http://localhost/ogc/collections');
      expect(linkOf(landing.links, 'alternate')).toEqual(expect.objectContaining({ type: 'text/html' }));
    });

    it('describes the OGC routes in the OpenAPI document', async () => {
      const doc = await getJson<{ paths: Record<string, unknown> }>('/api/openapi.json');
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/ogc',
          '/ogc/conformance',
          '/ogc/collections',
          '/ogc/collections/projects/items',
          '/ogc/collections/zones/items/{featureId}',
          '/ogc/collections/governorates',
        ]),
      );
    });

    it('declares Core, OpenAPI 3.0, HTML and GeoJSON conformance', async () => {
      const body = await getJson<{ conformsTo: string[] }>('/ogc/conformance');
      expect(body.conformsTo).toEqual(
        expect.arrayContaining(['core', 'oas30', 'html', 'geojson'].map((c) => `http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/${c}`)),
      );
    });

    it('lists four collections with extents of what the anonymous viewer may see', async () => {
      const body = await getJson<{ collections: Collection[]; links: Link[] }>('/ogc/collections');
      expect(body.collections.map((c) => c.id)).toEqual(['governorates', 'projects', 'zones', 'plots']);
      for (const collection of body.collections) {
        expect(collection.itemType).toBe('feature');
        expect(collection.crs).toEqual([CRS84]);
        expect(collection.extent.spatial.bbox[0]).toHaveLength(4);
        expect(linkOf(collection.links, 'items', 'application/geo+json')!.href).toMatch(
          new RegExp(`^http://localhost/ogc/collections/${collection.id}/items`),
        );
        expect(linkOf(collection.links, 'items', 'text/html')).toBeDefined();
      }
      const projects = body.collections[1]!;
      const [sqlBox] = await t.db.query<{ xmin: number; ymin: number; xmax: number; ymax: number; first: string }>(
        `select ST_XMin(e) as xmin, ST_YMin(e) as ymin, ST_XMax(e) as xmax, ST_YMax(e) as ymax, first
           from (select ST_Extent(geom) as e, min(coalesce(actual_start, planned_start)) as first from projects where is_published) s`,
      );
      const [minLon, minLat, maxLon, maxLat] = projects.extent.spatial.bbox[0]!;
      expect(minLon).toBeLessThanOrEqual(sqlBox!.xmin);
      expect(minLon).toBeCloseTo(sqlBox!.xmin, 5);
      expect(minLat).toBeCloseTo(sqlBox!.ymin, 5);
      expect(maxLon).toBeGreaterThanOrEqual(sqlBox!.xmax);
      expect(maxLat).toBeCloseTo(sqlBox!.ymax, 5);
      expect(projects.extent.temporal!.interval[0]![0]).toBe(`${sqlBox!.first}T00:00:00Z`);
    });

    it('describes one collection, and answers an unknown one with a 404 problem', async () => {
      const zones = await getJson<{ id: string; title: string; title_ar: string; links: Link[] }>('/ogc/collections/zones');
      expect(zones).toMatchObject({ id: 'zones', itemType: 'feature' });
      expect(zones.title_ar).toMatch(/المناطق/);
      expect(linkOf(zones.links, 'self')!.href).toBe('http://localhost/ogc/collections/zones?f=json');
      const problem = await expectProblem('/ogc/collections/roads', 404);
      expect(problem.detail).toMatch(/roads/);
      await expectProblem('/ogc/collections/roads/items', 404);
      await expectProblem('/ogc/collections/roads/items/1', 404);
      await expectProblem('/ogc/nothing', 404);
    });

    it('redirects a trailing slash to the resource', async () => {
      const res = await get('/ogc/?f=json');
      expect(res.status).toBe(301);
      expect(res.headers.get('location')).toBe('/ogc?f=json');
    });
  });

  describe('items', () => {
    it('reads every visible project by following next links, each exactly once', async () => {
      const { pages, features } = await walk('/ogc/collections/projects/items?limit=100');
      const expected = await ids('select id from projects where is_published order by id');
      expect(expected.length).toBeGreaterThan(100);
      expect(pages[0]!.numberMatched).toBe(expected.length);
      expect(pages.every((page) => page.numberMatched === expected.length)).toBe(true);
      expect(features).toHaveLength(expected.length);
      const seen = features.map((f) => f.id as number);
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort((a, b) => a - b)).toEqual(expected);
      expect(linkOf(pages.at(-1)!.links, 'next')).toBeUndefined();
      expect(linkOf(pages[1]!.links, 'prev')!.href).toMatch(/offset=0/);
    });

    it('serves flat GeoJSON features in lon/lat with the project id as feature id', async () => {
      const res = await get('/ogc/collections/projects/items?limit=5');
      expect(res.headers.get('content-type')).toBe('application/geo+json');
      const page = (await res.json()) as FeatureCollection;
      expect(page.type).toBe('FeatureCollection');
      expect(page.numberReturned).toBe(5);
      expect(Date.parse(page.timeStamp)).not.toBeNaN();
      for (const feature of page.features) {
        expect(typeof feature.id).toBe('number');
        expect(feature.properties).toMatchObject({ code: expect.any(String), title_en: expect.any(String), is_published: true });
        for (const value of Object.values(feature.properties)) expect(value === null || typeof value !== 'object').toBe(true);
        const text = JSON.stringify(feature.geometry.coordinates);
        const numbers = text.match(/-?\d+(\.\d+)?/g)!.map(Number);
        expect(numbers.every((n) => Math.abs(n) <= 180)).toBe(true);
      }
    });

    it('uses PAGE_SIZE_DEFAULT when no limit is given, and rejects a limit over PAGE_SIZE_MAX', async () => {
      const page = await getJson<FeatureCollection>('/ogc/collections/projects/items');
      expect(page.numberReturned).toBe(50);
      expect(linkOf(page.links, 'next')!.href).toMatch(/limit=50&offset=50|offset=50.*limit=50|limit=50.*offset=50/);
      await expectProblem('/ogc/collections/projects/items?limit=1001', 400, 'limit');
    });

    it('reads every zone with its zone facts as flat columns', async () => {
      const { pages, features } = await walk('/ogc/collections/zones/items?limit=100');
      const expected = await ids(`select id from projects where is_published and kind in ('industrial_zone', 'craft_zone') order by id`);
      expect(expected.length).toBeGreaterThan(0);
      expect(pages[0]!.numberMatched).toBe(expected.length);
      expect(features.map((f) => f.id).sort((a, b) => Number(a) - Number(b))).toEqual(expected);
      const [facts] = await t.db.query<{ plots_total: number; water_readiness: number }>(
        'select plots_total, water_readiness from zone_facts where project_id = $1',
        [features[0]!.id],
      );
      expect(features[0]!.properties).toMatchObject({ plots_total: facts!.plots_total, water_readiness: facts!.water_readiness });
    });

    it('reads every governorate, with its code as id', async () => {
      const { pages, features } = await walk('/ogc/collections/governorates/items?limit=100');
      expect(pages[0]!.numberMatched).toBe(await count('select count(*) as n from admin_areas where level = 1'));
      const damascus = features.find((f) => f.id === 'SY-DI')!;
      expect(damascus.properties).toMatchObject({ code: 'SY-DI', name_en: 'Damascus', country: 'SYR' });
      expect(damascus.geometry.type).toBe('MultiPolygon');
      const libya = await getJson<FeatureCollection>('/ogc/collections/governorates/items?country=LBY&limit=100');
      expect(libya.numberMatched).toBe(22);
    });

    it('filters by bbox as ST_Intersects does', async () => {
      const box = [36, 33, 37.5, 34.5] as const;
      const { features } = await walk(`/ogc/collections/projects/items?limit=100&bbox=${box.join(',')}`);
      const expected = await ids(
        'select id from projects where is_published and ST_Intersects(geom, ST_MakeEnvelope($1, $2, $3, $4, 4326)) order by id',
        [...box],
      );
      expect(expected.length).toBeGreaterThan(0);
      expect(features.map((f) => f.id).sort((a, b) => Number(a) - Number(b))).toEqual(expected);
      const withCrs = await getJson<FeatureCollection>(
        `/ogc/collections/projects/items?bbox=${box.join(',')}&bbox-crs=${encodeURIComponent(CRS84)}`,
      );
      expect(withCrs.numberMatched).toBe(expected.length);
      const governorates = await getJson<FeatureCollection>(`/ogc/collections/governorates/items?limit=100&bbox=${box.join(',')}`);
      const expectedAreas = await count(
        'select count(*) as n from admin_areas where level = 1 and ST_Intersects(geom, ST_MakeEnvelope($1, $2, $3, $4, 4326))',
        [...box],
      );
      expect(governorates.numberMatched).toBe(expectedAreas);
      // Across the antimeridian, far from every project.
      const pacific = await getJson<FeatureCollection>('/ogc/collections/projects/items?bbox=170,-10,-170,10');
      expect(pacific.numberMatched).toBe(0);
    });

    it('leaves numberMatched out of a bbox page over 1,000 matches, until the last page', async () => {
      const { cookie } = await signIn(t.app, DEMO.admin);
      const asAdmin = async (path: string) => (await get(path, { headers: { cookie } })).json() as Promise<FeatureCollection>;
      const world = '/ogc/collections/projects/items?bbox=-180,-90,180,90&limit=1000';
      const total = await count('select count(*) as n from projects');
      expect(total).toBeGreaterThan(1000);
      const first = await asAdmin(world);
      expect(first.numberMatched).toBeUndefined();
      expect(first.numberReturned).toBe(1000);
      expect(linkOf(first.links, 'next')).toBeDefined();
      const last = await asAdmin(`${world}&offset=${Math.floor((total - 1) / 1000) * 1000}`);
      expect(last.numberMatched).toBe(total);
      expect(linkOf(last.links, 'next')).toBeUndefined();
      expect((await asAdmin('/ogc/collections/projects/items?bbox=-180,-90,180,90&limit=1&f=json&status=completed')).numberMatched).toBe(
        await count(`select count(*) as n from projects where status = 'completed'`),
      );
    });

    it('filters by datetime instants and intervals, open or closed, as the activity range', async () => {
      const activeBetween = (from: string | null, to: string | null) =>
        count(
          `select count(*) as n from projects
            where is_published
              and coalesce(actual_start, planned_start, '-infinity'::date) <= coalesce($2::date, 'infinity'::date)
              and coalesce(actual_end, planned_end, 'infinity'::date) >= coalesce($1::date, '-infinity'::date)`,
          [from, to],
        );
      const cases: [string, string | null, string | null][] = [
        ['2024-01-01T00:00:00Z/2024-12-31T23:59:59Z', '2024-01-01', '2024-12-31'],
        ['../2021-06-30T12:00:00Z', null, '2021-06-30'],
        ['2026-01-01T00:00:00Z/..', '2026-01-01', null],
        ['2025-03-01T10:00:00+03:00', '2025-03-01', '2025-03-01'],
        ['2025-03-01', '2025-03-01', '2025-03-01'],
        ['2025-03-01T23:30:00-02:00/', '2025-03-02', null],
      ];
      const totals = new Set<number>();
      for (const [datetime, from, to] of cases) {
        const page = await getJson<FeatureCollection>(`/ogc/collections/projects/items?limit=1&datetime=${encodeURIComponent(datetime)}`);
        expect(page.numberMatched, datetime).toBe(await activeBetween(from, to));
        totals.add(page.numberMatched);
      }
      expect(totals.size).toBeGreaterThan(2);
    });

    it('filters by project properties, and carries the filters on in next links', async () => {
      const path = '/ogc/collections/projects/items?limit=100&country=SYR&status=in_progress,planned';
      const { pages, features } = await walk(path);
      const expected = await count(
        `select count(*) as n from projects where is_published and country_iso3 = 'SYR' and status in ('in_progress', 'planned')`,
      );
      expect(features).toHaveLength(expected);
      expect(pages[0]!.numberMatched).toBe(expected);
      for (const page of pages.slice(0, -1)) expect(linkOf(page.links, 'next')!.href).toMatch(/country=SYR&status=in_progress%2Cplanned/);
      expect(features.every((f) => f.properties.country === 'SYR' && ['in_progress', 'planned'].includes(f.properties.status as string))).toBe(true);

      const checks: [string, string, unknown[]][] = [
        ['kind=industrial_zone', `kind = 'industrial_zone'`, []],
        ['sector=water,health', `sector_code in ('water', 'health')`, []],
        ['governorate=SY-DI', `admin_area_id = (select id from admin_areas where code = 'SY-DI')`, []],
        [
          'funder=undp',
          `exists (select 1 from project_funding f join organizations o on o.id = f.organization_id where f.project_id = projects.id and o.slug = 'undp')`,
          [],
        ],
      ];
      for (const [query, sql, params] of checks) {
        const page = await getJson<FeatureCollection>(`/ogc/collections/projects/items?limit=1&${query}`);
        expect(page.numberMatched, query).toBe(await count(`select count(*) as n from projects where is_published and ${sql}`, params));
      }
      const [sample] = await t.db.query<{ code: string }>('select code from projects where is_published order by id limit 1');
      const byText = await getJson<FeatureCollection>(`/ogc/collections/projects/items?q=${encodeURIComponent(sample!.code)}`);
      expect(byText.features.map((f) => f.properties.code)).toContain(sample!.code);

      await expectProblem('/ogc/collections/zones/items?kind=development_project', 400, 'kind');
      await expectProblem('/ogc/collections/projects/items?country=XYZ', 400, 'country');
      await expectProblem('/ogc/collections/projects/items?status=finished', 400, 'status');
    });
  });

  describe('single features', () => {
    it('serves one published project, and 404 for an unpublished or unknown one', async () => {
      const [published] = await ids('select id from projects where is_published order by id limit 1');
      const res = await get(`/ogc/collections/projects/items/${published}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/geo+json');
      const feature = await res.json();
      expect(feature).toMatchObject({ type: 'Feature', id: published, properties: { is_published: true } });
      expect(linkOf(feature.links, 'collection')!.href).toBe('http://localhost/ogc/collections/projects');

      const [hidden] = await ids('select id from projects where not is_published order by id limit 1');
      expect(hidden).toBeDefined();
      await expectProblem(`/ogc/collections/projects/items/${hidden}`, 404);
      await expectProblem('/ogc/collections/projects/items/999999999', 404);
      await expectProblem('/ogc/collections/projects/items/abc', 404);
      await expectProblem('/ogc/collections/projects/items/99999999999999999999', 404);

      const [hiddenZone] = await ids(`select id from projects where not is_published and kind in ('industrial_zone', 'craft_zone') limit 1`);
      if (hiddenZone !== undefined) await expectProblem(`/ogc/collections/zones/items/${hiddenZone}`, 404);
      const [development] = await ids(`select id from projects where is_published and kind = 'development_project' limit 1`);
      await expectProblem(`/ogc/collections/zones/items/${development}`, 404);
    });

    it('serves one governorate by its code', async () => {
      const feature = await getJson<Feature>('/ogc/collections/governorates/items/SY-HL');
      expect(feature).toMatchObject({ id: 'SY-HL', properties: { name_en: 'Aleppo' } });
      await expectProblem('/ogc/collections/governorates/items/XX-99', 404);
    });
  });

  describe('HTML', () => {
    /** Every URL in the page is on the request's own host: nothing to fetch from the internet. */
    function expectSelfContained(body: string, { textToo }: { textToo: boolean }) {
      const attributes = [...body.matchAll(/\b(?:href|src|action)\s*=\s*"([^"]*)"/g)].map((m) => m[1]!);
      for (const value of attributes) expect(value, value).toMatch(/^(http:\/\/localhost\/|\/|#)/);
      expect(body).not.toMatch(/<script|<link|@import|url\(/i);
      if (textToo) {
        const hosts = [...body.matchAll(/https?:\/\/([^/"'\s<>]+)/g)].map((m) => m[1]);
        expect(hosts.filter((host) => host !== 'localhost')).toEqual([]);
      }
    }

    async function page(path: string, init?: RequestInit) {
      const res = await get(path, init);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const body = await res.text();
      expect(body).toMatch(/<html lang="en">/);
      return body;
    }

    it('serves every resource as a self-contained page with f=html', async () => {
      const [id] = await ids('select id from projects where is_published order by id limit 1');
      const pages: [string, string, boolean][] = [
        ['/ogc?f=html', 'Marsad', true],
        ['/ogc/conformance?f=html', 'ogcapi-features-1/1.0/conf/core', false],
        ['/ogc/collections?f=html', 'Industrial and craft zones', true],
        ['/ogc/collections/projects?f=html', 'Projects', true],
        ['/ogc/collections/projects/items?f=html&limit=5', 'Next page', true],
        [`/ogc/collections/projects/items/${id}?f=html`, 'title_en', true],
        ['/ogc/collections/governorates/items/SY-DI?f=html', 'Damascus', true],
      ];
      for (const [path, text, textToo] of pages) {
        const body = await page(path);
        expect(body, path).toContain(text);
        expectSelfContained(body, { textToo });
      }
    });

    it('serves HTML to browsers by their Accept header, and JSON to GIS clients', async () => {
      const browser = { headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } };
      const body = await page('/ogc/collections/zones/items', browser);
      expect(body).toContain('Features 1–');
      expectSelfContained(body, { textToo: true });
      const gdal = await get('/ogc/collections/zones/items', { headers: { accept: 'application/geo+json, application/json' } });
      expect(gdal.headers.get('content-type')).toBe('application/geo+json');
      const any = await get('/ogc/collections', { headers: { accept: '*/*' } });
      expect(any.headers.get('content-type')).toMatch(/^application\/json/);
      const explicit = await get('/ogc/collections?f=json', browser);
      expect(explicit.headers.get('content-type')).toMatch(/^application\/json/);
    });

    it('escapes what it shows, and answers errors with a page when HTML is asked for', async () => {
      const res = await get('/ogc/collections/%3Cb%3Eroads%3C%2Fb%3E?f=html');
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const body = await res.text();
      expect(body).toContain('&lt;b&gt;roads&lt;/b&gt;');
      expect(body).not.toContain('<b>roads');
      const bad = await get('/ogc/collections/projects/items?limit=0', { headers: { accept: 'text/html' } });
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain('limit');
    });
  });

  describe('the plots collection', () => {
    const plotsOf = (sql: string) => ids(`select zp.id from zone_plots zp join projects p on p.id = zp.zone_id where ${sql} order by zp.id`);
    const as = async (email: string) => ({ cookie: (await signIn(t.app, email)).cookie });
    const getAs = async (path: string, headers: Record<string, string> = {}) => {
      const res = await get(path, { headers });
      expect(res.status, path).toBe(200);
      return res;
    };

    it('reads the plots of the zones each viewer may see, investors for the ministry only', async () => {
      const viewers: [string, Record<string, string>, string, boolean][] = [
        ['anonymous', {}, 'p.is_published', false],
        ['donor', await as(DEMO.undpDonor), `exists (select 1 from project_shares s join organizations o on o.id = s.organization_id where s.project_id = p.id and o.slug = 'undp')`, false],
        ['minister', await as(DEMO.minister), 'true', true],
        ['engineer', await as(DEMO.engineer), 'true', true],
      ];
      for (const [who, headers, visible, investors] of viewers) {
        const pages: FeatureCollection[] = [];
        for (let next: string | undefined = '/ogc/collections/plots/items?limit=2'; next; next = linkOf(pages.at(-1)!.links, 'next')?.href) {
          pages.push((await (await getAs(next, headers)).json()) as FeatureCollection);
        }
        const features = pages.flatMap((page) => page.features);
        expect(features.map((f) => f.id), who).toEqual(await plotsOf(visible));
        expect(pages[0]!.numberMatched, who).toBe(features.length);
        for (const feature of features) {
          expect(feature.geometry.type).toBe('MultiPolygon');
          expect(Object.keys(feature.properties)).toEqual(expect.arrayContaining(['plot_number', 'zone_id', 'zone_code', 'status', 'activity', 'area_m2', 'allocated_on', 'planned_jobs', 'actual_jobs', 'planned_investment', 'actual_investment']));
          // Not even a null-valued key tells a donor or the public that plots have holders.
          expect(Object.keys(feature.properties).some((key) => key.startsWith('investor')), `${who} ${feature.id}`).toBe(investors);
        }
        const held = features.find((f) => f.properties.zone_id === shown && f.properties.plot_number === 'O-2')!;
        expect(held.properties).toMatchObject({ zone_id: shown, status: 'allocated', allocated_on: '2025-02-10', planned_jobs: 12, planned_investment: 50000 });
        if (investors) {
          expect(held.properties).toMatchObject({ investor_name: investor.name_ar, investor_name_en: 'Open Plots Trading' });
          expect(features.find((f) => f.properties.zone_id === shown && f.properties.plot_number === 'O-1')!.properties.investor_name).toBeNull();
        }
      }
    });

    it('filters plots by zone, status, activity, bbox and allocation date', async () => {
      const numbers = async (query: string) =>
        (await getJson<FeatureCollection>(`/ogc/collections/plots/items?zone=${shown}&${query}`)).features.map((f) => f.properties.plot_number).sort();
      expect(await numbers('status=allocated,producing')).toEqual(['O-2', 'O-3']);
      expect(await numbers('activity=textiles')).toEqual(['O-3']);
      expect(await numbers('datetime=2025-06-01')).toEqual(['O-3']);
      expect(await numbers(`datetime=${encodeURIComponent('2025-01-01T00:00:00Z/2025-03-01T00:00:00Z')}`)).toEqual(['O-2']);
      const [box] = await t.db.query<{ w: number; s: number; e: number; n: number }>(
        `select ST_XMin(geom) - 0.00001 as w, ST_YMin(geom) as s, ST_XMax(geom) + 0.00001 as e, ST_YMax(geom) as n from zone_plots where zone_id = $1 and plot_number = 'O-2'`,
        [shown],
      );
      // The box reaches a metre past O-2's sides; its neighbours are about 15 m away.
      expect(await numbers(`bbox=${[box!.w, box!.s, box!.e, box!.n].join(',')}`)).toEqual(['O-2']);
      expect((await getJson<FeatureCollection>(`/ogc/collections/plots/items?zone=${hidden}`)).features).toEqual([]);
      await expectProblem('/ogc/collections/plots/items?status=sold', 400, 'status');
      await expectProblem('/ogc/collections/plots/items?activity=mining', 400, 'activity');
      await expectProblem('/ogc/collections/plots/items?zone=abc', 400, 'zone');
      await expectProblem('/ogc/collections/plots/items?governorate=SY-ZZ', 400, 'governorate');
      await expectProblem('/ogc/collections/plots/items?investor=1', 400, 'investor');
    });

    it('serves one plot as its zone allows, and never its holder to donors or the public, in JSON or HTML', async () => {
      const [heldId] = await plotsOf(`zp.zone_id = ${Number(shown)} and zp.plot_number = 'O-2'`);
      const [hiddenId] = await plotsOf(`zp.zone_id = ${Number(hidden)}`);
      const minister = await as(DEMO.minister);
      const donor = await as(DEMO.undpDonor);
      expect((await (await getAs(`/ogc/collections/plots/items/${heldId}`, minister)).json()).properties.investor_name).toBe(investor.name_ar);
      expect(await (await getAs(`/ogc/collections/plots/items/${heldId}?f=html`, minister)).text()).toContain(investor.name_ar);
      for (const headers of [{}, donor]) {
        for (const path of [
          `/ogc/collections/plots/items/${heldId}`,
          `/ogc/collections/plots/items/${heldId}?f=html`,
          `/ogc/collections/plots/items?zone=${shown}`,
          `/ogc/collections/plots/items?zone=${shown}&f=html`,
          '/ogc/collections/plots',
        ]) {
          const body = await (await getAs(path, headers)).text();
          for (const secret of [investor.name_ar, 'Open Plots Trading', investor.phone, 'investor']) expect(body, path).not.toContain(secret);
        }
        expect((await get(`/ogc/collections/plots/items/${hiddenId}`, { headers })).status).toBe(404);
      }
      expect((await getAs(`/ogc/collections/plots/items/${hiddenId}`, minister)).status).toBe(200);
    });
  });

  describe('bad requests', () => {
    it('answers each bad parameter with a 400 problem naming it', async () => {
      const items = '/ogc/collections/projects/items';
      const cases: [string, string][] = [
        [`${items}?bbox=1,2,3`, 'bbox'],
        [`${items}?bbox=1,2,3,4,5,6`, 'bbox'],
        [`${items}?bbox=a,b,c,d`, 'bbox'],
        [`${items}?bbox=0,50,10,40`, 'bbox'],
        [`${items}?bbox=1,2,3,4&bbox-crs=${encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/4326')}`, 'bbox-crs'],
        [`${items}?limit=0`, 'limit'],
        [`${items}?limit=ten`, 'limit'],
        [`${items}?limit=1.5`, 'limit'],
        [`${items}?offset=-1`, 'offset'],
        [`${items}?datetime=yesterday`, 'datetime'],
        [`${items}?datetime=2025-13-01T00:00:00Z`, 'datetime'],
        [`${items}?datetime=2025-02-30`, 'datetime'],
        [`${items}?datetime=2025-01-01T00:00:00Z/2024-01-01T00:00:00Z`, 'datetime'],
        [`${items}?datetime=2025-01-01T00:00:00`, 'datetime'],
        [`${items}?datetime=a/b/c`, 'datetime'],
        [`${items}?datetime=/`, 'datetime'],
        [`${items}?datetime=../..`, 'datetime'],
        [`${items}?contry=SYR`, 'contry'],
        [`${items}?year=2025`, 'year'],
        [`${items}?f=xml`, 'f'],
        ['/ogc/collections/governorates/items?status=planned', 'status'],
        ['/ogc/collections?limit=10', 'limit'],
        ['/ogc?foo=1', 'foo'],
      ];
      for (const [path, parameter] of cases) await expectProblem(path, 400, parameter);
    });
  });
});
