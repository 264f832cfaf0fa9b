import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../support/client.ts';
import { createAccount, uploadImport } from '../support/freshData.ts';
import { testApp, type TestApp } from '../support/testApp.ts';

const ENGINEER = DEMO.engineer;
const ADMIN = DEMO.admin;

// Damascus (SY-DI) lies inside Rif Dimashq (SY-RD); at latitude 33.51 its eastern border is at 36.3503.
const DAMASCUS = [36.29, 33.51];
const ALEPPO = [37.16, 36.2];
const MULTIPOINT_INTO_ALEPPO = { type: 'MultiPoint', coordinates: [DAMASCUS, ALEPPO] };
const POLYGON_INTO_RIF = { type: 'Polygon', coordinates: [[[36.3, 33.49], [36.45, 33.49], [36.45, 33.53], [36.3, 33.53], [36.3, 33.49]]] };
const POLYGON_INSIDE = { type: 'Polygon', coordinates: [[[36.28, 33.5], [36.3, 33.5], [36.3, 33.52], [36.28, 33.52], [36.28, 33.5]]] };
/** A road that ends 0.002° (about 200 m) past the drawn border: within the tolerance. */
const LINE_JUST_OVER = { type: 'LineString', coordinates: [[36.3, 33.51], [36.3523, 33.51]] };
/** The same road going on 5 km into Rif Dimashq. */
const LINE_FAR_OVER = { type: 'LineString', coordinates: [[36.3, 33.51], [36.4, 33.51]] };

const fields = (code: string) => ({ code, kind: 'development_project', sector: 'water', title_ar: 'مشروع اختبار', title_en: 'Test project' });

describe('the write rule takes the whole geometry, not where its centre falls', () => {
  let t: TestApp;
  const send = async (email: string, method: string, path: string, body: unknown): Promise<Response> => (await t.as(email)).request(path, { method, body });
  const create = (email: string, code: string, geometry: unknown) => send(email, 'POST', '/api/projects', { ...fields(code), geometry });
  const count = async (code: string) => (await t.db.query<{ n: number }>('select count(*)::int as n from projects where code = $1', [code]))[0]!.n;
  const expectRefused = async (res: Response, outside: RegExp) => {
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const { detail } = await res.json();
    expect(detail).toMatch(/^Part of this geometry lies in /);
    expect(detail).toMatch(outside);
    expect(detail).toMatch(/outside your governorate Damascus \(SY-DI\): you may only place projects within them$/);
  };

  beforeAll(async () => {
    t = await testApp('demo');
  });
  afterAll(() => t.close());

  it('refuses a MultiPoint with one point in Aleppo, though its governorate is found in Damascus', async () => {
    await expectRefused(await create(ENGINEER, 'WR-DI-0001', MULTIPOINT_INTO_ALEPPO), /Aleppo \(SY-HL\)/);
    expect(await count('WR-DI-0001')).toBe(0);
  });

  it('says so plainly when none of the geometry is theirs', async () => {
    const res = await create(ENGINEER, 'WR-HL-0001', { type: 'Point', coordinates: ALEPPO });
    expect(res.status).toBe(403);
    expect((await res.json()).detail).toBe('This geometry lies in Aleppo (SY-HL), outside your governorate Damascus (SY-DI): you may only place projects within them');
  });

  it('refuses a polygon reaching into Rif Dimashq, and a road going on into it', async () => {
    await expectRefused(await create(ENGINEER, 'WR-DI-0002', POLYGON_INTO_RIF), /Rif Dimashq \(SY-RD\)/);
    await expectRefused(await create(ENGINEER, 'WR-DI-0003', LINE_FAR_OVER), /Rif Dimashq \(SY-RD\)/);
    expect(await count('WR-DI-0002')).toBe(0);
  });

  it('accepts a geometry inside, and one that strays past the border by less than the tolerance', async () => {
    const inside = await create(ENGINEER, 'WR-DI-0004', POLYGON_INSIDE);
    expect(inside.status).toBe(201);
    expect(await inside.json()).toMatchObject({ governorate: 'SY-DI' });
    const over = await create(ENGINEER, 'WR-DI-0005', LINE_JUST_OVER);
    expect(over.status).toBe(201);
    expect(await over.json()).toMatchObject({ governorate: 'SY-DI' });
  });

  it('leaves admins free to place any geometry', async () => {
    expect((await create(ADMIN, 'WR-DI-0006', MULTIPOINT_INTO_ALEPPO)).status).toBe(201);
    expect((await create(ADMIN, 'WR-DI-0010', POLYGON_INTO_RIF)).status).toBe(201);
  });

  it('holds an edit of the geometry to the same rule, and undoes it', async () => {
    const created = await create(ENGINEER, 'WR-DI-0007', { type: 'Point', coordinates: DAMASCUS });
    const { id, version } = await created.json();
    await expectRefused(await send(ENGINEER, 'PATCH', `/api/projects/${id}`, { version, geometry: POLYGON_INTO_RIF }), /Rif Dimashq \(SY-RD\)/);
    const [after] = await t.db.query<{ type: string; version: number }>('select ST_GeometryType(geom) as type, version from projects where id = $1', [id]);
    expect(after).toEqual({ type: 'ST_Point', version });
    // An edit that leaves the geometry alone is not looked at again.
    expect((await send(ENGINEER, 'PATCH', `/api/projects/${id}`, { version, title_en: 'Renamed, still a point' })).status).toBe(200);
  });

  it('counts all of an engineer\'s governorates together', async () => {
    const account = await createAccount(await t.as(ADMIN), { role: 'engineer', organization: 'office-sy-rd', governorates: ['SY-RD', 'SY-DI'] });
    const rifAndDamascus = await t.as(account.email, account.password);
    expect((await rifAndDamascus.post('/api/projects', { ...fields('WR-DI-0008'), geometry: POLYGON_INTO_RIF })).status).toBe(201);
    const refused = await rifAndDamascus.post('/api/projects', { ...fields('WR-DI-0009'), geometry: MULTIPOINT_INTO_ALEPPO });
    expect(refused.status).toBe(403);
    expect((await refused.json()).detail).toMatch(/lies in Aleppo \(SY-HL\), outside your governorates Damascus \(SY-DI\), Rif Dimashq \(SY-RD\)/);
  });

  it('applies to the import, row by row', async () => {
    const file = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: fields('WR-IMP-0001'), geometry: POLYGON_INSIDE },
        { type: 'Feature', properties: fields('WR-IMP-0002'), geometry: MULTIPOINT_INTO_ALEPPO },
        { type: 'Feature', properties: fields('WR-IMP-0003'), geometry: POLYGON_INTO_RIF },
      ],
    });
    const res = await uploadImport(await t.as(ENGINEER), 'rows.geojson', file);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ rows: 3, valid: 1 });
    expect(body.errors).toEqual([
      { row: 2, field: 'geometry', message: expect.stringMatching(/lies in Aleppo \(SY-HL\)/) },
      { row: 3, field: 'geometry', message: expect.stringMatching(/lies in Rif Dimashq \(SY-RD\)/) },
    ]);
  });
});
