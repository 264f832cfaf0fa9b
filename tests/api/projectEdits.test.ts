import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../support/client.ts';
import { BOWTIE, HOPELESS_GEOMETRIES, pointIn } from '../support/fixtures.ts';
import { createProject, projectFields, unique } from '../support/freshData.ts';
import { testApp, type TestApp } from '../support/testApp.ts';

describe('creating and editing projects', () => {
  let t: TestApp;
  const project = (geometry: unknown, extra: Record<string, unknown> = {}) =>
    projectFields(unique('TEST'), { title_ar: 'مشروع اختبار للمياه', title_en: 'Test water project', geometry, budget: 250000, ...extra });
  const count = async (code: string) => (await t.db.query<{ n: number }>('select count(*) as n from projects where code = $1', [code]))[0]!.n;

  beforeAll(async () => {
    t = await testApp('demo');
  });
  afterAll(() => t.close());

  it("creates a project in the engineer's governorate, found from its geometry", async () => {
    const res = await (await t.as(DEMO.engineer)).post('/api/projects', project(pointIn('SY-DI')));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ governorate: 'SY-DI', warnings: [] });
  });

  it('refuses a project in another governorate, and saves nothing', async () => {
    const inAleppo = project(pointIn('SY-HL'));
    const res = await (await t.as(DEMO.engineer)).post('/api/projects', inAleppo);
    expect(res.status).toBe(403);
    expect(await count(inAleppo.code)).toBe(0);
    expect((await (await t.as(DEMO.minister)).post('/api/projects', project(pointIn('SY-DI')))).status).toBe(403);
    expect((await t.anonymous.post('/api/projects', project(pointIn('SY-DI')))).status).toBe(401);
  });

  it('rejects an invalid geometry with the reason, or repairs it when asked', async () => {
    const admin = await t.as(DEMO.admin);
    const bowtie = project(BOWTIE);
    const rejected = await admin.post('/api/projects', bowtie);
    expect(rejected.status).toBe(400);
    const problem = await rejected.json();
    expect(problem.detail).toMatch(/Self-intersection/);
    expect(problem.repairable).toBe(true);
    expect(await count(bowtie.code)).toBe(0);
    const repaired = await admin.post('/api/projects', { ...bowtie, repair_geometry: true });
    expect(repaired.status).toBe(201);
    expect((await repaired.json()).warnings[0]).toMatch(/repaired: Self-intersection/);
  });

  it.each(HOPELESS_GEOMETRIES)('rejects geometry %j with a 400 naming geometry', async (geometry, reason) => {
    const res = await (await t.as(DEMO.admin)).post('/api/projects', project(geometry));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors[0].parameter).toMatch(/^geometry/);
    expect(body.detail).toMatch(reason);
    expect(body.repairable ?? false).toBe(false); // no repair makes these right
  });

  it('answers a taken code with 409 and missing fields with 400', async () => {
    const admin = await t.as(DEMO.admin);
    const { code } = await createProject(admin);
    const taken = await admin.post('/api/projects', project(pointIn('SY-DI'), { code }));
    expect(taken.status).toBe(409);
    expect((await taken.json()).errors).toEqual([{ parameter: 'code', message: 'another project already has this code' }]);
    const res = await admin.post('/api/projects', { code: unique('TEST') });
    expect(res.status).toBe(400);
    const missing = (await res.json()).errors as { parameter: string; message: string }[];
    expect(missing.map((e) => e.parameter)).toEqual(expect.arrayContaining(['kind', 'title_ar', 'geometry']));
    // A missing field is said to be missing, in the same words for text, choices and shapes.
    for (const parameter of ['kind', 'title_ar', 'geometry']) expect(missing.find((e) => e.parameter === parameter)?.message).toBe('is required');
  });

  it('changes only what a PATCH names: a published project in euros stays published and in euros', async () => {
    const admin = await t.as(DEMO.admin);
    const { id, version } = await createProject(admin, { currency: 'EUR', is_published: true });
    const renamed = await admin.patch(`/api/projects/${id}`, { title_en: 'Only the name changes', version });
    expect(renamed.status).toBe(200);
    const [after] = await t.db.query<{ title_en: string; currency: string; is_published: boolean }>(
      'select title_en, currency, is_published from projects where id = $1',
      [id],
    );
    expect(after).toEqual({ title_en: 'Only the name changes', currency: 'EUR', is_published: true });
    const [logged] = await t.db.query<{ changed: string[] }>(
      `select array(select jsonb_object_keys(new_values)) as changed from audit_log where table_name = 'projects' and project_id = $1 and action = 'update'`,
      [id],
    );
    expect(logged!.changed).toEqual(['title_en']);
  });

  it('edits with optimistic concurrency: a stale version gets 409, and nothing is overwritten', async () => {
    const engineer = await t.as(DEMO.engineer);
    const { id, version } = await createProject(engineer);
    const first = await engineer.patch(`/api/projects/${id}`, { title_en: 'Renamed once', version });
    expect(first.status).toBe(200);
    const stale = await (await t.as(DEMO.admin)).patch(`/api/projects/${id}`, { title_en: 'Renamed twice', version });
    expect(stale.status).toBe(409);
    const [after] = await t.db.query<{ title_en: string }>('select title_en from projects where id = $1', [id]);
    expect(after!.title_en).toBe('Renamed once');
    // Moving it out of the engineer's governorate is refused and undone.
    const moved = await engineer.patch(`/api/projects/${id}`, { geometry: pointIn('SY-HL'), version: (await first.json()).version });
    expect(moved.status).toBe(403);
    const [still] = await t.db.query<{ code: string }>(
      'select a.code from projects p join admin_areas a on a.id = p.admin_area_id where p.id = $1',
      [id],
    );
    expect(still!.code).toBe('SY-DI');
  });

  describe('funding', () => {
    const funding = async (id: number) =>
      t.db.query<{ slug: string; amount: string; currency: string }>(
        `select o.slug, f.amount::text as amount, f.currency from project_funding f join organizations o on o.id = f.organization_id
          where f.project_id = $1 order by o.slug`,
        [id],
      );
    const versionOf = async (id: number) => (await t.db.query<{ version: number }>('select version from projects where id = $1', [id]))[0]!.version;
    /** A project in euros funded by UNDP (in euros) and the EU (in dollars), created by the Damascus engineer. */
    const fundedProject = async () =>
      createProject(await t.as(DEMO.engineer), {
        currency: 'EUR',
        funding: [{ organization: 'undp', amount: 100000 }, { organization: 'eu', amount: 50000.5, currency: 'USD' }],
      });

    it('is set with a new project, in its currency unless told otherwise, and shown with it', async () => {
      const { id } = await fundedProject();
      expect(await funding(id)).toEqual([
        { slug: 'eu', amount: '50000.50', currency: 'USD' },
        { slug: 'undp', amount: '100000.00', currency: 'EUR' },
      ]);
      const detail = await (await t.as(DEMO.engineer)).json(`/api/projects/${id}`);
      expect(detail.funding.map((f: { organization: string; amount: number }) => [f.organization, f.amount])).toEqual([['undp', 100000], ['eu', 50000.5]]);
    });

    it('is replaced by a PATCH, which moves the version on and is audited row by row', async () => {
      const engineer = await t.as(DEMO.engineer);
      const { id } = await fundedProject();
      const before = await versionOf(id);
      const res = await engineer.patch(`/api/projects/${id}`, {
        version: before,
        funding: [{ organization: 'undp', amount: 120000 }, { organization: 'giz', amount: 1 }],
      });
      expect(res.status).toBe(200);
      expect((await res.json()).version).toBe(before + 1);
      expect((await funding(id)).map((f) => [f.slug, f.amount])).toEqual([['giz', '1.00'], ['undp', '120000.00']]);
      const audit = await t.db.query<{ action: string; n: number }>(
        `select action, count(*)::int as n from audit_log where table_name = 'project_funding' and project_id = $1
          group by action order by action`,
        [id],
      );
      expect(audit).toEqual([{ action: 'delete', n: 1 }, { action: 'insert', n: 3 }, { action: 'update', n: 1 }]);
      // The history says whose amount changed, by the funder's slug.
      const history = await engineer.json(`/api/projects/${id}/history`);
      const funded = history.items.filter((i: { table: string }) => i.table === 'project_funding');
      expect(funded).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ action: 'update', from: { amount: 100000, organization: 'undp' }, to: { amount: 120000, organization: 'undp' } }),
          expect.objectContaining({ action: 'delete', from: expect.objectContaining({ organization: 'eu', amount: 50000.5 }), to: null }),
          expect.objectContaining({ action: 'insert', from: null, to: expect.objectContaining({ organization: 'giz', amount: 1 }) }),
        ]),
      );
      expect(JSON.stringify(funded)).not.toContain('organization_id');
      // The old version no longer applies.
      const stale = await engineer.patch(`/api/projects/${id}`, { version: before, funding: [] });
      expect(stale.status).toBe(409);
      expect(await funding(id)).toHaveLength(2);
    });

    it.each([
      [[{ organization: 'nobody', amount: 1 }], 'funding.0.organization'],
      [[{ organization: 'undp', amount: -5 }], 'funding.0.amount'],
      [[{ organization: 'undp', amount: 1 }, { organization: 'undp', amount: 2 }], 'funding'],
    ])('refuses funding %j naming %s, and writes nothing', async (rows, parameter) => {
      const { id } = await fundedProject();
      const before = { version: await versionOf(id), funding: await funding(id) };
      const res = await (await t.as(DEMO.engineer)).patch(`/api/projects/${id}`, { version: before.version, title_en: 'Renamed', funding: rows });
      expect(res.status).toBe(400);
      expect((await res.json()).errors.map((e: { parameter: string }) => e.parameter)).toContain(parameter);
      expect({ version: await versionOf(id), funding: await funding(id) }).toEqual(before);
    });
  });
});
