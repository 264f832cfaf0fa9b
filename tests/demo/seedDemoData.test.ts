import type { Database } from '@marsad/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DEFAULTS, seedDemoData, type DemoSummary } from '@marsad/demo';
import { freshDatabase, type TestDatabase } from '../support/testDatabases.ts';

// One database seeded once at the default scale; every test only reads it.
let t: TestDatabase;
let db: Database;
let summary: DemoSummary;
const today = DEMO_DEFAULTS.today;

beforeAll(async () => {
  t = await freshDatabase('boundaries');
  db = t.db;
  const started = performance.now();
  summary = await seedDemoData(db);
  console.log(`seedDemoData at the default scale on ${db.engine} took ${Math.round(performance.now() - started)} ms`, summary);
}, 180_000);

afterAll(async () => {
  await t?.close();
});

const one = async <T>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params))[0]!;

describe('seedDemoData at the default scale', () => {
  it('creates about as many rows as asked for, and reports what it wrote', async () => {
    const counts = await one<Record<string, number>>(`
      select (select count(*) from projects where kind in ('development_project', 'service_centre')) as projects,
             (select count(*) from projects where kind in ('industrial_zone', 'craft_zone')) as zones,
             (select count(*) from progress_updates) as updates,
             (select count(*) from project_funding) as fundings,
             (select count(*) from project_shares) as shares,
             (select count(*) from users) as users,
             (select count(*) from organizations) as organizations,
             (select count(*) from plans) as plans,
             (select count(*) from plan_targets) as targets,
             (select count(*) from indicator_returns) as returns`);
    expect(counts).toEqual({ ...summary });
    expect(counts.projects).toBe(DEMO_DEFAULTS.projects);
    expect(counts.zones).toBe(DEMO_DEFAULTS.zones);
    expect(counts.updates).toBeGreaterThan(DEMO_DEFAULTS.updates * 0.9);
    expect(counts.updates).toBeLessThan(DEMO_DEFAULTS.updates * 1.1);
  });

  it('labels every project as demo data, in both languages', async () => {
    const unlabelled = await one<{ n: number }>(`
      select count(*) as n from projects
       where not is_demo or description_en not like 'Demo data.%' or description_ar not like 'بيانات تجريبية.%'`);
    expect(unlabelled.n).toBe(0);
  });

  it('places every geometry inside its governorate, valid, and mostly points', async () => {
    const check = await one<Record<string, number>>(`
      select count(*) filter (where not ST_CoveredBy(p.geom, a.geom)) as outside,
             count(*) filter (where not ST_IsValid(p.geom)) as invalid,
             count(*) filter (where p.country_iso3 <> a.country_iso3) as wrong_country
        from projects p join admin_areas a on a.id = p.admin_area_id`);
    expect(check).toEqual({ outside: 0, invalid: 0, wrong_country: 0 });
    const shapes = await one<Record<string, number>>(`
      select avg((ST_GeometryType(geom) = 'ST_Point')::int) as points,
             avg((ST_GeometryType(geom) = 'ST_LineString')::int) as lines,
             avg((ST_GeometryType(geom) = 'ST_Polygon')::int) as polygons,
             max(ST_Length(geom::geography)) filter (where ST_GeometryType(geom) = 'ST_LineString') as longest_line_m
        from projects where kind = 'development_project'`);
    expect(shapes.points).toBeGreaterThan(0.68);
    expect(shapes.lines).toBeGreaterThan(0.1);
    expect(shapes.polygons).toBeGreaterThan(0.06);
    expect(shapes.longest_line_m).toBeLessThan(25_000);
  });

  it('spreads projects over the countries roughly by population', async () => {
    const rows = await db.query<{ country_iso3: string; share: number }>(
      `select country_iso3, count(*)::float / sum(count(*)) over () as share from projects group by 1`,
    );
    const share = Object.fromEntries(rows.map((r) => [r.country_iso3, r.share]));
    expect(share.SYR).toBeGreaterThan(0.38);
    expect(share.SAU).toBeGreaterThan(0.24);
    expect(share.LBY).toBeGreaterThan(0.19);
    const areas = await one<{ n: number }>(`select count(distinct admin_area_id) as n from projects`);
    expect(areas.n).toBe(49); // every governorate has projects
  });

  it('gives every zone a polygon and consistent facts', async () => {
    const zones = await one<Record<string, number>>(`
      select count(*) as zones,
             count(z.project_id) as with_facts,
             count(*) filter (where ST_GeometryType(p.geom) <> 'ST_Polygon') as not_polygons,
             count(*) filter (where abs(z.area_ha - ST_Area(p.geom::geography) / 10000) > 0.01) as wrong_area,
             count(*) filter (where p.kind = 'industrial_zone' and z.area_ha not between 50 and 2000) as odd_industrial,
             count(*) filter (where p.kind = 'craft_zone' and z.area_ha not between 1 and 100) as odd_craft,
             count(*) filter (where z.plots_total < 1 or z.plots_in_production > z.plots_allocated) as odd_plots,
             count(distinct p.title_en) as names
        from projects p left join zone_facts z on z.project_id = p.id
       where p.kind in ('industrial_zone', 'craft_zone')`);
    expect(zones).toMatchObject({ zones: 60, with_facts: 60, not_polygons: 0, wrong_area: 0, odd_industrial: 0, odd_craft: 0, odd_plots: 0, names: 60 });
    const adra = await one<{ n: number }>(`select count(*) as n from projects where title_en = 'Adra Industrial City' and title_ar = 'مدينة عدرا الصناعية'`);
    expect(adra.n).toBe(1);
  });

  it('tells a consistent progress story that ends at today', async () => {
    const history = await one<Record<string, number>>(`
      with u as (
        select u.*, lag(physical_progress) over w as prev_physical, lag(financial_progress) over w as prev_financial
          from progress_updates u window w as (partition by project_id order by reported_on, id))
      select count(*) filter (where reported_on > $1::date) as after_today,
             count(*) filter (where reported_on >= $1::date - interval '3 years') as in_window,
             count(*) filter (where physical_progress < prev_physical) as physical_backwards,
             count(*) filter (where financial_progress < prev_financial) as financial_backwards,
             count(*) filter (where status = 'completed' and physical_progress <> 100) as completed_not_100,
             count(*) as total
        from u`,
      [today],
    );
    expect(history.after_today).toBe(0);
    expect(history.physical_backwards).toBe(0);
    expect(history.financial_backwards).toBe(0);
    expect(history.completed_not_100).toBe(0);
    expect(history.in_window! / history.total!).toBeGreaterThan(0.9);
    // The trigger kept each project's current state equal to its latest update.
    const mismatched = await one<{ n: number }>(`
      select count(*) as n from projects p
        join lateral (select * from progress_updates u where u.project_id = p.id order by reported_on desc, id desc limit 1) l on true
       where p.status <> l.status or p.physical_progress <> l.physical_progress or p.last_update_on <> l.reported_on`);
    expect(mismatched.n).toBe(0);
  });

  it('has a realistic mix: delayed, stale, suspended, cancelled, completed and running projects', async () => {
    const mix = await one<Record<string, number>>(
      `select avg((planned_end < $1::date and status <> 'completed')::int) as delayed,
              avg((status in ('in_progress', 'suspended') and last_update_on < $1::date - 90)::int) as stale,
              avg((status = 'suspended')::int) as suspended,
              avg((status = 'cancelled')::int) as cancelled,
              avg((status = 'completed')::int) as completed,
              avg((status = 'completed' and actual_end < planned_end)::int) as completed_early,
              avg((status = 'in_progress')::int) as in_progress,
              avg((status in ('planned', 'tendering'))::int) as not_started,
              avg(is_published::int) as published
         from projects`,
      [today],
    );
    console.log('status mix', mix);
    const lowestShare = {
      delayed: 0.1,
      stale: 0.04,
      suspended: 0.02,
      cancelled: 0.02,
      completed: 0.15,
      completed_early: 0.01,
      in_progress: 0.3,
      not_started: 0.02,
      published: 0.12,
    };
    for (const [share, lowest] of Object.entries(lowestShare)) expect(mix[share], share).toBeGreaterThan(lowest);
    expect(mix.published).toBeLessThan(0.28);
  });

  it('funds every project by its ministry, about a third also by donors, never above budget', async () => {
    const funding = await one<Record<string, number>>(`
      with f as (
        select p.id, p.budget, sum(f.amount) as funded,
               bool_or(o.kind = 'ministry' and o.country_iso3 = p.country_iso3) as by_ministry,
               bool_or(o.kind = 'donor') as by_donor
          from projects p join project_funding f on f.project_id = p.id join organizations o on o.id = f.organization_id
         group by p.id, p.budget)
      select (select count(*) from projects) - count(*) as unfunded,
             count(*) filter (where funded > budget) as over_budget,
             count(*) filter (where not by_ministry) as without_ministry,
             avg(by_donor::int) as donor_share
        from f`);
    expect(funding.unfunded).toBe(0);
    expect(funding.over_budget).toBe(0);
    expect(funding.without_ministry).toBe(0);
    expect(funding.donor_share).toBeGreaterThan(0.25);
    expect(funding.donor_share).toBeLessThan(0.45);
  });

  it('shares funded projects with their donors, and many with UNDP and GIZ', async () => {
    const unshared = await one<{ n: number }>(`
      select count(*) as n from project_funding f join organizations o on o.id = f.organization_id
       where o.kind = 'donor' and not exists (select 1 from project_shares s where s.project_id = f.project_id and s.organization_id = f.organization_id)`);
    expect(unshared.n).toBe(0);
    const shared = await db.query<{ slug: string; n: number }>(`
      select o.slug, count(*) as n from project_shares s join organizations o on o.id = s.organization_id
       where o.slug in ('undp', 'giz') group by o.slug order by o.slug`);
    expect(shared.map((r) => r.slug)).toEqual(['giz', 'undp']);
    for (const row of shared) expect(row.n).toBeGreaterThanOrEqual(50);
  });

  it('creates the demo accounts, without passwords', async () => {
    const accounts = await db.query<{ email: string; role: string; org: string; areas: string | null }>(`
      select u.email, u.role, o.slug as org, string_agg(a.code, ',') as areas
        from users u join organizations o on o.id = u.organization_id
        left join user_admin_areas ua on ua.user_id = u.id left join admin_areas a on a.id = ua.admin_area_id
       where u.password_hash is null
       group by u.email, u.role, o.slug`);
    const byEmail = new Map(accounts.map((a) => [a.email, a]));
    expect(byEmail.get('admin@marsad.demo')).toMatchObject({ role: 'admin', org: 'ministry-syr' });
    expect(byEmail.get('minister@marsad.demo')).toMatchObject({ role: 'minister', org: 'ministry-syr' });
    expect(byEmail.get('planner@marsad.demo')).toMatchObject({ role: 'planner', org: 'ministry-syr', areas: null });
    expect(byEmail.get('engineer.damascus@marsad.demo')).toMatchObject({ role: 'engineer', org: 'office-sy-di', areas: 'SY-DI' });
    expect(byEmail.get('engineer.aleppo@marsad.demo')).toMatchObject({ role: 'engineer', org: 'office-sy-hl', areas: 'SY-HL' });
    expect(byEmail.get('donor.undp@marsad.demo')).toMatchObject({ role: 'donor', org: 'undp' });
    expect(byEmail.get('donor.giz@marsad.demo')).toMatchObject({ role: 'donor', org: 'giz' });
    expect(accounts).toHaveLength(summary.users);
  });

  it('writes one bulk_load audit entry instead of one per row', async () => {
    const audit = await db.query<{ action: string; table_name: string; projects: number }>(
      `select action, table_name, (new_values ->> 'projects')::int as projects from audit_log`,
    );
    expect(audit).toEqual([{ action: 'bulk_load', table_name: 'demo', projects: DEMO_DEFAULTS.projects }]);
  });

  it('refuses to seed a second time, and leaves the data as it was', async () => {
    await expect(seedDemoData(db, { seed: 1, projects: 10, zones: 0, updates: 10 })).rejects.toThrow(/already present/);
    const after = await one<{ n: number }>(`select count(*) as n from projects`);
    expect(after.n).toBe(DEMO_DEFAULTS.projects + DEMO_DEFAULTS.zones);
  });
});
