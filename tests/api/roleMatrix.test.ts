import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TILE_LAYER_NAMES } from '@marsad/contracts';
import { png } from '@marsad/demo';
import { DEMO, type Client } from '../support/client.ts';
import { writePlan } from '../support/planFixtures.ts';
import { addInvestor, addPlots, zonesWhere } from '../support/plotSql.ts';
import { testApp, type TestApp } from '../support/testApp.ts';

/**
 * Every way data leaves and every way it changes, for every role: what each may see (counts
 * must equal the visibility rule computed independently) and what each may do (status codes).
 */
const ROLES = {
  anonymous: null,
  admin: DEMO.admin,
  minister: DEMO.minister,
  viewer: DEMO.viewer,
  engineer: DEMO.engineer,
  donor: DEMO.undpDonor,
} as const;
type Role = keyof typeof ROLES;

describe('role × endpoint matrix', () => {
  let t: TestApp;
  const clients: Partial<Record<Role, Client>> = {};
  const expectedVisible: Partial<Record<Role, number>> = {};
  let damascus: number;
  let aleppo: number;
  /** Unpublished, not shared with UNDP, with one photo on a progress report. */
  let hidden: { id: number; photoUrl: string };

  const request = (role: Role, method: string, path: string, body?: unknown) => (clients[role] ?? t.anonymous).request(path, { method, body });
  const json = async (role: Role, path: string) => (await request(role, 'GET', path)).json();

  beforeAll(async () => {
    t = await testApp('demo');
    for (const [role, email] of Object.entries(ROLES) as [Role, string | null][]) {
      if (email) clients[role] = await t.as(email);
    }
    const [counts] = await t.db.query<{ all: number; published: number; undp: number }>(`
      select count(*) as all, count(*) filter (where is_published) as published,
             count(*) filter (where exists (select 1 from project_shares s join organizations o on o.id = s.organization_id
                                             where s.project_id = p.id and o.slug = 'undp')) as undp
        from projects p`);
    Object.assign(expectedVisible, {
      anonymous: counts!.published,
      admin: counts!.all,
      minister: counts!.all,
      viewer: counts!.all,
      engineer: counts!.all,
      donor: counts!.undp,
    });
    const pick = async (code: string) =>
      (await t.db.query<{ id: number }>(
        `select p.id from projects p join admin_areas a on a.id = p.admin_area_id
          where a.code = $1 and p.is_published and exists (select 1 from project_shares s join organizations o on o.id = s.organization_id
                                                           where s.project_id = p.id and o.slug = 'undp')
          order by p.id limit 1`,
        [code],
      ))[0]!.id;
    damascus = await pick('SY-DI');
    aleppo = await pick('SY-HL');
    const [unshared] = await t.db.query<{ id: number; status: string; version: number }>(
      `select p.id, p.status, p.version from projects p join admin_areas a on a.id = p.admin_area_id
        where a.code = 'SY-DI' and not p.is_published and p.status = 'in_progress'
          and not exists (select 1 from project_shares s join organizations o on o.id = s.organization_id where s.project_id = p.id and o.slug = 'undp')
        order by p.id limit 1`,
    );
    const form = new FormData();
    const report = { reported_on: new Date().toISOString().slice(0, 10), status: 'in_progress', physical_progress: 5, financial_progress: 5, version: unshared!.version };
    form.set('report', JSON.stringify(report));
    form.append('photos', new Blob([new Uint8Array(png(40, 30))], { type: 'image/png' }), 'site.png');
    const posted = await clients.admin!.post(`/api/projects/${unshared!.id}/progress`, form);
    expect(posted.status).toBe(201);
    const photoUrl = ((await posted.json()) as { photos: { url: string }[] }).photos[0]!.url;
    hidden = { id: unshared!.id, photoUrl };
  });
  afterAll(() => t.close());

  const READS: [string, (role: Role) => Promise<number>][] = [
    ['project list', async (r) => (await json(r, '/api/projects?limit=1')).total],
    ['project list as GeoJSON', async (r) => (await json(r, '/api/projects?limit=1&format=geojson')).numberMatched],
    ['national summary', async (r) => (await json(r, '/api/summaries/countries')).total.projects],
    [
      'governorate summaries',
      async (r) => (await json(r, '/api/summaries/governorates')).governorates.reduce((s: number, g: { projects: number }) => s + g.projects, 0),
    ],
    ['OGC API items', async (r) => (await json(r, '/ogc/collections/projects/items?limit=1&f=json')).numberMatched],
    ['CSV export', async (r) => (await (await request(r, 'GET', '/api/exports/projects.csv')).text()).trim().split('\r\n').length - 1],
    ['GeoJSON export', async (r) => (await json(r, '/api/exports/projects.geojson')).features.length],
    [
      'vector tile clusters',
      async (r) => {
        // Tile 2/2/1 covers Libya, Syria and Saudi Arabia: its clusters count every project.
        const tile = new VectorTile(new Pbf(new Uint8Array(await (await request(r, 'GET', '/tiles/projects/2/2/1.mvt')).arrayBuffer())));
        const layer = tile.layers.project_clusters;
        return layer ? Array.from({ length: layer.length }, (_, i) => Number(layer.feature(i).properties.count)).reduce((a, b) => a + b, 0) : 0;
      },
    ],
  ];

  it.each(READS)('%s shows each role exactly what it may see', async (_name, read) => {
    for (const role of Object.keys(ROLES) as Role[]) expect(await read(role), role).toBe(expectedVisible[role]);
  });

  it('lets each role write exactly what it may', async () => {
    // A stale version tells "allowed but conflicting" (409) apart from "not allowed" (403/401).
    const stale = { reported_on: '2025-01-01', status: 'in_progress', physical_progress: 10, financial_progress: 10, version: 999_999 };
    const writes: [string, (r: Role) => Response | Promise<Response>, Record<Role, number>][] = [
      [
        'progress in Damascus',
        (r) => request(r, 'POST', `/api/projects/${damascus}/progress`, stale),
        { anonymous: 401, admin: 409, minister: 403, viewer: 403, engineer: 409, donor: 403 },
      ],
      [
        'progress in Aleppo',
        (r) => request(r, 'POST', `/api/projects/${aleppo}/progress`, stale),
        { anonymous: 401, admin: 409, minister: 403, viewer: 403, engineer: 403, donor: 403 },
      ],
      [
        'edit in Damascus',
        (r) => request(r, 'PATCH', `/api/projects/${damascus}`, { title_en: 'Changed', version: 999_999 }),
        { anonymous: 401, admin: 409, minister: 403, viewer: 403, engineer: 409, donor: 403 },
      ],
      [
        'share in Damascus',
        (r) => request(r, 'PUT', `/api/projects/${damascus}/shares/undp`),
        { anonymous: 401, admin: 204, minister: 403, viewer: 403, engineer: 204, donor: 403 },
      ],
      [
        'share in Aleppo',
        (r) => request(r, 'PUT', `/api/projects/${aleppo}/shares/undp`),
        { anonymous: 401, admin: 204, minister: 403, viewer: 403, engineer: 403, donor: 403 },
      ],
      [
        'whom a Damascus project is shared with',
        (r) => request(r, 'GET', `/api/projects/${damascus}/shares`),
        { anonymous: 401, admin: 200, minister: 200, viewer: 200, engineer: 200, donor: 403 },
      ],
      [
        'progress reports of an unpublished project not shared with the donor',
        (r) => request(r, 'GET', `/api/projects/${hidden.id}/progress`),
        { anonymous: 404, admin: 200, minister: 200, viewer: 200, engineer: 200, donor: 404 },
      ],
      [
        'a photo of that project',
        (r) => request(r, 'GET', hidden.photoUrl),
        { anonymous: 404, admin: 200, minister: 200, viewer: 200, engineer: 200, donor: 404 },
      ],
      [
        'progress reports of a published project shared with the donor',
        (r) => request(r, 'GET', `/api/projects/${damascus}/progress`),
        { anonymous: 200, admin: 200, minister: 200, viewer: 200, engineer: 200, donor: 200 },
      ],
      ['list accounts', (r) => request(r, 'GET', '/api/admin/users'), { anonymous: 401, admin: 200, minister: 403, viewer: 403, engineer: 403, donor: 403 }],
    ];
    for (const [name, write, expected] of writes) {
      const got = Object.fromEntries(await Promise.all((Object.keys(ROLES) as Role[]).map(async (r) => [r, (await write(r)).status])));
      expect(got, name).toEqual(expected);
    }
  });

  it('lets each role reach exactly the plan, return and catalogue routes it may', async () => {
    // An unpublished plan with version 1 approved and version 2 a draft. Stale versions and
    // invalid bodies tell "allowed" (409, 400, 422) apart from "not allowed" (401, 403, 404).
    const year = 2090;
    await writePlan(t.db, { country: 'SYR', year, targets: [{ governorate: 'SY-DI', indicator: 'fire_brigades_ready', quarters: [1, 2, 3, 4] }] });
    const planner = await t.as(DEMO.planner);
    expect((await planner.post(`/api/plans/SYR/${year}/revisions`, {})).status).toBe(201);
    const who = { ...ROLES, planner: DEMO.planner } as const;
    const as = (role: keyof typeof who) => (role === 'planner' ? planner : (clients[role as Role] ?? t.anonymous));
    const plan = `/api/plans/SYR/${year}`;
    const all = (status: number) => ({ anonymous: status, admin: status, minister: status, viewer: status, planner: status, engineer: status, donor: status });
    const only = (allowed: Partial<Record<keyof typeof who, number>>, signedIn = 403, anonymous = 401) => ({ ...all(signedIn), anonymous, ...allowed });
    const noFile = () => {
      const form = new FormData();
      form.set('version', '1');
      return form;
    };
    const routes: [string, string, unknown, Record<string, number>][] = [
      ['GET', '/api/indicators', undefined, all(200)],
      ['POST', '/api/indicators', {}, only({ admin: 400 })],
      ['GET', '/api/plans?country=SYR', undefined, all(200)],
      ['GET', plan, undefined, { ...all(200), anonymous: 404 }],
      ['POST', plan, undefined, only({ admin: 409, planner: 409 })],
      ['GET', `${plan}/versions/1/targets`, undefined, { ...all(200), anonymous: 404, donor: 403 }],
      ['GET', `${plan}/draft/targets`, undefined, only({ admin: 200, minister: 200, planner: 200 })],
      ['PUT', `${plan}/draft/targets`, { version: 999_999, targets: [] }, only({ admin: 409, planner: 409 })],
      ['POST', `${plan}/draft/approve`, { version: 999_999 }, only({ admin: 409, minister: 409 })],
      ['POST', `${plan}/revisions`, {}, only({ admin: 409, planner: 409 })],
      ['PUT', `${plan}/publication`, {}, only({ admin: 400 })],
      ['GET', `${plan}/targets.xlsx`, undefined, { ...all(200), anonymous: 404, donor: 403 }],
      ['POST', `${plan}/draft/targets.xlsx`, noFile, only({ admin: 400, planner: 400 })],
      ['GET', `${plan}/matrix`, undefined, { ...all(200), anonymous: 404 }],
      ['GET', `${plan}/matrix.csv`, undefined, { ...all(200), anonymous: 404 }],
      ['GET', `${plan}/matrix.xlsx`, undefined, { ...all(200), anonymous: 404 }],
      ['POST', '/api/returns', { indicator: 'fire_brigades_ready', governorate: 'SY-DI', period: '2100-Q1', value: 1 }, only({ admin: 422, engineer: 422 })],
      ['GET', '/api/returns?country=SYR', undefined, only({ admin: 200, minister: 200, viewer: 200, planner: 200, engineer: 200 })],
      ['GET', `/api/returns/status?country=SYR&year=${year}`, undefined, only({ admin: 200, minister: 200, viewer: 200, planner: 200, engineer: 200 })],
    ];
    for (const [method, url, body, expected] of routes) {
      const got = Object.fromEntries(
        await Promise.all(
          (Object.keys(who) as (keyof typeof who)[]).map(async (r) => [r, (await as(r).request(url, { method, body: typeof body === 'function' ? body() : body })).status]),
        ),
      );
      expect(got, `${method} ${url}`).toEqual(expected);
    }
  });
  it('lets each role reach exactly the obstacle and responsible body routes it may', async () => {
    // Two Damascus obstacles: one on a project shared with UNDP, one on a project that is not.
    // Stale versions and invalid bodies tell "allowed" (409, 400) apart from "not allowed" (401, 403, 404).
    const raise = async (projectId: number) => {
      const res = await clients.admin!.post('/api/obstacles', { project_id: projectId, title: 'Role matrix obstacle', category: 'utilities', severity: 'critical' });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: number }).id;
    };
    const onShared = await raise(damascus);
    const onUnshared = await raise(hidden.id);
    const who = { ...ROLES, planner: DEMO.planner } as const;
    const planner = await t.as(DEMO.planner);
    const as = (role: keyof typeof who) => (role === 'planner' ? planner : (clients[role as Role] ?? t.anonymous));
    const all = (status: number) => ({ anonymous: status, admin: status, minister: status, viewer: status, planner: status, engineer: status, donor: status });
    const seen = (donor: number) => ({ ...all(200), anonymous: 404, donor });
    /** Acting on an obstacle: those at its level 409 (stale), others who see it 403, who does not 404, nobody signed in 401. */
    const acting = (donor: number) => ({ ...all(409), anonymous: 401, viewer: 403, donor });
    const stale = 999_999;
    const routes: [string, string, unknown, Record<string, number>][] = [
      ['GET', '/api/obstacles', undefined, all(200)],
      ['GET', '/api/obstacles/overview?country=SYR', undefined, all(200)],
      ['GET', '/api/obstacles/critical-projects', undefined, all(200)],
      ['GET', `/api/obstacles/${onShared}`, undefined, seen(200)],
      ['GET', `/api/obstacles/${onUnshared}`, undefined, seen(404)],
      ['GET', `/api/obstacles/${onShared}/history`, undefined, seen(200)],
      ['GET', `/api/obstacles/${onUnshared}/history`, undefined, seen(404)],
      ['POST', '/api/obstacles', { project_id: damascus }, { ...all(400), anonymous: 401, viewer: 403, donor: 403 }],
      ['PATCH', `/api/obstacles/${onShared}`, { severity: 'low', version: stale }, acting(403)],
      ['PATCH', `/api/obstacles/${onUnshared}`, { severity: 'low', version: stale }, acting(404)],
      ['POST', `/api/obstacles/${onShared}/escalate`, { reason: 'Role matrix', version: stale }, acting(403)],
      ['POST', `/api/obstacles/${onUnshared}/escalate`, { reason: 'Role matrix', version: stale }, acting(404)],
      ['GET', '/api/responsible-bodies?country=SYR', undefined, { ...all(200), anonymous: 401 }],
      ['POST', '/api/responsible-bodies', {}, { ...all(403), anonymous: 401, admin: 400, minister: 400, planner: 400 }],
      ['PATCH', '/api/responsible-bodies/1', { is_active: true, version: stale }, { ...all(403), anonymous: 401, admin: 409, minister: 409, planner: 409 }],
    ];
    for (const [method, url, body, expected] of routes) {
      const got = Object.fromEntries(await Promise.all((Object.keys(who) as (keyof typeof who)[]).map(async (r) => [r, (await as(r).request(url, { method, body })).status])));
      expect(got, `${method} ${url}`).toEqual(expected);
    }
    // What the lists show: the ministry and the Damascus engineer both obstacles, the donor the shared one, anonymous none.
    const listed = async (role: keyof typeof who) =>
      ((await (await as(role).get(`/api/obstacles?governorate=SY-DI&limit=1000`)).json()) as { items: { id: number }[] }).items
        .map((o) => o.id)
        .filter((id) => id === onShared || id === onUnshared);
    const expectedLists = { anonymous: [], admin: [onShared, onUnshared], minister: [onShared, onUnshared], viewer: [onShared, onUnshared], planner: [onShared, onUnshared], engineer: [onShared, onUnshared], donor: [onShared] };
    for (const role of Object.keys(who) as (keyof typeof who)[]) expect((await listed(role)).sort(), role).toEqual(expectedLists[role].sort());
  });

  describe('plots', () => {
    /** Every role the plot rules tell apart: donors with and without the zone shared, engineers of its governorate and of another. */
    const WHO = {
      anonymous: null,
      admin: DEMO.admin,
      minister: DEMO.minister,
      viewer: DEMO.viewer,
      planner: DEMO.planner,
      engineer: DEMO.engineer,
      otherEngineer: DEMO.aleppoEngineer,
      sharedDonor: DEMO.undpDonor,
      otherDonor: DEMO.gizDonor,
    } as const;
    type Who = keyof typeof WHO;
    const plotClients: Partial<Record<Who, Client>> = {};
    /** An unpublished Damascus zone shared with UNDP only, with a vacant plot and a held one. */
    let zone: number;
    let vacant: number;
    let held: number;
    let tile: string;

    const visible = (status = 200): Record<Who, number> => ({
      anonymous: 404, admin: status, minister: status, viewer: status, planner: status, engineer: status,
      otherEngineer: status, sharedDonor: status, otherDonor: 404,
    });
    /** Writes: the zone's governorate's engineer and admins; others who see it 403; who does not, 404; nobody signed in, 401. */
    const writers = (status: number): Record<Who, number> => ({
      anonymous: 401, admin: status, minister: 403, viewer: 403, planner: 403, engineer: status, otherEngineer: 403, sharedDonor: 403, otherDonor: 404,
    });
    const statuses = async (method: string, path: string, body?: unknown) =>
      Object.fromEntries(
        await Promise.all((Object.keys(WHO) as Who[]).map(async (r) => [r, (await (plotClients[r] ?? t.anonymous).request(path, { method, body })).status])),
      ) as Record<Who, number>;

    beforeAll(async () => {
      for (const [role, email] of Object.entries(WHO) as [Who, string | null][]) if (email) plotClients[role] = await t.as(email);
      zone = (await zonesWhere(t.db, `a.code = 'SY-DI'`))[0]!;
      await t.db.query('update projects set is_published = false where id = $1', [zone]);
      await t.db.query('delete from project_shares where project_id = $1', [zone]);
      await t.db.query(`insert into project_shares (project_id, organization_id) select $1, id from organizations where slug = 'undp'`, [zone]);
      const investor = await addInvestor(t.db, 'شركة مصفوفة الأدوار', '+963 11 700 0000');
      [vacant, held] = (await addPlots(t.db, zone, [{ number: 'M-1' }, { number: 'M-2', status: 'allocated', investorId: investor.id }])) as [number, number];
      const [center] = await t.db.query<{ x: number; y: number }>(
        `select floor((ST_X(c) + 180) / 360 * 32768)::int as x,
                floor((1 - ln(tan(radians(ST_Y(c))) + 1 / cos(radians(ST_Y(c)))) / pi()) / 2 * 32768)::int as y
           from (select ST_Centroid(geom) as c from zone_plots where id = $1) plot`,
        [held],
      );
      tile = `15/${center!.x}/${center!.y}`;
    });

    it('lets each role read plots through tiles, the OGC API, exports and history exactly as it sees the zone', async () => {
      const rows: [string, Record<Who, number>][] = [
        [`/tiles/zones/${tile}.mvt`, visible(200)],
        ...(TILE_LAYER_NAMES as readonly string[]).filter((layer) => layer === 'plots').map((layer): [string, Record<Who, number>] => [`/tiles/${layer}/${tile}.mvt`, visible(200)]),
        [`/ogc/collections/plots/items/${held}`, visible()],
        [`/ogc/collections/plots/items/${held}?f=html`, visible()],
        [`/ogc/collections/zones/items/${zone}`, visible()],
        [`/api/exports/plots.csv?zone=${zone}`, visible()],
        [`/api/exports/plots.geojson?zone=${zone}`, visible()],
        [`/api/projects/${zone}/history`, visible()],
      ];
      for (const [path, expected] of rows) {
        // Tiles are never 404: a zone one may not see is simply not drawn.
        const want = path.startsWith('/tiles/') ? Object.fromEntries(Object.keys(expected).map((r) => [r, 200])) : expected;
        expect(await statuses('GET', path), path).toEqual(want);
      }
      // Drawn for those who see the zone, absent for the others.
      for (const [role, status] of Object.entries(visible()) as [Who, number][]) {
        const res = await (plotClients[role] ?? t.anonymous).get(`/tiles/zones/${tile}.mvt`);
        const layer = new VectorTile(new Pbf(new Uint8Array(await res.arrayBuffer()))).layers.zones;
        const ids = layer ? Array.from({ length: layer.length }, (_, i) => layer.feature(i).id) : [];
        expect(ids.includes(zone), role).toBe(status === 200);
      }
    });

    it('lets each role reach exactly the plot API routes it may', async (ctx) => {
      // The plot API is built on another branch (zones-api); until it is merged its routes answer 404 to everyone.
      if ((await plotClients.admin!.get(`/api/zones/${zone}/plots`)).status === 404) ctx.skip();
      const stale = 999_999;
      const routes: [string, string, unknown, Record<Who, number>][] = [
        ['GET', `/api/zones/${zone}/plots`, undefined, visible()],
        ['GET', `/api/zones/${zone}/plots?format=geojson`, undefined, visible()],
        ['GET', `/api/zones/${zone}/plots/${held}`, undefined, visible()],
        ['GET', `/api/zones/${zone}`, undefined, visible()],
        ['GET', `/api/zones/${zone}/timeline`, undefined, visible()],
        ['PATCH', `/api/zones/${zone}/plots/${vacant}`, { note: 'matrix', version: stale }, writers(409)],
        ['DELETE', `/api/zones/${zone}/plots/${vacant}?version=${stale}`, undefined, writers(409)],
        ['POST', `/api/zones/${zone}/plots/status`, { plots: [{ id: vacant, version: stale }], status: 'reserved', new_investor: { kind: 'person', name_ar: 'س' } }, writers(409)],
        ['PATCH', `/api/zones/${zone}`, { version: stale, development: 'new' }, writers(409)],
      ];
      for (const [method, path, body, expected] of routes) expect(await statuses(method, path, body), `${method} ${path}`).toEqual(expected);
      const investors = await statuses('GET', '/api/investors');
      expect(investors).toMatchObject({ admin: 200, minister: 200, viewer: 200, planner: 200, engineer: 200, otherEngineer: 200 });
      for (const role of ['anonymous', 'sharedDonor', 'otherDonor'] as const) expect([401, 403, 404], role).toContain(investors[role]);
    });
  });
});
