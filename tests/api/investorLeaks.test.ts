import { TILE_LAYER_NAMES } from '@marsad/contracts';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type Client } from '../support/client.ts';
import { addInvestor, addPlots, zonesWhere, type InvestorRow } from '../support/plotSql.ts';
import { testApp, type TestApp } from '../support/testApp.ts';

/**
 * Who holds a plot is the ministry's only (api/src/access/plotAccess.ts). An investor with a
 * name and phone found nowhere else holds plots in a zone that donors and the public may see;
 * every path that carries plots, zones or search results is read as a donor with the zone
 * shared, a donor without, and an anonymous caller, and no answer may hold the name, its English
 * form or the phone, nor an investor key. The same paths read by the minister show the investor
 * where they should, so the check cannot pass by reading nothing.
 */

/** The XYZ tile holding a point at zoom z. */
function tileAt(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const latRad = (lat * Math.PI) / 180;
  return { x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2) * n) };
}

/** The text of an answer as a person or a parser would see it: XLSX unzipped, tiles' strings as they are in the bytes. */
async function textOf(res: Response): Promise<string> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return Object.values(unzipSync(bytes)).map((entry) => strFromU8(entry)).join('\n');
  return new TextDecoder().decode(bytes);
}

describe('investors never reach donors or anonymous callers', () => {
  let t: TestApp;
  let investor: InvestorRow;
  const NAME_EN = 'Qasr Leak Test Holdings';
  let zone: number;
  let plots: number[];
  let center: { lon: number; lat: number };
  const clients: Record<'anonymous' | 'donorShared' | 'donorNotShared' | 'minister', Client> = {} as never;

  beforeAll(async () => {
    t = await testApp('demo');
    investor = await addInvestor(t.db, 'مؤسسة قصر التسريب للاختبار', '+963 99 123 4567', NAME_EN);
    zone = (await zonesWhere(t.db, 'p.is_published'))[0]!;
    await t.db.query(`insert into project_shares (project_id, organization_id) select $1, id from organizations where slug = 'undp' on conflict do nothing`, [zone]);
    await t.db.query(`delete from project_shares where project_id = $1 and organization_id = (select id from organizations where slug = 'giz')`, [zone]);
    // Written as an admin, so the plots' history has an actor.
    await t.db.query(`select set_config('marsad.actor_id', (select id::text from users where email = $1), false)`, [DEMO.admin]);
    plots = await addPlots(t.db, zone, [
      { number: 'Q-1' },
      { number: 'Q-2', status: 'allocated', investorId: investor.id, plannedJobs: 9 },
      { number: 'Q-3', status: 'producing', investorId: investor.id, actualJobs: 12 },
    ]);
    await t.db.query(`update zone_plots set note = 'checked on site' where id = $1`, [plots[1]]);
    const [point] = await t.db.query<{ lon: number; lat: number }>(
      'select ST_X(ST_Centroid(geom)) as lon, ST_Y(ST_Centroid(geom)) as lat from zone_plots where id = $1',
      [plots[1]],
    );
    center = point!;
    clients.anonymous = t.anonymous;
    clients.donorShared = await t.as(DEMO.undpDonor);
    clients.donorNotShared = await t.as(DEMO.gizDonor);
    clients.minister = await t.as(DEMO.minister);
  });
  afterAll(() => t.close());

  /** Every path, with whether the minister's answer names the investor (a positive control) or not. */
  const paths = (): [string, boolean][] => {
    const name = encodeURIComponent(investor.name_ar);
    const tiles = TILE_LAYER_NAMES.flatMap((layer) =>
      [12, 15, 16].map((z): [string, boolean] => {
        const { x, y } = tileAt(center.lon, center.lat, z);
        return [`/tiles/${layer}/${z}/${x}/${y}.mvt`, false];
      }),
    );
    return [
      // The plot API (zones-api) and the zone screen's reads (zones-detail): absent routes answer 404 and leak nothing either.
      [`/api/zones/${zone}/plots`, true],
      [`/api/zones/${zone}/plots?format=geojson`, true],
      [`/api/zones/${zone}/plots?q=${name}`, true],
      [`/api/zones/${zone}/plots/${plots[1]}`, true],
      [`/api/zones/${zone}`, false],
      [`/api/zones/${zone}/timeline`, false],
      [`/api/zones?q=${name}`, false],
      [`/api/investors?q=${name}`, true],
      [`/api/projects/${zone}`, false],
      [`/api/projects/${zone}/history`, false],
      [`/api/projects/${zone}/progress`, false],
      ...tiles,
      ['/ogc/collections/plots/items?limit=1000', true],
      ['/ogc/collections/plots/items?limit=1000&f=json', true],
      ['/ogc/collections/plots/items?limit=1000&f=html', false],
      [`/ogc/collections/plots/items/${plots[1]}`, true],
      [`/ogc/collections/plots/items/${plots[1]}?f=html`, true],
      ['/ogc/collections/plots', false],
      [`/ogc/collections/zones/items/${zone}`, false],
      ['/api/exports/plots.csv', true],
      ['/api/exports/plots.geojson', true],
      [`/api/exports/plots.csv?zone=${zone}`, true],
      [`/api/exports/projects.xlsx?kind=industrial_zone,craft_zone`, true],
      // Search: every path that takes q, searched for the investor's names and phone.
      ...[investor.name_ar, NAME_EN, investor.phone].flatMap((secret): [string, boolean][] => {
        const q = encodeURIComponent(secret);
        return [
          [`/api/projects?q=${q}`, false],
          [`/api/projects?q=${q}&format=geojson`, false],
          [`/api/summaries/countries?q=${q}`, false],
          [`/api/summaries/governorates?q=${q}`, false],
          [`/ogc/collections/projects/items?q=${q}`, false],
          [`/ogc/collections/zones/items?q=${q}`, false],
          [`/api/exports/projects.csv?q=${q}`, false],
          [`/api/exports/plots.csv?q=${q}`, false],
          [`/tiles/zones/12/${tileAt(center.lon, center.lat, 12).x}/${tileAt(center.lon, center.lat, 12).y}.mvt?q=${q}`, false],
        ];
      }),
    ];
  };

  it('leaves the investor out of every answer to donors and anonymous callers', async () => {
    const secrets = [investor.name_ar, NAME_EN, investor.phone];
    let read = 0;
    for (const [path] of paths()) {
      for (const who of ['anonymous', 'donorShared', 'donorNotShared'] as const) {
        const res = await clients[who].get(path);
        expect(res.status, `${who} ${path}`).toBeLessThan(500);
        const text = await textOf(res);
        for (const secret of secrets) expect(text.includes(secret), `${who} ${path} holds ${secret}`).toBe(false);
        // No key about investors either (an id, or a null that says the field exists).
        expect(text, `${who} ${path}`).not.toMatch(/"investor(_id|_name|_phone)?"\s*:/);
        if (res.status === 200) read += 1;
      }
    }
    expect(read).toBeGreaterThan(60);
  });

  it('finds no project, zone or plot by the investor for donors and anonymous callers', async () => {
    for (const secret of [investor.name_ar, NAME_EN, investor.phone]) {
      const q = encodeURIComponent(secret);
      for (const who of ['anonymous', 'donorShared', 'minister'] as const) {
        // The project search does not index investors, for anyone.
        expect((await clients[who].json(`/api/projects?q=${q}&limit=1`)).total, `${who} ${secret}`).toBe(0);
        expect((await clients[who].json(`/ogc/collections/zones/items?q=${q}&limit=1`)).numberMatched, `${who} ${secret}`).toBe(0);
      }
      for (const who of ['anonymous', 'donorShared'] as const) {
        const plotsSearch = await clients[who].get(`/api/zones/${zone}/plots?q=${q}`);
        if (plotsSearch.status === 404) continue; // the plot API is not on this branch yet
        expect(plotsSearch.status).toBe(200);
        expect((await plotsSearch.json()).total, `${who} ${secret}`).toBe(0);
      }
    }
  });

  it('shows the ministry the investor on the paths that carry it (so the check above reads real answers)', async (ctx) => {
    const missing: string[] = [];
    let absent = 0;
    for (const [path, names] of paths()) {
      if (!names) continue;
      const res = await clients.minister.get(path);
      if (res.status === 404 && path.startsWith('/api/')) {
        absent += 1; // a route another branch builds
        continue;
      }
      expect(res.status, path).toBe(200);
      if (!(await textOf(res)).includes(investor.name_ar)) missing.push(path);
    }
    expect(missing).toEqual([]);
    if (absent > 0) ctx.annotate(`${absent} plot API routes are not on this branch yet; they were checked for leaks only`);
  });
});
