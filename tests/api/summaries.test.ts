import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/testApp.ts';

interface Raw {
  governorate: string;
  country: string;
  sector: string;
  kind: string;
  status: string;
  budget: number | null;
  physical_progress: number;
  financial_progress: number;
  delayed: boolean;
  stale: boolean;
  last_update_on: string | null;
}

/** The metrics computed in JavaScript from raw rows, independently of the SQL under test. */
function expectedMetrics(rows: Raw[]) {
  const budgeted = rows.filter((r) => (r.budget ?? 0) > 0);
  const budget = budgeted.reduce((s, r) => s + r.budget!, 0);
  return {
    projects: rows.length,
    budget_total: rows.reduce((s, r) => s + (r.budget ?? 0), 0),
    budget_spent: rows.reduce((s, r) => s + ((r.budget ?? 0) * r.financial_progress) / 100, 0),
    progress_weighted: budget > 0 ? budgeted.reduce((s, r) => s + r.budget! * r.physical_progress, 0) / budget : null,
    delayed: rows.filter((r) => r.delayed).length,
    stale: rows.filter((r) => r.stale).length,
    completed: rows.filter((r) => r.status === 'completed').length,
    last_update_on: rows.map((r) => r.last_update_on).filter(Boolean).sort().at(-1) ?? null,
  };
}

function expectMatches(actual: Record<string, unknown> & { by_status: Record<string, number> }, rows: Raw[]) {
  const e = expectedMetrics(rows);
  expect(actual.projects).toBe(e.projects);
  expect(actual.budget_total).toBeCloseTo(e.budget_total, 0);
  expect(actual.budget_spent).toBeCloseTo(e.budget_spent, -1);
  if (e.progress_weighted === null) expect(actual.progress_weighted).toBeNull();
  else expect(actual.progress_weighted).toBeCloseTo(e.progress_weighted, 1);
  expect(actual.delayed).toBe(e.delayed);
  expect(actual.stale).toBe(e.stale);
  expect(actual.by_status.completed).toBe(e.completed);
  expect(actual.last_update_on).toBe(e.last_update_on);
}

describe('summaries API', () => {
  let t: TestApp;
  let raw: Raw[];

  beforeAll(async () => {
    t = await testApp('demo');
    // Plain columns; "delayed" and "stale" spelled out here as the product defines them.
    raw = await t.db.query<Raw>(`
      select a.code as governorate, p.country_iso3 as country, p.sector_code as sector, p.kind, p.status, p.budget,
             p.physical_progress, p.financial_progress, p.last_update_on,
             (p.planned_end < current_date and p.status not in ('completed','cancelled')) as delayed,
             (p.status not in ('completed','cancelled') and coalesce(p.last_update_on, p.created_at::date) < current_date - 90) as stale
        from projects p join admin_areas a on a.id = p.admin_area_id
       where p.is_published`);
  });
  afterAll(() => t.close());

  it('gives national totals and per-country metrics over what anonymous callers may see', async () => {
    const res = await t.app.request('/api/summaries/countries');
    expect(res.status).toBe(200);
    const body = await res.json();
    expectMatches(body.total, raw);
    expect(body.countries).toHaveLength(9);
    const syria = body.countries.find((c: { country: string }) => c.country === 'SYR');
    expectMatches(syria, raw.filter((r) => r.country === 'SYR'));
    const egypt = body.countries.find((c: { country: string }) => c.country === 'EGY');
    expect(egypt).toMatchObject({ projects: 0, budget_total: 0, progress_weighted: null });
  });

  it('gives every governorate a row, zeros included, under filters', async () => {
    const body = await (await t.app.request('/api/summaries/governorates?country=SYR,LBY&status=in_progress')).json();
    expect(body.governorates).toHaveLength(14 + 22);
    for (const g of body.governorates) {
      expectMatches(g, raw.filter((r) => r.governorate === g.governorate && r.status === 'in_progress'));
    }
  });

  it('breaks one governorate down by sector and by kind', async () => {
    const body = await (await t.app.request('/api/summaries/governorates/SY-HL')).json();
    const aleppo = raw.filter((r) => r.governorate === 'SY-HL');
    expectMatches(body.governorate, aleppo);
    expect(body.governorate).toMatchObject({ name_ar_short: 'حلب', name_en: 'Aleppo' });
    for (const row of body.by_sector) expectMatches(row, aleppo.filter((r) => r.sector === row.key));
    expect(body.by_sector.reduce((s: number, r: { projects: number }) => s + r.projects, 0)).toBe(aleppo.length);
    for (const row of body.by_kind) expectMatches(row, aleppo.filter((r) => r.kind === row.key));
  });

  it('rebuilds a governorate\'s progress month by month from the history', async () => {
    const res = await t.app.request('/api/summaries/governorates/SY-DI/timeline');
    expect(res.status).toBe(200);
    const { months } = await res.json();
    expect(months).toHaveLength(36);
    const [now] = await t.db.query<{ month: string }>(`select to_char(current_date, 'YYYY-MM') as month`);
    expect(months.at(-1).month).toBe(now!.month);
    // Independently: the standing at the end of one month, from the raw history.
    const probe = months[20];
    const [expected] = await t.db.query<{ reporting: number; weighted: number | null }>(
      `with latest as (
         select distinct on (u.project_id) u.project_id, u.physical_progress
           from progress_updates u join projects p on p.id = u.project_id join admin_areas a on a.id = p.admin_area_id
          where a.code = 'SY-DI' and p.is_published and u.reported_on < (($1 || '-01')::date + interval '1 month')
          order by u.project_id, u.reported_on desc, u.id desc)
       select count(*) as reporting,
              sum(p.budget * l.physical_progress) / nullif(sum(p.budget) filter (where p.budget > 0), 0) as weighted
         from latest l join projects p on p.id = l.project_id`,
      [probe.month],
    );
    expect(probe.projects_reporting).toBe(expected!.reporting);
    if (expected!.weighted === null) expect(probe.progress_weighted).toBeNull();
    else expect(probe.progress_weighted).toBeCloseTo(expected!.weighted, 1);
    expect(months.map((m: { projects_reporting: number }) => m.projects_reporting).at(-1)).toBeGreaterThanOrEqual(probe.projects_reporting);
  });

  it('answers an unknown governorate with 404 and bad filters with 400', async () => {
    expect((await t.app.request('/api/summaries/governorates/SY-ZZ/timeline')).status).toBe(404);
    expect((await t.app.request('/api/summaries/governorates/SY-DI/timeline?funder=nobody')).status).toBe(400);
    expect((await t.app.request('/api/summaries/governorates/SY-ZZ')).status).toBe(404);
    const bad = await t.app.request('/api/summaries/governorates?status=done');
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].parameter).toBe('status');
    expect((await t.app.request('/api/summaries/governorates/damascus')).status).toBe(400);
  });
});
