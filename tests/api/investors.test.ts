import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../support/client.ts';
import { expectStatus, unique } from '../support/freshData.ts';
import { expectProblem } from '../support/problems.ts';
import { testApp, type TestApp } from '../support/testApp.ts';

interface InvestorBody {
  id: number;
  country_iso3: string;
  name_ar: string;
  name_en: string | null;
  phone: string | null;
  version: number;
}

describe('investors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('demo');
  });
  afterAll(() => t.close());

  const record = async (fields: Record<string, unknown> = {}) => {
    const name = unique('Investor');
    const res = await (await t.as(DEMO.engineer)).post('/api/investors', { country_iso3: 'SYR', kind: 'company', name_ar: `شركة ${name}`, name_en: name, ...fields });
    return (await (await expectStatus(res, 201, 'recording an investor')).json()) as InvestorBody;
  };

  it('are recorded by engineers and admins, with their contacts', async () => {
    const investor = await record({ phone: '+963 21 111 2222', email: 'info@example.org', registration_no: 'CR-1234' });
    expect(investor).toMatchObject({ country_iso3: 'SYR', kind: 'company', phone: '+963 21 111 2222', registration_no: 'CR-1234', version: 1 });
    const admin = await t.as(DEMO.admin);
    expect((await admin.post('/api/investors', { country_iso3: 'LBY', kind: 'person', name_ar: 'عمر المختار' })).status).toBe(201);
    // Audited, without a project (an investor is no zone's history).
    const [logged] = await t.db.query<{ project_id: number | null; actor_id: number | null }>(
      `select project_id, actor_id from audit_log where table_name = 'investors' and row_key = $1 and action = 'insert'`,
      [String(investor.id)],
    );
    expect(logged).toEqual({ project_id: null, actor_id: expect.any(Number) });
  });

  it('are found by name or registration number, in Arabic or English, and by country, a page at a time', async () => {
    const investor = await record({ registration_no: unique('REG') });
    const minister = await t.as(DEMO.minister);
    const byName = await minister.json(`/api/investors?q=${encodeURIComponent(investor.name_en!.toLowerCase())}`);
    expect(byName.items.map((i: InvestorBody) => i.id)).toEqual([investor.id]);
    const byArabic = await minister.json(`/api/investors?q=${encodeURIComponent(investor.name_ar)}`);
    expect(byArabic.total).toBe(1);
    expect((await minister.json(`/api/investors?q=${encodeURIComponent(investor.name_en!)}&country=LBY`)).total).toBe(0);
    const page = await minister.json('/api/investors?limit=1&country=SYR');
    expect(page).toMatchObject({ limit: 1, offset: 0, items: [expect.objectContaining({ country_iso3: 'SYR' })] });
    expect(page.total).toBeGreaterThanOrEqual(1);
    expect(await minister.json(`/api/investors/${investor.id}`)).toEqual(investor);
    await expectProblem(await minister.get('/api/investors/999999999'), 404);
    await expectProblem(await minister.get('/api/investors?country=syria'), 400, { parameter: 'country' });
  });

  it('are changed with the version read; a stale version gets 409 with the current one', async () => {
    const investor = await record();
    const engineer = await t.as(DEMO.engineer);
    const res = await engineer.patch(`/api/investors/${investor.id}`, { phone: '+963 11 222 3333', version: 1 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ phone: '+963 11 222 3333', name_ar: investor.name_ar, version: 2 });
    const stale = await expectProblem(await (await t.as(DEMO.admin)).patch(`/api/investors/${investor.id}`, { phone: '0', version: 1 }), 409);
    expect((stale as unknown as { current_version: number }).current_version).toBe(2);
    await expectProblem(await engineer.patch(`/api/investors/${investor.id}`, { email: 'not an email', version: 2 }), 400, { parameter: 'email' });
    await expectProblem(await engineer.patch(`/api/investors/${investor.id}`, { country_iso3: 'XXX', version: 2 }), 400, { parameter: 'country_iso3' });
    await expectProblem(await engineer.patch('/api/investors/999999999', { phone: '1', version: 1 }), 404);
  });

  it('refuse bad fields with a 400 naming each', async () => {
    const res = await (await t.as(DEMO.engineer)).post('/api/investors', { country_iso3: 'SYR', kind: 'cooperative', name_ar: ' ' });
    const problem = await expectProblem(res, 400);
    expect(problem.errors!.map((e) => e.parameter).sort()).toEqual(['kind', 'name_ar']);
  });

  it('are the ministry’s only: donors and anonymous callers are told they do not exist; ministers, viewers and planners only read', async () => {
    const investor = await record();
    const body = { country_iso3: 'SYR', kind: 'person', name_ar: 'لن يُسجّل' };
    for (const client of [await t.as(DEMO.undpDonor), t.anonymous]) {
      await expectProblem(await client.get('/api/investors'), 404);
      await expectProblem(await client.get(`/api/investors/${investor.id}`), 404);
    }
    await expectProblem(await (await t.as(DEMO.undpDonor)).post('/api/investors', body), 404);
    await expectProblem(await (await t.as(DEMO.undpDonor)).patch(`/api/investors/${investor.id}`, { phone: '1', version: 1 }), 404);
    await expectProblem(await t.anonymous.post('/api/investors', body), 401);
    for (const role of ['minister', 'viewer', 'planner'] as const) {
      const client = await t.as(DEMO[role]);
      expect((await client.get(`/api/investors/${investor.id}`)).status).toBe(200);
      await expectProblem(await client.post('/api/investors', body), 403, { detail: /admins and engineers/ });
      await expectProblem(await client.patch(`/api/investors/${investor.id}`, { phone: '1', version: 1 }), 403);
    }
    expect(await t.db.query(`select 1 from investors where name_ar = 'لن يُسجّل'`)).toEqual([]);
  });
});
