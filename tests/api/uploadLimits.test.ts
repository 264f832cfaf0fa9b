import { zip as shpZip } from '@mapbox/shp-write';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type Client } from '../support/client.ts';
import { uploadImport } from '../support/freshData.ts';
import { expectProblem as expectDetailedProblem } from '../support/problems.ts';
import { testApp, type TestApp } from '../support/testApp.ts';
import { zipBomb } from '../support/zipBomb.ts';

const MB = 1024 * 1024;
const GiB = 1024 * MB;

const properties = (code: string) => ({ code, kind: 'development_project', sector: 'water', title_ar: 'مشروع مياه مستورد', title_en: 'Imported water project' });

/** A line of `n` positions wandering inside Damascus. */
const line = (n: number) => ({
  type: 'LineString',
  coordinates: Array.from({ length: n }, (_, i) => [36.28 + (i % 200) * 0.0001, 33.5 + Math.floor(i / 200) * 0.0001]),
});
const featureCollection = (...geometries: unknown[]) => ({
  type: 'FeatureCollection',
  features: geometries.map((geometry, i) => ({ type: 'Feature', properties: properties(`LIM-IMP-${String(i + 1).padStart(4, '0')}`), geometry })),
});

/** The largest resident memory seen while `work` runs, sampled whenever the event loop is free. */
async function peakMemoryGrowth<T>(work: () => Promise<T>): Promise<{ result: T; grown: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, grown: peak - before };
  } finally {
    clearInterval(sampler);
  }
}

describe('import limits: zip bombs, oversized files and geometries', () => {
  let t: TestApp;
  let admin: Client;
  const upload = (name: string, content: string | Uint8Array, query = '') => uploadImport(admin, name, content, query);
  const total = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from projects'))[0]!.n;
  const expectProblem = (res: Response, status: number, detail: RegExp) => expectDetailedProblem(res, status, { detail });

  beforeAll(async () => {
    t = await testApp('demo');
    admin = await t.as(DEMO.admin);
  });
  afterAll(() => t.close());

  it('refuses a 2 MB zip that says it inflates to 2 GiB before inflating it', async () => {
    const bomb = zipBomb(2 * GiB);
    expect(bomb.length).toBeLessThan(3 * MB);
    const { result: res, grown } = await peakMemoryGrowth(() => upload('bomb.zip', bomb));
    await expectProblem(res, 413, /inflates to more than 64 MB \(bomb\.shp alone says it holds 2048 MB\); the limit is 64 MB/);
    expect(grown).toBeLessThan(200 * MB);
  });

  it('refuses a zip bomb whose headers lie while inflating it, in steps that let other requests through', async () => {
    const before = await total();
    const bomb = zipBomb(2 * GiB, { declaredBytes: 1024 });
    // Timers that fire while the upload is in flight, and a health check sent meanwhile: both
    // need the event loop, which a refusal computed in one blocking piece would hold.
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 1);
    const order: string[] = [];
    const { result: res, grown } = await peakMemoryGrowth(async () => {
      const pending = upload('bomb.zip', bomb).then((r) => (order.push('upload'), r));
      await new Promise((resolve) => setImmediate(resolve));
      const health = await t.app.request('/api/health');
      order.push('health');
      expect(health.status).toBe(200);
      return pending;
    }).finally(() => clearInterval(ticker));
    await expectProblem(res, 413, /^The zip inflates to more than 64 MB; the limit is 64 MB/);
    expect(grown).toBeLessThan(200 * MB);
    expect(order).toEqual(['health', 'upload']);
    expect(ticks).toBeGreaterThan(1);
    expect(await total()).toBe(before);
  });

  it('refuses a zip of too many entries, and tells a zip that is no zip', async () => {
    const many = zipSync(Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`part${i}.txt`, strToU8('x')])));
    await expectProblem(await upload('many.zip', many), 413, /more than 100 entries|101 entries; an import's zip may hold at most 100/);
    await expectProblem(await upload('cut.zip', zipBomb(64 * MB).subarray(0, 4000)), 400, /zip cannot be opened/);
  });

  it('refuses a GeoJSON file over the positions of a file, before any row is checked', async () => {
    const before = await total();
    const file = JSON.stringify(featureCollection(...Array.from({ length: 5 }, () => line(45_000))));
    await expectProblem(await upload('many.geojson', file), 413, /holds 225,000 positions \(vertices\); an import may hold at most 200,000/);
    expect(await total()).toBe(before);
  });

  it('refuses a file of too many rows', async () => {
    const header = 'code,kind,sector,title_ar,title_en,lon,lat';
    const rows = Array.from({ length: 10_001 }, (_, i) => `LIM-CSV-${i},development_project,water,مشروع مستورد,Imported project,36.29,33.51`);
    await expectProblem(await upload('rows.csv', [header, ...rows].join('\n')), 413, /more than 10,000 rows or features/);
  });

  it('reports a geometry over its own limit as a row error, GeoJSON or WKT, without PostGIS reading it', async () => {
    const geojson = await upload('big.geojson', JSON.stringify(featureCollection({ type: 'Point', coordinates: [36.29, 33.51] }, line(60_000))));
    expect(geojson.status).toBe(200);
    expect((await geojson.json()).errors).toEqual([{ row: 2, field: 'geometry', message: 'has 60,000 positions; a geometry may have at most 50,000: simplify it' }]);

    const wkt = `LINESTRING(${line(60_000).coordinates.map(([x, y]) => `${x} ${y}`).join(',')})`;
    const csv = await upload('big.csv', `code,kind,sector,title_ar,title_en,wkt\nLIM-WKT-0001,development_project,water,مشروع مستورد,Imported project,"${wkt}"\n`);
    expect(csv.status).toBe(200);
    expect((await csv.json()).errors).toEqual([{ row: 1, field: 'wkt', message: 'has 60,000 positions; a geometry may have at most 50,000: simplify it' }]);
  });

  it('refuses deep nesting in a GeoJSON file before parsing it', async () => {
    const deep = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":${'['.repeat(500_000)}${']'.repeat(500_000)}}}]}`;
    await expectProblem(await upload('deep.geojson', deep), 400, /nests deeper than 32 levels/);
  });

  it('refuses an oversized KML before building its document tree', async () => {
    const placemark = (i: number) => `<Placemark><name>${i}</name><LineString><coordinates>${line(21_000).coordinates.map(([x, y]) => `${x},${y},0`).join(' ')}</coordinates></LineString></Placemark>`;
    const kml = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${Array.from({ length: 10 }, (_, i) => placemark(i)).join('')}</Document></kml>`;
    expect(kml.length).toBeLessThan(5 * MB);
    await expectProblem(await upload('many.kml', kml), 413, /holds 210,000 positions/);
    await expectProblem(await upload('huge.kml', `<kml>${' '.repeat(6 * MB)}</kml>`), 413, /a KML may be at most 5 MB/);
  });

  it('refuses a shapefile over the positions of a file from its record headers', async () => {
    const collection = featureCollection(...Array.from({ length: 5 }, () => line(45_000)));
    const zipped = new Uint8Array(await shpZip<'uint8array'>(collection as GeoJSON.FeatureCollection, { outputType: 'uint8array', compression: 'DEFLATE' }));
    await expectProblem(await upload('many.zip', zipped), 413, /holds 225,000 positions/);
  });
});
