import { zip as shpZip } from '@mapbox/shp-write';
import { unzipSync, zipSync, strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../support/client.ts';
import { BOWTIE, OUTSIDE_EVERY_GOVERNORATE, point, pointIn } from '../support/fixtures.ts';
import { uploadImport } from '../support/freshData.ts';
import { testApp, type TestApp } from '../support/testApp.ts';

const ENGINEER = DEMO.engineer;
const ADMIN = DEMO.admin;
const UTM_37N =
  'PROJCS["WGS_1984_UTM_Zone_37N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000],PARAMETER["Central_Meridian",39],PARAMETER["Scale_Factor",0.9996],UNIT["Meter",1]]';

const fields = (code: string) => ({ code, kind: 'development_project', sector: 'water', title_ar: 'مشروع مياه مستورد', title_en: 'Imported water project' });
const featureCollection = (...features: [string, unknown][]) => ({
  type: 'FeatureCollection',
  features: features.map(([code, geometry]) => ({ type: 'Feature', properties: { ...fields(code), budget: 1000 }, geometry })),
});

describe('importing projects from files', () => {
  let t: TestApp;
  const upload = async (email: string | null, name: string, content: string | Uint8Array, query = '') =>
    uploadImport(email ? await t.as(email) : t.anonymous, name, content, query);
  const total = async () => (await t.db.query<{ n: number }>('select count(*) as n from projects'))[0]!.n;
  const governorateOf = async (code: string) =>
    (await t.db.query<{ g: string }>('select a.code as g from projects p join admin_areas a on a.id = p.admin_area_id where p.code = $1', [code]))[0]?.g;

  beforeAll(async () => {
    t = await testApp('demo');
  });
  afterAll(() => t.close());

  it('dry-runs a GeoJSON file without writing, then commits it', async () => {
    const file = JSON.stringify(featureCollection(['IMP-GJ-0001', point(36.29, 33.51)], ['IMP-GJ-0002', point(36.3, 33.52)]));
    const before = await total();
    const dry = await upload(ENGINEER, 'projects.geojson', file);
    expect(dry.status).toBe(200);
    expect(await dry.json()).toEqual({ rows: 2, valid: 2, errors: [] });
    expect(await total()).toBe(before);

    const committed = await upload(ENGINEER, 'projects.geojson', file, '?dry_run=false');
    expect(committed.status).toBe(201);
    const body = await committed.json();
    expect(body).toMatchObject({ created: 2 });
    expect(body.ids).toHaveLength(2);
    expect(await total()).toBe(before + 2);
    expect(await governorateOf('IMP-GJ-0001')).toBe('SY-DI');
    expect(await governorateOf('IMP-GJ-0002')).toBe('SY-DI');
  });

  it('imports CSV with lon/lat columns and with a wkt column', async () => {
    const header = 'code,kind,sector,title_ar,title_en,budget,is_published';
    const row = (code: string) => `${code},development_project,water,مشروع مياه مستورد,Imported water project,5000,true`;
    const lonLat = await upload(ADMIN, 'lonlat.csv', `${header},lon,lat\n${row('IMP-CSV-0001')},36.29,33.51\n`, '?dry_run=false');
    expect(lonLat.status).toBe(201);
    const wkt = await upload(ADMIN, 'wkt.csv', `${header},wkt\n${row('IMP-CSV-0002')},"POLYGON((36.28 33.5,36.3 33.5,36.3 33.52,36.28 33.52,36.28 33.5))"\n`, '?dry_run=false');
    expect(wkt.status).toBe(201);
    expect(await governorateOf('IMP-CSV-0001')).toBe('SY-DI');
    expect(await governorateOf('IMP-CSV-0002')).toBe('SY-DI');
  });

  it('imports KML placemarks with their extended data', async () => {
    const data = Object.entries(fields('IMP-KML-0001'))
      .map(([k, v]) => `<Data name="${k}"><value>${v}</value></Data>`)
      .join('');
    const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>x</name>
      <ExtendedData>${data}</ExtendedData><Point><coordinates>36.29,33.51,0</coordinates></Point></Placemark></Document></kml>`;
    const res = await upload(ENGINEER, 'projects.kml', kml, '?dry_run=false');
    expect(res.status).toBe(201);
    expect(await governorateOf('IMP-KML-0001')).toBe('SY-DI');
  });

  const shapefileZip = async (code: string) =>
    new Uint8Array(
      await shpZip<'uint8array'>(featureCollection([code, point(36.29, 33.51)]) as GeoJSON.FeatureCollection, {
        outputType: 'uint8array',
        compression: 'STORE',
      }),
    );

  it('imports a zipped shapefile (WGS 84 .prj)', async () => {
    const res = await upload(ENGINEER, 'projects.zip', await shapefileZip('IMP-SHP-0001'), '?dry_run=false');
    expect(res.status).toBe(201);
    expect(await governorateOf('IMP-SHP-0001')).toBe('SY-DI');
  });

  it.each([
    ['broken.zip', () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), /zip cannot be opened/],
    ['utm.zip', async () => {
      const files = unzipSync(await shapefileZip('IMP-SHP-0002'));
      const prj = Object.keys(files).find((f) => f.endsWith('.prj'))!;
      return zipSync({ ...files, [prj]: strToU8(UTM_37N) });
    }, /Unknown CRS/],
    ['nodbf.zip', async () => {
      const files = unzipSync(await shapefileZip('IMP-SHP-0003'));
      return zipSync(Object.fromEntries(Object.entries(files).filter(([f]) => !f.endsWith('.dbf'))));
    }, /no \.dbf/],
    ['noshp.zip', () => zipSync({ 'readme.txt': strToU8('hello') }), /0 \.shp files/],
    ['crs.geojson', () => JSON.stringify({ ...featureCollection(['IMP-GJ-0009', point(36.29, 33.51)]), crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::32637' } } }), /Unknown CRS/],
    ['missing.csv', () => 'code,kind,title_ar,lon,lat\nIMP-CSV-0009,development_project,مشروع,36.29,33.51\n', /sector, title_en/],
    ['nogeometry.csv', () => `code,kind,sector,title_ar,title_en\nIMP-CSV-0010,development_project,water,abcd,abcd\n`, /lon and lat, or wkt/],
    ['empty.geojson', () => '', /empty/],
    ['broken.geojson', () => '{"type": "FeatureCollection", ', /not valid JSON/],
    ['notes.txt', () => 'just some words', /Cannot tell the format/],
  ])('refuses %s as a whole with a 400 and writes nothing', async (name, make, detail) => {
    const before = await total();
    for (const query of ['', '?dry_run=false']) {
      const res = await upload(ADMIN, name, await make(), query);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await res.json()).detail).toMatch(detail);
    }
    expect(await total()).toBe(before);
  });

  it.each([
    ['a self-intersecting polygon', ADMIN, BOWTIE, 'geometry', /Self-intersection/],
    ['a row outside every governorate', ADMIN, OUTSIDE_EVERY_GOVERNORATE, 'geometry', /outside every governorate/],
    ['an engineer\'s row in Aleppo', ENGINEER, pointIn('SY-HL'), 'geometry', /SY-HL|may not/],
  ])('reports %s as a row error, and a commit imports none of the file', async (_, email, geometry, field, message) => {
    const file = JSON.stringify(featureCollection(['IMP-ROW-0001', point(36.29, 33.51)], ['IMP-ROW-0002', geometry]));
    const before = await total();
    const dry = await upload(email, 'rows.geojson', file);
    expect(dry.status).toBe(200);
    const body = await dry.json();
    expect(body).toMatchObject({ rows: 2, valid: 1 });
    expect(body.errors).toEqual([{ row: 2, field, message: expect.stringMatching(message) }]);

    const committed = await upload(email, 'rows.geojson', file, '?dry_run=false');
    expect(committed.status).toBe(422);
    expect(committed.headers.get('content-type')).toContain('application/problem+json');
    expect((await committed.json()).errors).toEqual([expect.objectContaining({ row: 2, field, message: expect.stringMatching(message) })]);
    expect(await total()).toBe(before);
  });

  it('repairs an invalid geometry when asked', async () => {
    const res = await upload(ADMIN, 'bowtie.geojson', JSON.stringify(featureCollection(['IMP-REP-0001', BOWTIE])), '?dry_run=false&repair=true');
    expect(res.status).toBe(201);
  });

  it('reports field errors, and a code taken by an earlier row', async () => {
    const file = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { ...fields('IMP-DUP-0001') }, geometry: point(36.29, 33.51) },
        { type: 'Feature', properties: { ...fields('IMP-DUP-0001') }, geometry: point(36.29, 33.51) },
        { type: 'Feature', properties: { ...fields('bad code'), budget: -1 }, geometry: point(36.29, 33.51) },
      ],
    });
    const body = await (await upload(ADMIN, 'dup.geojson', file)).json();
    expect(body.valid).toBe(1);
    expect(body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([[2, 'code'], [3, 'code'], [3, 'budget']]);
  });

  it('says a missing field is required, in those words', async () => {
    const { title_en: _left, ...untitled } = fields('IMP-REQ-0002');
    const file = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: fields('IMP-REQ-0001'), geometry: point(36.29, 33.51) },
        { type: 'Feature', properties: untitled, geometry: point(36.29, 33.51) },
      ],
    });
    const body = await (await upload(ADMIN, 'required.geojson', file)).json();
    expect(body.errors).toEqual([{ row: 2, field: 'title_en', message: 'is required' }]);
  });

  it('refuses anonymous uploads and a 50 MB file, saying the limit', async () => {
    expect((await upload(null, 'p.geojson', '{}')).status).toBe(401);
    const before = await total();
    const big = await upload(ADMIN, 'big.csv', new Uint8Array(50 * 1024 * 1024).fill(0x41));
    expect(big.status).toBe(413);
    expect(big.headers.get('content-type')).toContain('application/problem+json');
    expect((await big.json()).detail).toMatch(/20 MB/);
    expect(await total()).toBe(before);
  });

  it('answers a request that is not multipart with 415, and is in the OpenAPI document', async () => {
    const res = await (await t.as(ADMIN)).post('/api/imports/projects', '{}', { 'content-type': 'application/json' });
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const doc = await (await t.app.request('/api/openapi.json')).json();
    expect(doc.paths['/api/imports/projects'].post.requestBody.content).toHaveProperty('multipart/form-data');
  });
});
