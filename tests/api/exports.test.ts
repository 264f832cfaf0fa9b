import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planProjectExport, type ProjectExportRequest } from '../../api/src/exports/projectExportRows.ts';
import { testApp, type TestApp } from '../support/testApp.ts';

/**
 * Why one file of about 360 lines: the CSV, GeoJSON and XLSX exports are one route with one
 * header (HEADER below) and one streaming path; their tests share the expected columns, the
 * parsers and one database.
 */

const { Workbook } = ExcelJS;

const HEADER = [
  'id', 'code', 'kind', 'sector', 'title_ar', 'title_en', 'status', 'physical_progress', 'financial_progress',
  'budget', 'currency', 'spent', 'planned_start', 'planned_end', 'actual_start', 'actual_end', 'last_update_on',
  'delayed', 'stale', 'delay_days', 'country', 'governorate', 'governorate_name_ar', 'governorate_name_en',
  'funders', 'longitude', 'latitude', 'is_demo', 'wkt',
];

/** RFC 4180: fields separated by commas, records by CRLF, quoted fields may hold both and "" for a quote. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && field === '') {
      let end = i + 1;
      for (;;) {
        const quote = text.indexOf('"', end);
        if (quote < 0) throw new Error(`unterminated quoted field at ${i}`);
        if (text[quote + 1] === '"') {
          field += text.slice(end, quote + 1);
          end = quote + 2;
        } else {
          field += text.slice(end, quote);
          i = quote + 1;
          break;
        }
      }
      if (!(text[i] === ',' || text.startsWith('\r\n', i))) throw new Error(`text after a closing quote at ${i}`);
      continue;
    }
    if (text[i] === ',') {
      record.push(field);
      field = '';
      i += 1;
    } else if (text.startsWith('\r\n', i)) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else {
      if (text[i] === '\n' || text[i] === '\r' || text[i] === '"') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
      field += text[i];
      i += 1;
    }
  }
  if (field !== '' || record.length) throw new Error('the last record does not end with CRLF');
  return records;
}

type CsvRow = Record<string, string>;

describe('project exports', () => {
  let t: TestApp;
  /** A published project in Damascus whose titles try formula injection and CSV quoting. */
  let trap: { id: number; code: string };
  let hiddenCode: string;

  const published = async (where = 'true', params: unknown[] = []) =>
    (
      await t.db.query<{ id: number }>(
        `select p.id from projects p join admin_areas a on a.id = p.admin_area_id where p.is_published and (${where}) order by p.id`,
        params,
      )
    ).map((row) => row.id);

  const csv = async (query = '') => {
    const res = await t.app.request(`/api/exports/projects.csv${query}`);
    expect(res.status, await res.clone().text().then((s) => s.slice(0, 300))).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const [header, ...records] = parseCsv(text.replace(/^\uFEFF/, ''));
    const rows: CsvRow[] = records.map((record) => Object.fromEntries(header!.map((name, i) => [name, record[i] ?? ''])));
    return { res, bytes, text, header: header!, records, rows };
  };

  beforeAll(async () => {
    t = await testApp('demo');
    const insert = async (code: string, titleAr: string, titleEn: string, isPublished: boolean) => {
      const [row] = await t.db.query<{ id: number }>(
        `insert into projects (code, kind, sector_code, title_ar, title_en, geom, is_published, budget, financial_progress,
                               planned_start, planned_end)
         values ($1, 'development_project', 'water', $2, $3, ST_SetSRID(ST_MakePoint(36.2913, 33.5138), 4326), $4,
                 1250000.50, 40, '2024-02-01', '2099-06-30')
         returning id`,
        [code, titleAr, titleEn, isPublished],
      );
      return row!.id;
    };
    trap = { code: 'TEST-EXPORT-1', id: await insert('TEST-EXPORT-1', '+مشروع "اختبار" التصدير، دمشق', '=HYPERLINK("http://x.test","click"),\r\nnext line', true) };
    await t.db.query(
      `insert into project_funding (project_id, organization_id, amount)
       select $1, id, amount from (values ('undp', 100), ('giz', 500)) v (slug, amount) join organizations using (slug)`,
      [trap.id],
    );
    hiddenCode = 'TEST-EXPORT-HIDDEN';
    await insert(hiddenCode, 'مشروع غير منشور', 'Unpublished project', false);
  });
  afterAll(() => t.close());

  it('exports every published project as CSV with a BOM, CRLF lines and the agreed header', async () => {
    const { res, bytes, text, header, rows } = await csv();
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="marsad-projects-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''marsad-projects-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(header).toEqual(HEADER);
    const expected = await published();
    expect(expected.length).toBeGreaterThan(400);
    expect(rows).toHaveLength(expected.length);
    expect(rows.map((row) => Number(row.id)).sort((a, b) => a - b)).toEqual(expected);
    expect(rows.some((row) => row.code === hiddenCode)).toBe(false);
  });

  it('keeps Arabic intact, quotes per RFC 4180 and escapes formula-looking text only', async () => {
    const { rows } = await csv();
    const row = rows.find((r) => r.code === trap.code)!;
    expect(row.title_en).toBe(`'=HYPERLINK("http://x.test","click"),\r\nnext line`);
    expect(row.title_ar).toBe(`'+مشروع "اختبار" التصدير، دمشق`);
    expect(row).toMatchObject({
      governorate: 'SY-DI',
      governorate_name_en: 'Damascus',
      budget: '1250000.5',
      spent: '500000.2',
      financial_progress: '40',
      planned_end: '2099-06-30',
      funders: 'giz;undp',
      status: 'planned',
      longitude: '36.2913',
      latitude: '33.5138',
      is_demo: 'false',
      wkt: 'POINT(36.2913 33.5138)',
    });
    expect(['true', 'false']).toContain(row.delayed);
    const damascus = rows.find((r) => r.governorate === 'SY-DI' && r.code !== trap.code)!;
    expect(damascus.governorate_name_ar).toMatch(/دمشق/);
    expect(damascus.title_ar).toMatch(/[\u0600-\u06FF]/);
    // Every WKT reads back as geometry in PostGIS.
    const wkts = rows.map((r) => r.wkt);
    const [check] = await t.db.query<{ valid: boolean; n: number }>(
      `select bool_and(ST_IsValid(ST_GeomFromText(w, 4326))) as valid, count(*) as n from unnest($1::text[]) w`,
      [wkts],
    );
    expect(check).toEqual({ valid: true, n: rows.length });
  });

  it('honours the filters and the sort', async () => {
    const damascus = await csv('?governorate=SY-DI');
    const inDamascus = await published(`a.code = 'SY-DI'`);
    expect(damascus.rows.map((r) => Number(r.id)).sort((a, b) => a - b)).toEqual(inDamascus);
    expect(damascus.rows.every((r) => r.governorate === 'SY-DI')).toBe(true);

    const completed = await csv('?status=completed&sort=-budget');
    expect(completed.rows).toHaveLength((await published(`p.status = 'completed'`)).length);
    expect(completed.rows.every((r) => r.status === 'completed')).toBe(true);
    const budgets = completed.rows.map((r) => Number(r.budget));
    expect(budgets).toEqual([...budgets].sort((a, b) => b - a));

    const arabic = await csv('?governorate=SY-DI&status=planned&lang=ar');
    expect(arabic.header[0]).toBe('المعرّف');
    expect(arabic.header).toHaveLength(HEADER.length);
    expect(arabic.records.map((record) => Number(record[0])).sort((a, b) => a - b)).toEqual(
      await published(`a.code = 'SY-DI' and p.status = 'planned'`),
    );
  });

  it('answers a filter that matches nothing with just the header', async () => {
    const { rows, header } = await csv('?q=لايوجدمشروعبهذاالاسم');
    expect(header).toEqual(HEADER);
    expect(rows).toHaveLength(0);
    const geojson = await (await t.app.request('/api/exports/projects.geojson?q=zzzz-nothing-zzzz')).json();
    expect(geojson).toMatchObject({ type: 'FeatureCollection', features: [] });
  });

  it('exports GeoJSON with flat properties and valid geometries', async () => {
    const res = await t.app.request('/api/exports/projects.geojson?governorate=SY-DI');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/geo+json');
    expect(res.headers.get('content-disposition')).toMatch(/filename="marsad-projects-\d{4}-\d{2}-\d{2}\.geojson"/);
    const body = (await res.json()) as {
      type: string;
      features: { type: string; id: number; geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }[];
    };
    expect(body.type).toBe('FeatureCollection');
    const expected = await published(`a.code = 'SY-DI'`);
    expect(body.features.map((f) => f.id).sort((a, b) => a - b)).toEqual(expected);
    for (const feature of body.features) {
      expect(feature.type).toBe('Feature');
      expect(['Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon']).toContain(feature.geometry.type);
      expect(Object.values(feature.properties).every((v) => v === null || typeof v !== 'object')).toBe(true);
      expect(feature.properties).not.toHaveProperty('wkt');
    }
    const trapFeature = body.features.find((f) => f.id === trap.id)!;
    expect(trapFeature.geometry).toEqual({ type: 'Point', coordinates: [36.2913, 33.5138] });
    expect(trapFeature.properties).toMatchObject({ code: trap.code, budget: 1250000.5, delay_days: 0, funders: 'giz;undp' });
    const [check] = await t.db.query<{ valid: boolean; inside: boolean }>(
      `select bool_and(ST_IsValid(g)) as valid, bool_and(ST_Intersects(g, (select geom from admin_areas where code = 'SY-DI'))) as inside
         from (select ST_GeomFromGeoJSON(j) as g from unnest($1::text[]) j) geometries`,
      [body.features.map((f) => JSON.stringify(f.geometry))],
    );
    expect(check).toEqual({ valid: true, inside: true });
  });

  it('exports XLSX with typed cells, a bold frozen header and an About sheet', async () => {
    const res = await t.app.request('/api/exports/projects.xlsx?governorate=SY-DI');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/filename="marsad-projects-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const workbook = new Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Projects', 'Zones', 'Plots', 'About']);
    const sheet = workbook.getWorksheet('Projects')!;
    const expected = await published(`a.code = 'SY-DI'`);
    expect(sheet.actualRowCount).toBe(expected.length + 1);
    expect((sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1)).toEqual(HEADER.filter((h) => h !== 'wkt'));
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, rightToLeft: false });

    const column = (name: string) => HEADER.indexOf(name) + 1;
    const rows = Array.from({ length: expected.length }, (_, i) => sheet.getRow(i + 2));
    const trapRow = rows.find((row) => row.getCell(column('code')).value === trap.code)!;
    // Typed text cells: no escaping needed, nothing is a formula.
    expect(trapRow.getCell(column('title_ar')).value).toBe('+مشروع "اختبار" التصدير، دمشق');
    // (XML reads a CR LF line break back as LF.)
    expect(trapRow.getCell(column('title_en')).value).toBe('=HYPERLINK("http://x.test","click"),\nnext line');
    expect(trapRow.getCell(column('budget')).value).toBe(1250000.5);
    expect(trapRow.getCell(column('planned_end')).value).toEqual(new Date('2099-06-30T00:00:00Z'));
    expect(trapRow.getCell(column('delayed')).value).toBe(false);
    expect(rows.every((row) => typeof row.getCell(column('budget')).value === 'number')).toBe(true);
    expect(rows.every((row) => typeof row.getCell(column('id')).value === 'number')).toBe(true);
    expect(rows.some((row) => /[\u0600-\u06FF]/.test(String(row.getCell(column('title_ar')).value)))).toBe(true);

    const about = workbook.getWorksheet('About')!;
    const lines = Array.from({ length: about.actualRowCount }, (_, i) => (about.getRow(i + 1).values as ExcelJS.CellValue[]).slice(1).join(' | '));
    expect(lines.join('\n')).toMatch(/governorate \| SY-DI/);
    expect(lines.join('\n')).toMatch(/demo data/i);
    expect(lines.join('\n')).toMatch(new RegExp(`Projects \\| ${expected.length}`));
  });

  it('exports XLSX with Arabic headers right to left', async () => {
    const res = await t.app.request('/api/exports/projects.xlsx?status=completed&lang=ar');
    const workbook = new Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.getWorksheet('Projects')!;
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true });
    expect(sheet.getRow(1).getCell(1).value).toBe('المعرّف');
    expect(sheet.actualRowCount).toBe((await published(`p.status = 'completed'`)).length + 1);
  });

  it('streams in batches, keeping the sort order across them and the visibility rule in each', async () => {
    const anonymous: ProjectExportRequest['viewer'] = { kind: 'anonymous' };
    const request = { filter: { status: ['in_progress' as const] }, viewer: anonymous, sort: '-budget', geometry: 'none' as const, batchSize: 37 };
    const plan = await planProjectExport(t.db, request);
    const expected = await t.db.query<{ id: number }>(
      `select id from projects p where p.is_published and p.status = 'in_progress' order by p.budget desc nulls last, p.id`,
    );
    expect(plan.total).toBe(expected.length);
    expect(plan.demo).toBe(expected.length); // every demo project is labelled is_demo
    const seen: number[] = [];
    for await (const batch of plan.batches()) {
      expect(batch.length).toBeLessThanOrEqual(37);
      seen.push(...batch.map((row) => row.id));
    }
    expect(seen).toEqual(expected.map((row) => row.id));

    // A project unpublished after the export began is left out of the batches still to come.
    const again = await planProjectExport(t.db, request);
    const last = expected.at(-1)!.id;
    await t.db.query('update projects set is_published = false where id = $1', [last]);
    try {
      const ids: number[] = [];
      for await (const batch of again.batches()) ids.push(...batch.map((row) => row.id));
      expect(ids).toEqual(expected.slice(0, -1).map((row) => row.id));
    } finally {
      await t.db.query('update projects set is_published = true where id = $1', [last]);
    }

    // The viewer decides: staff see unpublished projects too.
    const admin: ProjectExportRequest['viewer'] = { kind: 'user', userId: 1, role: 'admin', organizationId: 1 };
    const all = await planProjectExport(t.db, { ...request, filter: {}, viewer: admin });
    const [count] = await t.db.query<{ n: number }>('select count(*) as n from projects');
    expect(all.total).toBe(count!.n);
  });

  it.each(['projects.csv', 'projects.geojson', 'projects.xlsx'])('rejects bad input to %s with a 400 problem naming the parameter', async (file) => {
    const cases: [string, string][] = [
      ['governorate=SY-ZZ', 'governorate'],
      ['governorate=damascus', 'governorate'],
      ['bbox=1,2,3', 'bbox'],
      ['bbox=10,50,20,40', 'bbox'],
      ['sort=nonsense', 'sort'],
      ['status=finished', 'status'],
      ['funder=nobody-at-all', 'funder'],
      ['from=2025-02-30', 'from'],
      ...(file === 'projects.geojson' ? [] : ([['lang=fr', 'lang']] as [string, string][])),
    ];
    for (const [query, parameter] of cases) {
      const res = await t.app.request(`/api/exports/${file}?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const problem = (await res.json()) as { errors: { parameter: string }[] };
      expect(problem.errors.map((e) => e.parameter), query).toContain(parameter);
    }
  });

  it('answers every valid filter combination, and never with a server error', async () => {
    const queries = [
      'sort=-delay',
      'sort=title_ar&lang=ar',
      'bbox=170,-10,-170,10',
      'bbox=35.5,32.3,42.4,37.4&kind=industrial_zone,craft_zone',
      `q=${encodeURIComponent('%_\\\'";--')}`,
      `q=${encodeURIComponent('مصراتة')}`,
      'year=2024&from=2024-03-01&to=2024-04-01',
      'country=SYR,LBY&sector=water,health&funder=undp',
      'status=completed&status=planned',
    ];
    for (const query of queries) {
      for (const file of ['projects.csv', 'projects.geojson', 'projects.xlsx']) {
        const res = await t.app.request(`/api/exports/${file}?${query}`);
        // A repeated parameter may be refused (400), never a server error.
        expect(res.status, `${file}?${query}`).toBe(query.includes('&status=') && res.status === 400 ? 400 : 200);
        await res.arrayBuffer();
      }
    }
    const delayed = await csv('?sort=-delay');
    const days = delayed.rows.map((r) => Number(r.delay_days));
    expect(days).toEqual([...days].sort((a, b) => b - a));
  });

  it('stops cleanly when the client goes away mid-download', async () => {
    for (const file of ['projects.csv', 'projects.geojson', 'projects.xlsx']) {
      const res = await t.app.request(`/api/exports/${file}`);
      const reader = res.body!.getReader();
      expect((await reader.read()).done).toBe(false);
      await reader.cancel();
    }
    const { rows } = await csv('?status=completed');
    expect(rows).toHaveLength((await published(`p.status = 'completed'`)).length);
  });

  it('describes the exports in the OpenAPI document', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, { get: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
    };
    expect(Object.keys(doc.paths['/api/exports/projects.csv']!.get.responses['200']!.content!)).toEqual(['text/csv; charset=utf-8']);
    expect(Object.keys(doc.paths['/api/exports/projects.geojson']!.get.responses['200']!.content!)).toEqual(['application/geo+json']);
    expect(Object.keys(doc.paths['/api/exports/projects.xlsx']!.get.responses['200']!.content!)).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
  });
});
