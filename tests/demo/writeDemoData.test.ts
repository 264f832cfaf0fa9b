import type { Database, Queryable } from '@marsad/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoData, type DemoOptions } from '@marsad/demo';
import { freshDatabase, type TestDatabase } from '../support/testDatabases.ts';

// Each case seeds inside a transaction that is rolled back, so one database serves them all.
let t: TestDatabase;
let db: Database;

beforeAll(async () => {
  t = await freshDatabase('boundaries');
  db = t.db;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

class RolledBack extends Error {}

async function inRolledBackSeed<T>(options: DemoOptions, read: (tx: Queryable) => Promise<T>, watch?: (tx: Queryable) => Queryable): Promise<T> {
  let result: T | undefined;
  await db
    .transaction(async (tx) => {
      await writeDemoData(watch ? watch(tx) : tx, options);
      result = await read(tx);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return result as T;
}

/** A hash of everything generated, by stable keys (ids differ between runs). */
async function fingerprint(tx: Queryable): Promise<string> {
  const [row] = await tx.query<{ projects: string; updates: string; others: string; plans: string; returns: string; plots: string; utilities: string; obstacles: string; meetings: string }>(`
    select (select md5(string_agg(concat_ws('|', code, kind, sector_code, title_en, title_ar, description_en, ST_AsText(geom), budget,
                                           planned_start, planned_end, actual_start, actual_end, is_published, status, physical_progress,
                                           financial_progress, last_update_on), E'\\n' order by code)) from projects) as projects,
           (select md5(string_agg(concat_ws('|', p.code, u.reported_on, u.status, u.physical_progress, u.financial_progress, u.note,
                                           (select email from users where id = u.author_id)), E'\\n' order by p.code, u.reported_on, u.id))
              from progress_updates u join projects p on p.id = u.project_id) as updates,
           (select md5(string_agg(concat_ws('|', p.code, o.slug, f.amount), E'\\n' order by p.code, o.slug))
              from project_funding f join projects p on p.id = f.project_id join organizations o on o.id = f.organization_id) as others,
           (select md5(string_agg(concat_ws('|', p.country_iso3, p.year, p.is_published, v.number, v.status, v.note, v.created_at, v.approved_at,
                                           a.code, t.indicator_code, t.q1, t.q2, t.q3, t.q4), E'\\n'
                                  order by p.country_iso3, p.year, v.number, a.code, t.indicator_code))
              from plans p join plan_versions v on v.plan_id = p.id join plan_targets t on t.plan_version_id = v.id
              join admin_areas a on a.id = t.admin_area_id) as plans,
           (select md5(string_agg(concat_ws('|', r.indicator_code, a.code, r.period_start, r.value, r.denominator, r.note, r.submitted_at,
                                           (select email from users where id = r.submitted_by)), E'\\n'
                                  order by r.indicator_code, a.code, r.period_start, r.submitted_at))
              from indicator_returns r join admin_areas a on a.id = r.admin_area_id) as returns,
           (select md5(string_agg(concat_ws('|', p.code, pl.plot_number, ST_AsText(pl.geom), pl.activity_code, pl.status, pl.allocated_on,
                                           pl.planned_jobs, pl.actual_jobs, pl.planned_investment, pl.actual_investment, pl.note,
                                           i.kind, i.name_ar, i.name_en, i.registration_no, i.phone, i.email, i.contact_name), E'\\n'
                                  order by p.code, pl.plot_number))
              from zone_plots pl join projects p on p.id = pl.zone_id left join investors i on i.id = pl.investor_id) as plots,
           (select md5(string_agg(concat_ws('|', p.code, u.reported_on, r.network, r.stage, r.readiness, r.note), E'\\n'
                                  order by p.code, u.reported_on, r.network))
              from zone_utility_reports r join progress_updates u on u.id = r.update_id join projects p on p.id = r.zone_id) as utilities,
           (select md5(string_agg(concat_ws('|', p.code, o.title, o.category, b.name_ar, o.severity, o.level, o.level_since, o.status, o.target_date,
                                           o.raised_at, o.ended_at, o.resolution_note,
                                           (select string_agg(concat_ws(':', e.to_level, e.escalated_at, e.reason), ',' order by e.escalated_at)
                                              from obstacle_escalations e where e.obstacle_id = o.id)), E'\n' order by p.code, o.raised_at))
              from obstacles o join projects p on p.id = o.project_id left join responsible_bodies b on b.id = o.responsible_body_id) as obstacles,
           (select md5(string_agg(concat_ws('|', m.country_iso3, m.level, m.title_ar, m.held_on, m.status, m.agenda_frozen_at,
                                           (select string_agg(concat_ws(':', i.position, (i.snapshot - 'obstacle_id' #- '{project,id}' #- '{responsible_body,id}')::text), ',' order by i.position)
                                              from meeting_agenda_items i where i.meeting_id = m.id),
                                           (select string_agg(concat_ws(':', d.text, d.due_date, d.status, d.closed_at, d.closing_note), ',' order by d.due_date, d.text)
                                              from decisions d where d.meeting_id = m.id)), E'\n' order by m.country_iso3, m.held_on, m.level))
              from meetings m) as meetings`);
  return JSON.stringify(row);
}

const SMALL: DemoOptions = { projects: 300, zones: 12, updates: 3000 };

describe('writeDemoData', () => {
  it('generates exactly the same data from the same seed, and different data from another', async () => {
    const first = await inRolledBackSeed({ ...SMALL, seed: 7 }, fingerprint);
    const again = await inRolledBackSeed({ ...SMALL, seed: 7 }, fingerprint);
    const other = await inRolledBackSeed({ ...SMALL, seed: 8 }, fingerprint);
    expect(again).toBe(first);
    expect(JSON.parse(other).projects).not.toBe(JSON.parse(first).projects);
    expect(JSON.parse(other).updates).not.toBe(JSON.parse(first).updates);
    expect(JSON.parse(other).plans).not.toBe(JSON.parse(first).plans);
    expect(JSON.parse(other).returns).not.toBe(JSON.parse(first).returns);
    expect(JSON.parse(first).plots).not.toBeNull();
    expect(JSON.parse(other).plots).not.toBe(JSON.parse(first).plots);
    expect(JSON.parse(other).utilities).not.toBe(JSON.parse(first).utilities);
    expect(JSON.parse(first).obstacles).not.toBeNull();
    expect(JSON.parse(other).obstacles).not.toBe(JSON.parse(first).obstacles);
    expect(JSON.parse(other).meetings).not.toBe(JSON.parse(first).meetings);
  }, 120_000);

  it('ends the history at the given day', async () => {
    const latest = await inRolledBackSeed({ ...SMALL, today: '2025-06-30' }, async (tx) => {
      const [row] = await tx.query<{ latest: string; created: string; planned: string; returned: string; period: string; years: string; plotted: string;
        obstructed: string; escalated: string; decided: string; met: string }>(
        `select (select max(reported_on) from progress_updates) as latest, (select max(created_at)::date from projects)::text as created,
                (select greatest(max(allocated_on), max(created_at)::date, max(updated_at)::date) from zone_plots)::text as plotted,
                (select greatest(max(created_at), max(approved_at))::date from plan_versions)::text as planned,
                (select max(submitted_at)::date from indicator_returns)::text as returned,
                (select max(period_start) from indicator_returns)::text as period,
                (select string_agg(distinct year::text, ',') from plans) as years,
                (select greatest(max(raised_at), max(ended_at), max(level_since), max(updated_at))::date from obstacles)::text as obstructed,
                (select max(escalated_at)::date from obstacle_escalations)::text as escalated,
                (select max(closed_at)::date from decisions)::text as decided,
                (select max(held_on) from meetings where status = 'held')::text as met`,
      );
      return row!;
    });
    expect(latest.latest <= '2025-06-30').toBe(true);
    expect(latest.created <= '2025-06-30').toBe(true);
    expect(latest.plotted <= '2025-06-30').toBe(true);
    for (const day of [latest.obstructed, latest.escalated, latest.decided, latest.met]) expect(day <= '2025-06-30', day).toBe(true);
    // The plans of that year and the two before; nothing planned or returned after that day.
    expect(latest.years).toBe('2023,2024,2025');
    expect(latest.planned < '2025-06-30').toBe(true);
    expect(latest.returned < '2025-06-30').toBe(true);
    expect(latest.period < '2025-06-01').toBe(true);
  }, 60_000);

  it('seeds only the countries asked for', async () => {
    const countries = await inRolledBackSeed({ ...SMALL, countries: ['LBY'] }, (tx) =>
      tx.query<{ country_iso3: string }>(`select distinct country_iso3 from projects
                                          union select distinct country_iso3 from plans
                                          union select distinct country_iso3 from investors
                                          union select distinct a.country_iso3 from indicator_returns r join admin_areas a on a.id = r.admin_area_id
                                          union select distinct p.country_iso3 from obstacles o join projects p on p.id = o.project_id
                                          union select distinct country_iso3 from meetings`),
    );
    expect(countries).toEqual([{ country_iso3: 'LBY' }]);
  }, 60_000);

  it('writes plans and returns in the same few statements whatever the number of projects', async () => {
    const planning = /\b(plans|plan_versions|plan_targets|indicator_returns|indicators|timeline_months)\b/;
    const statementsAt = async (options: DemoOptions) => {
      const seen: { sql: string; ms: number }[] = [];
      const watch = (tx: Queryable): Queryable => ({
        query: async (sql, params) => {
          const started = performance.now();
          try {
            return await tx.query(sql, params);
          } finally {
            if (planning.test(sql)) seen.push({ sql, ms: performance.now() - started });
          }
        },
        exec: (sql) => tx.exec(sql),
      });
      await inRolledBackSeed(options, async () => null, watch);
      return seen;
    };
    const small = await statementsAt(SMALL);
    const larger = await statementsAt({ projects: 1200, zones: 30, updates: 12_000 });
    console.log(`plans and returns at 1200 projects: ${larger.length} statements, ${Math.round(larger.reduce((sum, s) => sum + s.ms, 0))} ms`);
    expect(larger.length).toBe(small.length);
    expect(larger.length).toBeLessThan(20);
  }, 120_000);

  it('refuses clearly when boundaries are missing', async () => {
    const migratedOnly = await freshDatabase('migrated');
    try {
      await expect(writeDemoData(migratedOnly.db, { ...SMALL, countries: ['SYR', 'LBY'] })).rejects.toThrow(
        /no boundaries for SYR.*Load the boundaries first/,
      );
    } finally {
      await migratedOnly.close();
    }
  });

  it('refuses an unknown country', async () => {
    await expect(inRolledBackSeed({ ...SMALL, countries: ['SYR', 'XXX'] }, async () => null)).rejects.toThrow(/XXX/);
  });

  it('refuses on a database that is not migrated', async () => {
    const empty = await freshDatabase('empty');
    try {
      await expect(writeDemoData(empty.db)).rejects.toThrow(/not migrated/);
    } finally {
      await empty.close();
    }
  });
});
