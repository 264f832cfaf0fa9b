import { AgendaItem, ESCALATION_LEVELS, OBSTACLE_CATEGORIES, OBSTACLE_STATUSES } from '@marsad/contracts';
import { DEMO_DEFAULTS } from '@marsad/demo';
import { describe, expect, it } from 'vitest';
import { useDatabase } from '../support/testDatabases.ts';

// The demo database as every API test gets it; these tests only read it.
const t = useDatabase('demo');
const today = DEMO_DEFAULTS.today;

const one = async <T>(sql: string, params: unknown[] = []) => (await t.db.query<T>(sql, params))[0]!;

describe('demo obstacles', () => {
  it('covers every category, level and status, in several governorates of each country', async () => {
    const seen = await one<{ categories: string[]; levels: string[]; statuses: string[]; active_levels: string[] }>(`
      select array_agg(distinct category order by category) as categories, array_agg(distinct level order by level) as levels,
             array_agg(distinct status order by status) as statuses,
             array_agg(distinct level order by level) filter (where ended_at is null) as active_levels
        from obstacles`);
    expect(seen.categories).toEqual([...OBSTACLE_CATEGORIES].sort());
    expect(seen.levels).toEqual([...ESCALATION_LEVELS].sort());
    expect(seen.active_levels).toEqual([...ESCALATION_LEVELS].sort());
    expect(seen.statuses).toEqual([...OBSTACLE_STATUSES].sort());
    const countries = await t.db.query<{ country_iso3: string; governorates: number; active: number; total: number }>(`
      select p.country_iso3, count(distinct p.admin_area_id)::int as governorates, count(*) filter (where o.ended_at is null)::int as active, count(*)::int as total
        from obstacles o join projects p on p.id = o.project_id group by 1 order by 1`);
    expect(countries.map((c) => c.country_iso3)).toEqual(['LBY', 'SAU', 'SYR']);
    for (const c of countries) expect(c.governorates, c.country_iso3).toBeGreaterThanOrEqual(5);
    const total = countries.reduce((sum, c) => sum + c.total, 0);
    expect(total).toBeGreaterThan(200);
    expect(total).toBeLessThan(500);
  });

  it('tells each obstacle as a story that ends by today: raised within the year, ended ones with a date and a note', async () => {
    const odd = await one<Record<string, number>>(
      `select count(*) filter (where o.raised_at < $1::date - 366 or o.raised_at > $1::date) as raised_outside,
              count(*) filter (where o.ended_at is not null and (o.ended_at <= o.raised_at or o.ended_at > $1::date)) as odd_end,
              count(*) filter (where o.status in ('resolved', 'closed', 'dropped') and (o.ended_at is null or length(o.resolution_note) < 3)) as ended_without_note,
              count(*) filter (where o.ended_at is null and o.resolution_note is not null) as active_with_note,
              count(*) filter (where o.level_since < o.raised_at or o.level_since > coalesce(o.ended_at, $1::date)) as odd_level_since,
              count(*) filter (where o.status = 'waiting_other_body' and o.responsible_body_id is null) as waiting_for_nobody,
              count(*) filter (where o.title like '%{body}%') as unfilled_titles,
              count(*) filter (where p.created_at > o.raised_at) as before_project,
              count(*) filter (where o.ended_at is null and p.status in ('completed', 'cancelled')) as active_on_finished
         from obstacles o join projects p on p.id = o.project_id`,
      [today],
    );
    expect(odd).toEqual({
      raised_outside: 0, odd_end: 0, ended_without_note: 0, active_with_note: 0, odd_level_since: 0, waiting_for_nobody: 0, unfilled_titles: 0,
      before_project: 0, active_on_finished: 0,
    });
    // Raised vs ended per month looks like a register in use: something raised every month, most months something ended.
    const months = await t.db.query<{ raised: number; ended: number }>(
      `select (select count(*) from obstacles where date_trunc('month', raised_at) = m)::int as raised,
              (select count(*) from obstacles where date_trunc('month', ended_at) = m)::int as ended
         from generate_series(date_trunc('month', $1::date - 330), date_trunc('month', $1::date - 1), interval '1 month') m`,
      [today],
    );
    expect(months).toHaveLength(11);
    expect(months.every((m) => m.raised > 5)).toBe(true);
    expect(months.filter((m) => m.ended > 0).length).toBeGreaterThanOrEqual(9);
  });

  it('keeps escalations consistent with each obstacle’s level: one climb after another, the last at level_since', async () => {
    const broken = await t.db.query<{ id: number }>(`
      with steps as (
        select e.*, lag(e.to_level) over w as previous_to, lag(e.escalated_at) over w as previous_at,
               row_number() over w as n, count(*) over (partition by e.obstacle_id) as steps
          from obstacle_escalations e window w as (partition by e.obstacle_id order by e.escalated_at, e.id))
      select o.id from obstacles o left join steps s on s.obstacle_id = o.id
       where (s.obstacle_id is null and (o.level <> 'governorate' or o.level_since <> o.raised_at))
          or s.project_id <> o.project_id
          or (s.n = 1 and s.from_level <> 'governorate')
          or s.from_level <> coalesce(s.previous_to, 'governorate')
          or array_position(array['governorate', 'directorate', 'minister', 'inter_ministerial'], s.to_level)
             <= array_position(array['governorate', 'directorate', 'minister', 'inter_ministerial'], s.from_level)
          or s.escalated_at <= coalesce(s.previous_at, o.raised_at)
          or s.escalated_at > coalesce(o.ended_at, now())
          or (s.n = s.steps and (s.to_level <> o.level or s.escalated_at <> o.level_since))
          or length(btrim(s.reason)) < 3`);
    expect(broken).toEqual([]);
    const escalated = await one<{ escalated: number; proposed: number }>(
      `select count(distinct obstacle_id) as escalated, count(*) filter (where was_proposed) as proposed from obstacle_escalations`,
    );
    expect(escalated.escalated).toBeGreaterThan(50);
    expect(escalated.proposed).toBeGreaterThan(10);
  });

  it('gives the system escalations to propose: critical obstacles past their target, others too long at their level', async () => {
    const proposals = await one<{ critical_past_target: number; long_at_governorate: number; waiting: number; bodies: number }>(
      `select count(*) filter (where severity = 'critical' and target_date < $1::date) as critical_past_target,
              count(*) filter (where level = 'governorate' and level_since < $1::date - 30) as long_at_governorate,
              count(*) filter (where status = 'waiting_other_body') as waiting,
              count(distinct responsible_body_id) filter (where status = 'waiting_other_body') as bodies
         from obstacles where ended_at is null`,
      [today],
    );
    expect(proposals.critical_past_target).toBeGreaterThanOrEqual(5);
    expect(proposals.long_at_governorate).toBeGreaterThanOrEqual(5);
    expect(proposals.waiting).toBeGreaterThanOrEqual(20);
    expect(proposals.bodies).toBeGreaterThanOrEqual(8);
    // Other ministries among them, in each country.
    const ministries = await t.db.query<{ country_iso3: string }>(`
      select distinct b.country_iso3 from obstacles o join responsible_bodies b on b.id = o.responsible_body_id
       where o.status = 'waiting_other_body' and b.kind in ('ministry', 'utility') order by 1`);
    expect(ministries.map((m) => m.country_iso3)).toEqual(['LBY', 'SAU', 'SYR']);
  });

  it('gives Damascus and Misrata, the brief’s screenshots, a good set; and obstacles to projects shared with UNDP', async () => {
    const featured = await t.db.query<{ code: string; active: number; levels: number; critical: number; categories: number }>(`
      select a.code, count(*)::int as active, count(distinct o.level)::int as levels, count(*) filter (where o.severity = 'critical')::int as critical,
             count(distinct o.category)::int as categories
        from obstacles o join projects p on p.id = o.project_id join admin_areas a on a.id = p.admin_area_id
       where o.ended_at is null and a.code in ('SY-DI', 'LY-MI') group by a.code order by a.code`);
    expect(featured.map((f) => f.code)).toEqual(['LY-MI', 'SY-DI']);
    for (const f of featured) {
      expect(f.active, f.code).toBeGreaterThanOrEqual(10);
      expect(f.levels, f.code).toBeGreaterThanOrEqual(3);
      expect(f.critical, f.code).toBeGreaterThanOrEqual(1);
      expect(f.categories, f.code).toBeGreaterThanOrEqual(5);
    }
    const shared = await one<{ n: number }>(`
      select count(distinct o.project_id) as n from obstacles o
        join project_shares s on s.project_id = o.project_id join organizations g on g.id = s.organization_id
       where g.slug = 'undp' and o.ended_at is null`);
    expect(shared.n).toBeGreaterThanOrEqual(10);
  });
});

