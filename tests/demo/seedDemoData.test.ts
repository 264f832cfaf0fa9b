import type { Database } from '@marsad/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DEFAULTS, defaultZones, seedDemoData, type DemoSummary } from '@marsad/demo';
import { freshDatabase, type TestDatabase } from '../support/testDatabases.ts';

// One database seeded once at the default scale; every test only reads it.
let t: TestDatabase;
let db: Database;
let summary: DemoSummary;
/** The last audit entry before seeding (migrations audit the rows they insert, such as 0022's responsible bodies). */
let auditBefore: number;
const today = DEMO_DEFAULTS.today;

beforeAll(async () => {
  t = await freshDatabase('boundaries');
  db = t.db;
  auditBefore = (await db.query<{ id: number }>(`select coalesce(max(id), 0)::int as id from audit_log`))[0]!.id;
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
             (select count(*) from zone_plots) as plots,
             (select count(*) from investors) as investors,
             (select count(*) from project_funding) as fundings,
             (select count(*) from project_shares) as shares,
             (select count(*) from users) as users,
             (select count(*) from organizations) as organizations,
             (select count(*) from plans) as plans,
             (select count(*) from plan_targets) as targets,
             (select count(*) from indicator_returns) as returns,
             (select count(*) from obstacles) as obstacles,
             (select count(*) from obstacle_escalations) as escalations,
             (select count(*) from meetings) as meetings,
             (select count(*) from decisions) as decisions`);
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

  it('lays out thousands of plots, enough per zone for the bench scale to pass 50,000', async () => {
    expect(summary.plots).toBeGreaterThan(3_000);
    expect(summary.plots).toBeLessThan(12_000);
    // The bench seeds 100,000 projects, which get defaultZones(100_000) zones of the same kinds and sizes.
    expect((summary.plots / summary.zones) * defaultZones(100_000)).toBeGreaterThan(50_000);
  });

  it('places every plot inside its zone, valid, and overlapping no other plot', async () => {
    const fit = await one<Record<string, number>>(`
      select count(*) filter (where not ST_CoveredBy(pl.geom, p.geom)) as outside,
             count(*) filter (where not ST_IsValid(pl.geom)) as invalid,
             count(*) filter (where pl.plot_number !~ '^[A-Z]{1,2}-[0-9]{1,3}$') as odd_numbers
        from zone_plots pl join projects p on p.id = pl.zone_id`);
    expect(fit).toEqual({ outside: 0, invalid: 0, odd_numbers: 0 });
    // The API's rule (plotGeometryRules): an overlap of more than 1 m² is an overlap.
    const overlaps = await db.query<{ a: string; b: string; m2: number }>(`
      select a.plot_number as a, b.plot_number as b, ST_Area(ST_Intersection(a.geom, b.geom)::geography) as m2
        from zone_plots a join zone_plots b on b.zone_id = a.zone_id and b.id > a.id and b.geom && a.geom
       where ST_Relate(a.geom, b.geom, '2********') and ST_Area(ST_Intersection(a.geom, b.geom)::geography) > 1`);
    expect(overlaps).toEqual([]);
  });

  it('sizes plots like real plans: industrial plots of hectares, craft workshops of a few hundred m²', async () => {
    const sizes = await db.query<{ kind: string; p05: number; median: number; p95: number; large: number }>(`
      select p.kind, percentile_cont(0.05) within group (order by pl.area_m2) as p05,
             percentile_cont(0.5) within group (order by pl.area_m2) as median,
             percentile_cont(0.95) within group (order by pl.area_m2) as p95,
             count(*) filter (where pl.area_m2 > 15000) as large
        from zone_plots pl join projects p on p.id = pl.zone_id group by p.kind order by p.kind`);
    const [craft, industrial] = sizes;
    expect(craft).toMatchObject({ kind: 'craft_zone', large: 0 });
    expect(craft!.p05).toBeGreaterThan(140);
    expect(craft!.p95).toBeLessThan(620);
    expect(industrial!.kind).toBe('industrial_zone');
    expect(industrial!.median).toBeGreaterThan(2_000);
    expect(industrial!.median).toBeLessThan(15_000);
    expect(industrial!.large).toBeGreaterThan(10); // some large ones
  });

  it('derives every zone total from its plots: the totals equal counts made here', async () => {
    const mismatched = await db.query<{ title_en: string }>(`
      with counted as (
        select z.project_id, count(pl.id) as total,
               count(pl.id) filter (where pl.status = 'vacant') as vacant,
               count(pl.id) filter (where pl.status = 'reserved') as reserved,
               count(pl.id) filter (where pl.status in ('allocated', 'under_construction', 'producing')) as taken,
               count(pl.id) filter (where pl.status = 'under_construction') as building,
               count(pl.id) filter (where pl.status = 'producing') as producing,
               coalesce(sum(pl.actual_jobs), 0) as jobs, coalesce(sum(pl.planned_investment), 0) as investment
          from zone_facts z left join zone_plots pl on pl.zone_id = z.project_id group by z.project_id)
      select p.title_en from counted c join zone_facts z on z.project_id = c.project_id join projects p on p.id = c.project_id
       where (z.plots_total, z.plots_vacant, z.plots_reserved, z.plots_allocated, z.plots_under_construction, z.plots_in_production,
              z.jobs_actual, z.investment_planned)
             is distinct from (c.total::int, c.vacant::int, c.reserved::int, c.taken::int, c.building::int, c.producing::int,
                               c.jobs::int, c.investment)`);
    expect(mismatched).toEqual([]);
    // Readiness is the latest report's, network by network (zone_utilities is checked against the reports themselves).
    const readiness = await one<{ n: number }>(`
      with latest as (
        select distinct on (r.zone_id, r.network) r.zone_id, r.network, r.readiness
          from zone_utility_reports r join progress_updates u on u.id = r.update_id
         order by r.zone_id, r.network, u.reported_on desc, u.id desc),
      by_zone as (
        select zone_id, max(readiness) filter (where network = 'water') as water, max(readiness) filter (where network = 'electricity') as electricity,
               max(readiness) filter (where network = 'roads') as roads, max(readiness) filter (where network = 'sewage') as sewage,
               max(readiness) filter (where network = 'telecoms') as telecoms
          from latest group by zone_id)
      select count(*) as n from zone_facts z left join by_zone b on b.zone_id = z.project_id
       where (z.water_readiness, z.electricity_readiness, z.roads_readiness, z.sewage_readiness, z.telecoms_readiness)
             is distinct from (b.water, b.electricity, b.roads, b.sewage, b.telecoms)`);
    expect(readiness.n).toBe(0);
  });

  it('gives zones a believable mix of statuses that follows their state', async () => {
    const mix = await db.query<{ development: string; status: string; share: number }>(`
      select z.development, pl.status, count(*)::float / sum(count(*)) over (partition by z.development) as share
        from zone_plots pl join zone_facts z on z.project_id = pl.zone_id group by 1, 2`);
    const share = (development: string, status: string) => mix.find((m) => m.development === development && m.status === status)?.share ?? 0;
    for (const development of ['new', 'rehabilitation']) {
      for (const status of ['vacant', 'reserved', 'allocated', 'under_construction', 'producing']) expect(share(development, status), `${development} ${status}`).toBeGreaterThan(0.02);
    }
    // Rehabilitated zones were full before: more of their plots produce, fewer are vacant.
    expect(share('rehabilitation', 'producing')).toBeGreaterThan(share('new', 'producing'));
    expect(share('rehabilitation', 'vacant')).toBeLessThan(share('new', 'vacant'));
    // A new zone whose works have barely begun is mostly vacant or reserved, and nothing produces without power.
    const early = await one<{ zones: number; taken: number; producing_unpowered: number }>(`
      select count(distinct z.project_id) filter (where p.physical_progress < 15) as zones,
             avg((pl.status in ('allocated', 'under_construction', 'producing'))::int) filter (where p.physical_progress < 15) as taken,
             count(*) filter (where pl.status = 'producing' and least(z.water_readiness, z.electricity_readiness) < 50) as producing_unpowered
        from zone_facts z join projects p on p.id = z.project_id join zone_plots pl on pl.zone_id = z.project_id
       where z.development = 'new'`);
    expect(early.producing_unpowered).toBe(0);
    if (early.zones > 0) expect(early.taken).toBeLessThan(0.25);
  });

  it('fills plots consistently: activities of the zone kind, dates, jobs and investment by status', async () => {
    const odd = await one<Record<string, number>>(
      `select count(*) filter (where pl.activity_code is not null and not (p.kind = any(a.zone_kinds))) as wrong_activity,
              count(*) filter (where pl.status <> 'vacant' and pl.activity_code is null) as taken_without_activity,
              count(*) filter (where pl.status = 'vacant' and (pl.planned_jobs is not null or pl.planned_investment is not null)) as vacant_with_figures,
              count(*) filter (where pl.status <> 'vacant' and (pl.planned_jobs < 1 or pl.planned_investment <= 0)) as taken_without_plans,
              count(*) filter (where pl.status = 'producing' and (pl.actual_jobs < 1 or pl.actual_investment <= 0)) as producing_without_figures,
              count(*) filter (where pl.status in ('allocated', 'under_construction') and pl.actual_jobs <> 0) as jobs_before_production,
              count(*) filter (where pl.allocated_on > $1::date or pl.created_at::date > $1::date) as after_today,
              count(*) filter (where pl.status = 'producing' and pl.allocated_on > $1::date - 365) as produced_too_soon
         from zone_plots pl join projects p on p.id = pl.zone_id left join plot_activities a on a.code = pl.activity_code`,
      [today],
    );
    expect(odd).toEqual({
      wrong_activity: 0, taken_without_activity: 0, vacant_with_figures: 0, taken_without_plans: 0, producing_without_figures: 0,
      jobs_before_production: 0, after_today: 0, produced_too_soon: 0,
    });
    const activities = await one<{ n: number }>(`select count(distinct activity_code) as n from zone_plots`);
    expect(activities.n).toBeGreaterThanOrEqual(12);
  });

  it('names investors in Arabic with English transliterations, some holding several plots', async () => {
    const investors = await one<Record<string, number>>(`
      select count(*) filter (where name_ar !~ '^[\u0600-\u06FF ]+$') as not_arabic,
             count(*) filter (where name_en !~ '^[A-Za-z][A-Za-z .&''-]+$') as not_latin,
             count(*) filter (where kind = 'company' and name_ar !~ '^(شركة|مؤسسة) ') as odd_companies,
             count(*) filter (where country_iso3 = 'SYR' and phone !~ '^\\+963 9\\d\\d \\d{3} \\d{3}$'
                                 or country_iso3 = 'LBY' and phone !~ '^\\+218 9\\d \\d{3} \\d{4}$'
                                 or country_iso3 = 'SAU' and phone !~ '^\\+966 5\\d \\d{3} \\d{4}$') as odd_phones,
             count(*) - count(distinct registration_no) as shared_registrations,
             count(distinct country_iso3) as countries,
             count(*) filter (where kind = 'person') as persons,
             count(*) filter (where kind = 'company') as companies
        from investors`);
    expect(investors).toMatchObject({ not_arabic: 0, not_latin: 0, odd_companies: 0, odd_phones: 0, shared_registrations: 0, countries: 3 });
    expect(investors.persons).toBeGreaterThan(100);
    expect(investors.companies).toBeGreaterThan(100);
    const holdings = await one<{ several_in_one_zone: number; several_zones: number; idle: number; other_country: number }>(`
      select (select count(*) from (select investor_id from zone_plots where investor_id is not null
                                     group by investor_id, zone_id having count(*) > 1) x) as several_in_one_zone,
             (select count(*) from (select investor_id from zone_plots where investor_id is not null
                                     group by investor_id having count(distinct zone_id) > 1) x) as several_zones,
             (select count(*) from investors i where not exists (select 1 from zone_plots pl where pl.investor_id = i.id)) as idle,
             (select count(*) from zone_plots pl join investors i on i.id = pl.investor_id join projects p on p.id = pl.zone_id
               where p.country_iso3 <> i.country_iso3) as other_country`);
    expect(holdings.several_in_one_zone).toBeGreaterThan(50);
    expect(holdings.several_zones).toBeGreaterThan(5);
    expect(holdings).toMatchObject({ idle: 0, other_country: 0 });
  });

  it("reports every zone's five networks over time, rehabilitated zones starting from damage", async () => {
    const first = await db.query<{ development: string; stage: string; zones: number }>(`
      with firsts as (
        select distinct on (r.zone_id, r.network) r.zone_id, r.network, r.stage
          from zone_utility_reports r join progress_updates u on u.id = r.update_id
         order by r.zone_id, r.network, u.reported_on, u.id)
      select z.development, f.stage, count(distinct f.zone_id)::int as zones
        from firsts f join zone_facts z on z.project_id = f.zone_id group by 1, 2 order by 1, 2`);
    const zones = (development: string) => first.filter((f) => f.development === development);
    expect(zones('rehabilitation').map((f) => f.stage)).toEqual(['damaged']);
    expect(zones('new').map((f) => f.stage)).toEqual(['not_started']);
    const coverage = await one<Record<string, number>>(`
      select (select count(*) from zone_facts) - (select count(distinct zone_id) from zone_utility_reports) as zones_without_reports,
             (select count(*) from (select update_id from zone_utility_reports group by update_id having count(*) <> 5) x) as partial_reports,
             (select count(distinct network) from zone_utility_reports) as networks,
             (select count(distinct stage) from zone_utility_reports) as stages,
             (select count(*) from zone_utility_reports r join progress_updates u on u.id = r.update_id where u.project_id <> r.zone_id) as foreign_reports`);
    expect(coverage).toEqual({ zones_without_reports: 0, partial_reports: 0, networks: 5, stages: 7, foreign_reports: 0 });
    // Stages and readiness only climb; completed zones' networks are operational.
    const story = await one<Record<string, number>>(`
      with lines as (
        select r.zone_id, r.network, r.stage, r.readiness, u.status,
               array_position(array['damaged', 'not_started', 'design', 'tendering', 'under_construction', 'partially_operational', 'operational'], r.stage) as step,
               lag(r.readiness) over w as prev_readiness,
               lag(array_position(array['damaged', 'not_started', 'design', 'tendering', 'under_construction', 'partially_operational', 'operational'], r.stage)) over w as prev_step
          from zone_utility_reports r join progress_updates u on u.id = r.update_id
        window w as (partition by r.zone_id, r.network order by u.reported_on, u.id))
      select count(*) filter (where readiness < prev_readiness) as readiness_backwards,
             count(*) filter (where step < prev_step) as stage_backwards,
             count(*) filter (where status = 'completed' and stage <> 'operational') as completed_not_operational,
             count(*) filter (where stage = 'not_started' and readiness <> 0) as unbuilt_but_ready,
             count(*) filter (where stage = 'operational' and readiness < 95) as operational_not_ready
        from lines`);
    expect(story).toEqual({ readiness_backwards: 0, stage_backwards: 0, completed_not_operational: 0, unbuilt_but_ready: 0, operational_not_ready: 0 });
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
      `select action, table_name, (new_values ->> 'projects')::int as projects from audit_log where id > $1`,
      [auditBefore],
    );
    expect(audit).toEqual([{ action: 'bulk_load', table_name: 'demo', projects: DEMO_DEFAULTS.projects }]);
  });

  it('refuses to seed a second time, and leaves the data as it was', async () => {
    await expect(seedDemoData(db, { seed: 1, projects: 10, zones: 0, updates: 10 })).rejects.toThrow(/already present/);
    const after = await one<{ n: number }>(`select count(*) as n from projects`);
    expect(after.n).toBe(DEMO_DEFAULTS.projects + DEMO_DEFAULTS.zones);
  });
});
