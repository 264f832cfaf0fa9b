import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type Client } from '../support/client.ts';
import { expectProblem } from '../support/problems.ts';
import { testApp, type TestApp } from '../support/testApp.ts';

describe('hostile input', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await testApp('demo');
    admin = await t.as(DEMO.admin);
  });
  afterAll(() => t.close());


  it('refuses a NUL in the search of every read with 400 naming q, anonymous or signed in', async () => {
    const reads = [
      '/api/projects',
      '/api/summaries/countries',
      '/api/summaries/governorates',
      '/api/summaries/governorates/SY-DI',
      '/api/summaries/governorates/SY-DI/timeline',
      '/api/exports/projects.csv',
      '/api/exports/projects.geojson',
      '/api/exports/projects.xlsx',
      '/tiles/projects/5/19/12.mvt',
      '/tiles/projects.json',
      '/ogc/collections/projects/items',
      '/ogc/collections/zones/items',
    ];
    for (const path of reads) {
      for (const res of [await t.app.request(`${path}?q=%00`), await admin.request(`${path}?q=a%00b`)]) {
        const problem = await expectProblem(res, 400);
        expect(problem.errors, path).toEqual([expect.objectContaining({ parameter: 'q', message: expect.stringContaining('U+0000') })]);
      }
    }
  });

  it('refuses other control characters in query values, parameter names and paths, but keeps tabs and line breaks in values', async () => {
    await expectProblem(await t.app.request('/api/projects?q=a%01b'), 400);
    await expectProblem(await t.app.request('/api/projects?q=%7F'), 400);
    await expectProblem(await t.app.request('/api/projects?q%00=x'), 400);
    await expectProblem(await t.app.request('/ogc/collections/projects/items/1%00'), 400);
    await expectProblem(await t.app.request('/api/summaries/governorates/SY%0A-DI'), 400);
    await expectProblem(await t.app.request('/assets/x%00.js'), 400); // the web app's files too
    expect((await t.app.request('/api/projects?q=water%09pump%0A')).status).toBe(200);
  });

  it('refuses control characters and unpaired surrogates in JSON bodies, naming the field, and stores nothing', async () => {
    const [project] = await t.db.query<{ id: number; version: number; title_en: string }>('select id, version, title_en from projects order by id limit 1');
    for (const title of ['Water\u0000works', 'Water\u001bworks', 'Water\ud800works']) {
      const res = await admin.request(`/api/projects/${project!.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title_en: title, version: project!.version }),
      });
      const problem = await expectProblem(res, 400);
      expect(problem.errors).toEqual([expect.objectContaining({ parameter: 'title_en' })]);
    }
    const note = await admin.request(`/api/projects/${project!.id}/progress`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reported_on: '2025-01-01', status: 'in_progress', physical_progress: 10, financial_progress: 10, note: 'a\u0000b', version: project!.version }),
    });
    expect((await expectProblem(note, 400)).errors).toEqual([expect.objectContaining({ parameter: 'note' })]);
    const [after] = await t.db.query<{ title_en: string; version: number }>('select title_en, version from projects where id = $1', [project!.id]);
    expect(after).toEqual({ title_en: project!.title_en, version: project!.version });
  });

  it('refuses control characters in a form field, inside the report JSON of a progress form', async () => {
    const [project] = await t.db.query<{ id: number; version: number }>('select id, version from projects order by id limit 1');
    const form = new FormData();
    form.append('report', JSON.stringify({ reported_on: '2025-01-01', status: 'in_progress', physical_progress: 10, financial_progress: 10, note: 'x\u0007', version: project!.version }));
    const res = await admin.request(`/api/projects/${project!.id}/progress`, { method: 'POST', body: form });
    expect((await expectProblem(res, 400)).errors).toEqual([expect.objectContaining({ parameter: 'note' })]);
  });

  it('reads ids only in canonical decimal: no hex, exponent, spaces, signs or leading zeros', async () => {
    const [project] = await t.db.query<{ id: number }>('select min(id) as id from projects where is_published');
    expect((await t.app.request(`/api/projects/${project!.id}`)).status).toBe(200);
    for (const id of ['0x10', '1e1', '%201%20', '01', '+1', '-1', '0', '1.0', '1_0', '١']) {
      await expectProblem(await t.app.request(`/api/projects/${id}`), 400);
    }
    await expectProblem(await t.app.request('/api/projects/99999999999999999999'), 400);
    await expectProblem(await admin.request('/api/admin/users/0x1', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{}' }), 400);
    await expectProblem(await t.app.request('/api/projects/1/progress/0x1/photos/1'), 400);
    for (const tile of ['/tiles/projects/05/19/12.mvt', '/tiles/projects/5/0x13/12.mvt', '/tiles/projects/5/19/012.mvt', '/tiles/projects/5/1e1/12.mvt']) {
      await expectProblem(await t.app.request(tile), 400);
    }
    expect((await t.app.request('/tiles/projects/0/0/0.mvt')).status).toBe(200);
  });

  it('says what is wrong with a malformed JSON body, a broken form and a wrong content type', async () => {
    const malformed = await admin.request('/api/projects', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"code": ' });
    expect((await expectProblem(malformed, 400)).detail).toMatch(/not valid JSON/);
    const form = await admin.request('/api/projects/1/progress', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: 'not a form' });
    expect((await expectProblem(form, 400)).detail).toMatch(/multipart\/form-data/);
    const text = await admin.request('/api/projects', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect((await expectProblem(text, 415)).detail).toBe('Send the body as application/json (this request has content-type text/plain)');
    const xml = await admin.request('/api/projects/1/progress', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<a/>' });
    expect((await expectProblem(xml, 415)).detail).toMatch(/application\/json or multipart\/form-data/);
    const json = await admin.request('/api/imports/projects', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect((await expectProblem(json, 415)).detail).toMatch(/multipart\/form-data/);
  });

  it('answers a method a path does not have with 405 and Allow', async () => {
    const res = await t.app.request('/api/projects', { method: 'PATCH' });
    expect(res.headers.get('allow')).toBe('GET, HEAD, POST');
    expect((await expectProblem(res, 405)).detail).toMatch(/^PATCH is not a method of \/api\/projects/);
    expect((await t.app.request('/ogc/collections', { method: 'DELETE' })).status).toBe(405);
    expect((await t.app.request('/tiles/projects/0/0/0.mvt', { method: 'POST' })).headers.get('allow')).toBe('GET, HEAD');
    // A real 404 stays one.
    await expectProblem(await t.app.request('/api/projects/999999'), 404);
    await expectProblem(await t.app.request('/api/no-such-thing', { method: 'PUT' }), 404);
  });

  it('answers an overlong address with 414 and oversized headers with 431, as problems', async () => {
    const long = await t.app.request(`/api/projects?q=${'a'.repeat(20 * 1024)}`);
    expect((await expectProblem(long, 414)).detail).toMatch(/at most 8192/);
    const headers = await t.app.request('/api/projects', { headers: { 'x-padding': 'a'.repeat(20 * 1024) } });
    expect((await expectProblem(headers, 431)).detail).toMatch(/cookies/);
  });
});