describe('demo meetings and decisions', () => {
  it('holds meetings at every level in each country: past ones held with frozen agendas, upcoming ones open', async () => {
    const meetings = await t.db.query<{ country_iso3: string; level: string; held: number; scheduled: number; frozen_empty: number; open_frozen: number }>(
      `select m.country_iso3, m.level,
              count(*) filter (where m.status = 'held' and m.held_on < $1::date and m.agenda_frozen_at is not null)::int as held,
              count(*) filter (where m.status = 'scheduled' and m.held_on > $1::date + 40 and m.agenda_frozen_at is null)::int as scheduled,
              count(*) filter (where m.agenda_frozen_at is not null and not exists (select 1 from meeting_agenda_items i where i.meeting_id = m.id))::int as frozen_empty,
              count(*) filter (where m.agenda_frozen_at is null and exists (select 1 from meeting_agenda_items i where i.meeting_id = m.id))::int as open_frozen
         from meetings m group by 1, 2 order by 1, 2`,
      [today],
    );
    expect(meetings).toHaveLength(12); // 3 countries × 4 levels
    for (const m of meetings) {
      expect(m, `${m.country_iso3} ${m.level}`).toMatchObject({ frozen_empty: 0, open_frozen: 0 });
      expect(m.held, `${m.country_iso3} ${m.level}`).toBeGreaterThanOrEqual(1);
      expect(m.scheduled, `${m.country_iso3} ${m.level}`).toBe(1);
    }
    const unscoped = await one<{ n: number }>(`
      select count(*) as n from meetings m
       where not exists (select 1 from meeting_governorates g where g.meeting_id = m.id)
         and not exists (select 1 from meeting_projects p where p.meeting_id = m.id)`);
    expect(unscoped.n).toBe(0);
  });

  it('froze each agenda as the obstacles stood: AgendaItem snapshots, in order, at the meeting’s level and in its scope', async () => {
    const items = await t.db.query<{ meeting_id: number; position: number; obstacle_id: number; project_id: number; snapshot: unknown; level: string;
      frozen_at: string; raised_at: string; in_scope: boolean; obstacle_project: number }>(`
      select i.meeting_id, i.position, i.obstacle_id::int, i.project_id::int, i.snapshot, m.level, m.agenda_frozen_at as frozen_at, o.raised_at,
             o.project_id::int as obstacle_project,
             (exists (select 1 from meeting_governorates g join projects p on p.admin_area_id = g.admin_area_id where g.meeting_id = m.id and p.id = i.project_id)
              or exists (select 1 from meeting_projects mp where mp.meeting_id = m.id and mp.project_id = i.project_id)) as in_scope
        from meeting_agenda_items i join meetings m on m.id = i.meeting_id join obstacles o on o.id = i.obstacle_id
       order by i.meeting_id, i.position`);
    expect(items.length).toBeGreaterThan(60);
    const severities = ['critical', 'high', 'medium', 'low'];
    let previous = null as { meeting: number; position: number; severity: number } | null;
    for (const item of items) {
      const snapshot = AgendaItem.parse(item.snapshot);
      expect(snapshot).toMatchObject({ position: item.position, obstacle_id: item.obstacle_id, level: item.level });
      expect(snapshot.project.id).toBe(item.project_id);
      expect(item.obstacle_project).toBe(item.project_id);
      expect(['open', 'in_progress', 'waiting_other_body']).toContain(snapshot.status);
      expect(item.in_scope).toBe(true);
      expect(new Date(item.raised_at) < new Date(item.frozen_at)).toBe(true);
      const severity = severities.indexOf(snapshot.severity);
      if (previous?.meeting === item.meeting_id) {
        expect(item.position).toBe(previous.position + 1);
        expect(severity).toBeGreaterThanOrEqual(previous.severity);
      } else {
        expect(item.position).toBe(1);
      }
      previous = { meeting: item.meeting_id, position: item.position, severity };
    }
  });

  it('follows decisions: closed ones with a note, open ones overdue or not yet due, each owned by a body or a person', async () => {
    const decisions = await one<Record<string, number>>(
      `select count(*) filter (where d.status = 'closed' and length(d.closing_note) >= 3 and d.closed_at > m.held_on and d.closed_at <= $1::date) as closed,
              count(*) filter (where d.status = 'closed' and (d.closed_at <= m.held_on or d.closed_at > $1::date)) as odd_closed,
              count(*) filter (where d.status = 'open' and d.due_date < $1::date) as overdue,
              count(*) filter (where d.status = 'open' and d.due_date >= $1::date + 40) as not_yet_due,
              count(*) filter (where d.due_date <= m.held_on) as due_before_meeting,
              count(*) filter (where m.status <> 'held') as in_unheld_meetings,
              count(*) filter (where d.obstacle_id is not null and not exists (select 1 from meeting_agenda_items i where i.meeting_id = d.meeting_id and i.obstacle_id = d.obstacle_id)) as off_agenda,
              count(*) filter (where d.owner_body_id is not null) as by_body,
              count(*) filter (where d.owner_user_id is not null) as by_person,
              count(*) filter (where d.text like '%{body}%') as unfilled
         from decisions d join meetings m on m.id = d.meeting_id`,
      [today],
    );
    expect(decisions).toMatchObject({ odd_closed: 0, due_before_meeting: 0, in_unheld_meetings: 0, off_agenda: 0, unfilled: 0 });
    for (const kind of ['closed', 'overdue', 'not_yet_due', 'by_body', 'by_person']) expect(decisions[kind], kind).toBeGreaterThanOrEqual(5);
  });

  it('has the follow-up committee of the agreement with UNDP: inter-ministerial, UNDP taking part, only projects shared with UNDP', async () => {
    const committees = await t.db.query<{ id: number; country_iso3: string; status: string; projects: number; unshared: number; items: number; off_scope: number }>(`
      select m.id, m.country_iso3, m.status,
             (select count(*) from meeting_projects mp where mp.meeting_id = m.id)::int as projects,
             (select count(*) from meeting_projects mp where mp.meeting_id = m.id
                 and not exists (select 1 from project_shares s where s.project_id = mp.project_id and s.organization_id = g.id))::int as unshared,
             (select count(*) from meeting_agenda_items i where i.meeting_id = m.id)::int as items,
             (select count(*) from meeting_agenda_items i where i.meeting_id = m.id
                 and not exists (select 1 from meeting_projects mp where mp.meeting_id = m.id and mp.project_id = i.project_id))::int as off_scope
        from meetings m join meeting_organizations mo on mo.meeting_id = m.id join organizations g on g.id = mo.organization_id
       where g.slug = 'undp' and m.level = 'inter_ministerial' order by m.country_iso3, m.held_on`);
    expect(committees.map((c) => `${c.country_iso3} ${c.status}`)).toEqual(['LBY held', 'LBY scheduled', 'SYR held', 'SYR scheduled']);
    for (const c of committees) {
      expect(c.projects).toBeGreaterThanOrEqual(5);
      expect(c.unshared).toBe(0);
      expect(c.off_scope).toBe(0);
      if (c.status === 'held') expect(c.items).toBeGreaterThanOrEqual(3);
    }
    // Its next meeting has something to discuss: obstacles still at the committee's level on the agreement's projects.
    const [upcoming] = committees.filter((c) => c.country_iso3 === 'SYR' && c.status === 'scheduled');
    const live = await one<{ n: number }>(
      `select count(*) as n from obstacles o join meeting_projects mp on mp.project_id = o.project_id
        where mp.meeting_id = $1 and o.ended_at is null and o.level = 'inter_ministerial'`,
      [upcoming!.id],
    );
    expect(live.n).toBeGreaterThanOrEqual(2);
  });
});
