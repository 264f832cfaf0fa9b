import type { Queryable } from '@marsad/db';
import { ColumnBuffer } from './ColumnBuffer.ts';
import { toDay, fromDay } from './days.ts';
import type { DemoAccounts } from './demoAccounts.ts';
import { planMeetings, type MeetingDraft } from './demoMeetings.ts';
import type { AdminArea } from './loadAdminAreas.ts';
import { BODIES, INTER_MINISTERIAL_CATEGORIES, type BodyRole } from './obstacleCatalogue.ts';
import { draftObstacle, draftObstacles, FEATURED_GOVERNORATES, levelAt, MS_PER_DAY, type ObstacleDraft, type ObstacleProject } from './obstacleDrafts.ts';
import type { OrganizationIds } from './organizations.ts';
import { Random } from './random.ts';

/**
 * The demo's obstacles, their escalations, the review meetings with their frozen agendas, and the
 * decisions taken there (see obstacleDrafts.ts and demoMeetings.ts for the stories). Written after
 * the projects and their progress, whose current state decides which projects are blocked.
 * Set-based: a handful of statements whatever the number of projects (obstacles in batches).
 */

export interface ObstacleContext {
  seed: number;
  /** Day number of the demo's today. */
  today: number;
  areas: readonly AdminArea[];
  accounts: DemoAccounts;
  orgs: OrganizationIds;
}

export interface ObstacleSummary {
  obstacles: number;
  escalations: number;
  meetings: number;
  decisions: number;
}

const OBSTACLE_BATCH = 5_000;
/** Projects of each country's agreement with UNDP (its follow-up committee's scope). */
const AGREEMENT_PROJECTS = 10;

interface ProjectRow {
  id: number;
  code: string;
  status: ObstacleProject['status'];
  admin_area_id: number;
  country_iso3: string;
  created: string;
  planned_end: string | null;
  undp: boolean;
}

export async function writeDemoObstacles(tx: Queryable, context: ObstacleContext): Promise<ObstacleSummary> {
  const { seed, today } = context;
  const codeOf = new Map(context.areas.map((a) => [a.id, a.code]));
  const undp = context.orgs.bySlug.get('undp') ?? null;
  const rows = await tx.query<ProjectRow>(
    `select p.id::int as id, p.code, p.status, p.admin_area_id, p.country_iso3, p.created_at::date::text as created, p.planned_end::text as planned_end,
            exists (select 1 from project_shares s where s.project_id = p.id and s.organization_id = $1) as undp
       from projects p
      where p.is_demo and p.status in ('planned', 'tendering', 'in_progress', 'suspended')
      order by p.code`,
    [undp],
  );
  const projects: ObstacleProject[] = rows.map((r) => ({
    id: r.id,
    code: r.code,
    status: r.status,
    areaId: r.admin_area_id,
    areaCode: codeOf.get(r.admin_area_id)!,
    country: r.country_iso3,
    created: toDay(r.created),
    plannedEnd: r.planned_end === null ? null : toDay(r.planned_end),
    sharedWithUndp: r.undp,
  }));

  const obstacles = projects.flatMap((p) => draftObstacles(seed, p, today));
  featureGovernorates(seed, projects, today, obstacles);
  const agreements = agreementProjects(seed, projects, today, obstacles);
  const ids = await tx.query<{ id: number }>(
    `select nextval(pg_get_serial_sequence('obstacles', 'id'))::bigint as id from generate_series(1, $1::int) order by 1`,
    [obstacles.length],
  );
  obstacles.forEach((o, i) => (o.id = Number(ids[i]!.id)));
  const meetings = planMeetings({ seed, today, areas: context.areas, accounts: context.accounts, obstacles, agreements });

  const bodies = await insertBodies(tx, [...new Set(context.areas.map((a) => a.countryIso3))]);
  const escalations = await insertObstacles(tx, context, obstacles, bodies);
  const decisions = await insertMeetings(tx, context, meetings, bodies);
  return { obstacles: obstacles.length, escalations, meetings: meetings.length, decisions };
}

/** Active obstacles the governorates of the brief's screenshots have at least (when they have the projects). */
const FEATURED_ACTIVE = 12;

/** Damascus and Misrata get enough active obstacles for their brief and their office's meeting to tell something. */
function featureGovernorates(seed: number, projects: readonly ObstacleProject[], today: number, obstacles: ObstacleDraft[]): void {
  for (const code of FEATURED_GOVERNORATES) {
    const random = Random.for(seed, `featured:${code}`);
    const pool = projects.filter((p) => p.areaCode === code && p.status !== 'planned');
    let active = obstacles.filter((o) => o.project.areaCode === code && o.end === null).length;
    while (active < FEATURED_ACTIVE && pool.length > 0) {
      const project = pool.splice(random.int(0, pool.length - 1), 1)[0]!;
      const draft = draftObstacle(random, project, today, { mustBeActive: true, latest: today - 30 });
      if (!draft) continue;
      obstacles.push(draft);
      active++;
    }
  }
}

/**
 * Each country's agreement with UNDP: unfinished projects shared with UNDP, each with an active
 * obstacle that may go up to the committee (added when the draw gave it none).
 */
function agreementProjects(seed: number, projects: readonly ObstacleProject[], today: number, obstacles: ObstacleDraft[]): Map<string, ObstacleProject[]> {
  const agreements = new Map<string, ObstacleProject[]>();
  for (const country of ['SYR', 'LBY']) {
    const random = Random.for(seed, `agreement:${country}`);
    const pool = projects.filter((p) => p.country === country && p.sharedWithUndp && p.status !== 'planned' && p.created < today - 200);
    const chosen: ObstacleProject[] = [];
    while (chosen.length < AGREEMENT_PROJECTS && pool.length > 0) chosen.push(pool.splice(random.int(0, pool.length - 1), 1)[0]!);
    for (const project of chosen) {
      const ready = (o: ObstacleDraft) => o.project === project && o.end === null && o.raised < (today - 90) * MS_PER_DAY && INTER_MINISTERIAL_CATEGORIES.has(o.template.category);
      if (obstacles.some(ready)) continue;
      const draft = draftObstacle(random, project, today, { earliest: today - 300, latest: today - 90, mustBeActive: true, interMinisterial: true });
      if (draft) obstacles.push(draft);
    }
    if (chosen.length > 0) agreements.set(country, chosen);
  }
  return agreements;
}

interface BodyIds {
  /** `${country}:${role}` → body. */
  byRole: Map<string, { id: number; ar: string }>;
}

/** The demo's bodies next to those migration 0022 lists (reused by name, never duplicated). */
async function insertBodies(tx: Queryable, countries: readonly string[]): Promise<BodyIds> {
  const wanted = BODIES.filter((b) => countries.includes(b.country));
  await tx.query(
    `insert into responsible_bodies (country_iso3, kind, name_ar, name_en)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[])
     on conflict do nothing`,
    [wanted.map((b) => b.country), wanted.map((b) => b.kind), wanted.map((b) => b.ar), wanted.map((b) => b.en)],
  );
  const found = await tx.query<{ id: number; country_iso3: string; name_ar: string }>(
    `select id, country_iso3, name_ar from responsible_bodies where country_iso3 = any($1::text[])`,
    [countries],
  );
  const idOf = new Map(found.map((b) => [`${b.country_iso3}:${b.name_ar}`, b.id]));
  return { byRole: new Map(wanted.map((b) => [`${b.country}:${b.role}`, { id: idOf.get(`${b.country}:${b.ar}`)!, ar: b.ar }])) };
}

const bodyOf = (bodies: BodyIds, country: string, role: BodyRole | null) => (role === null ? null : (bodies.byRole.get(`${country}:${role}`) ?? null));
/** `{body}` in a title or decision: the body's Arabic name. */
const named = (text: string, body: { ar: string } | null) => text.replace('{body}', body?.ar ?? 'الجهة المختصة');
const iso = (time: number) => new Date(time).toISOString();

async function insertObstacles(tx: Queryable, context: ObstacleContext, obstacles: readonly ObstacleDraft[], bodies: BodyIds): Promise<number> {
  const rows = new ColumnBuffer(18);
  const steps = new ColumnBuffer(8);
  for (const o of obstacles) {
    const body = bodyOf(bodies, o.project.country, o.template.role);
    const levelSince = o.steps.at(-1)?.at ?? o.raised;
    const status = o.end?.status ?? (body === null && o.activeStatus === 'waiting_other_body' ? 'in_progress' : o.activeStatus);
    const raisedBy = context.accounts.engineerOf.get(o.project.areaId) ?? context.accounts.plannerId;
    const changes = 1 + o.steps.length + (o.end ? 1 : 0) + (status === 'open' ? 0 : 1);
    // Last changed: its latest climb, its ending, or taking up its working status after its first week.
    const worked = status === 'open' ? o.raised : Math.min(o.raised + 7 * MS_PER_DAY, context.today * MS_PER_DAY);
    const updated = Math.max(levelSince, o.end?.at ?? 0, worked);
    rows.push(
      o.id, o.project.id, named(o.template.title, body), `${o.template.ar}\n${o.template.en}`, o.template.category, body?.id ?? null, o.severity,
      o.delayDays, levelAt(o, Infinity), iso(levelSince), status, fromDay(o.target), raisedBy, iso(o.raised), o.end ? iso(o.end.at) : null,
      o.end?.note ?? null, changes, iso(updated),
    );
    for (const s of o.steps) {
      const by = s.from === 'governorate' ? raisedBy : s.from === 'directorate' ? context.accounts.plannerId : context.accounts.ministerId;
      steps.push(o.id, o.project.id, s.from, s.to, s.reason, s.proposed, by, iso(s.at));
    }
  }
  const columns = rows.take();
  for (let start = 0; start < obstacles.length; start += OBSTACLE_BATCH) {
    await tx.query(
      `insert into obstacles (id, project_id, title, description, category, responsible_body_id, severity, estimated_delay_days, level,
                              level_since, status, target_date, raised_by, raised_at, ended_at, resolution_note, version, updated_at)
       overriding system value
       select * from unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::int[], $9::text[],
                            $10::timestamptz[], $11::text[], $12::date[], $13::int[], $14::timestamptz[], $15::timestamptz[], $16::text[],
                            $17::int[], $18::timestamptz[])`,
      columns.map((column) => column.slice(start, start + OBSTACLE_BATCH)),
    );
  }
  const count = steps.size;
  if (count > 0) {
    await tx.query(
      `insert into obstacle_escalations (obstacle_id, project_id, from_level, to_level, reason, was_proposed, escalated_by, escalated_at)
       select * from unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::int[], $8::timestamptz[])`,
      steps.take(),
    );
  }
  return count;
}

/** Meetings, their scope, the frozen agendas (items first: the database takes them only before freezing), then the decisions. */
async function insertMeetings(tx: Queryable, context: ObstacleContext, meetings: readonly MeetingDraft[], bodies: BodyIds): Promise<number> {
  if (meetings.length === 0) return 0;
  const inserted = await tx.query<{ id: number; ord: number }>(
    `with m as (
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::int[], $7::text[], $8::text[], $9::int[], $10::timestamptz[])
         with ordinality as m(country, level, title_ar, title_en, held_on, freeze_days, status, minutes, created_by, created_at, ord)),
     i as (
       insert into meetings (country_iso3, level, title_ar, title_en, held_on, freeze_days, status, minutes, created_by, created_at, updated_at)
       select country, level, title_ar, title_en, held_on, freeze_days, status, minutes, created_by, created_at, created_at from m order by ord
       returning id, title_ar, held_on)
     select i.id, m.ord::int as ord from i join m on m.title_ar = i.title_ar and m.held_on = i.held_on`,
    [
      meetings.map((m) => m.country), meetings.map((m) => m.level), meetings.map((m) => m.titleAr), meetings.map((m) => m.titleEn),
      meetings.map((m) => fromDay(m.heldOn)), meetings.map((m) => m.freezeDays), meetings.map((m) => m.status), meetings.map((m) => m.minutes),
      meetings.map((m) => m.createdBy), meetings.map((m) => iso(m.createdAt)),
    ],
  );
  const idOf = new Map(inserted.map((row) => [meetings[row.ord - 1]!, row.id]));
  const scope = { areas: new ColumnBuffer(2), projects: new ColumnBuffer(2), organizations: new ColumnBuffer(2), agenda: new ColumnBuffer(5), decisions: new ColumnBuffer(14) };
  for (const meeting of meetings) {
    const id = idOf.get(meeting)!;
    for (const area of meeting.areaIds) scope.areas.push(id, area);
    for (const project of meeting.projectIds) scope.projects.push(id, project);
    for (const slug of meeting.organizations) scope.organizations.push(id, context.orgs.bySlug.get(slug)!);
    meeting.agenda.forEach((entry, i) => scope.agenda.push(id, i + 1, entry.obstacle.id, entry.level, entry.status));
    for (const d of meeting.decisions) {
      const country = meeting.country;
      const role = d.obstacle?.template.role ?? null;
      const owner = bodyOf(bodies, country, d.ownerRole);
      const createdAt = meeting.heldOn * MS_PER_DAY + 13 * 3_600_000;
      scope.decisions.push(
        id, d.obstacle?.id ?? null, d.projectId, named(d.text, bodyOf(bodies, country, role)), owner?.id ?? null, owner === null ? (d.ownerUser ?? context.accounts.plannerId) : null,
        fromDay(d.due), d.closed ? 'closed' : 'open', d.closed ? iso(d.closed.at) : null, d.closed?.by ?? null, d.closed?.note ?? null,
        d.closed?.document ?? null, iso(createdAt), iso(d.closed?.at ?? createdAt),
      );
    }
  }
  await tx.query(`insert into meeting_governorates (meeting_id, admin_area_id) select * from unnest($1::int[], $2::int[])`, scope.areas.take());
  await tx.query(`insert into meeting_projects (meeting_id, project_id) select * from unnest($1::int[], $2::bigint[])`, scope.projects.take());
  await tx.query(`insert into meeting_organizations (meeting_id, organization_id) select * from unnest($1::int[], $2::int[])`, scope.organizations.take());
  // The snapshot in the AgendaItem shape (contracts/src/meetings.ts), as api/src/obstacles/obstacleItems.ts builds it.
  await tx.query(
    `insert into meeting_agenda_items (meeting_id, position, obstacle_id, project_id, snapshot)
     select i.meeting_id, i.position, o.id, o.project_id,
            jsonb_build_object('position', i.position, 'obstacle_id', o.id,
              'project', jsonb_build_object('id', p.id, 'code', p.code, 'title_ar', p.title_ar, 'title_en', p.title_en, 'governorate', a.code),
              'title', o.title, 'category', o.category, 'severity', o.severity, 'level', i.level, 'status', i.status,
              'responsible_body', case when b.id is null then null else jsonb_build_object('id', b.id, 'name_ar', b.name_ar, 'name_en', b.name_en) end,
              'target_date', to_char(o.target_date, 'YYYY-MM-DD'), 'estimated_delay_days', o.estimated_delay_days,
              'raised_at', to_json(o.raised_at) #>> '{}')
       from unnest($1::int[], $2::int[], $3::bigint[], $4::text[], $5::text[]) as i(meeting_id, position, obstacle_id, level, status)
       join obstacles o on o.id = i.obstacle_id
       join projects p on p.id = o.project_id
       join admin_areas a on a.id = p.admin_area_id
       left join responsible_bodies b on b.id = o.responsible_body_id`,
    scope.agenda.take(),
  );
  const frozen = meetings.filter((m) => m.frozenAt !== null);
  await tx.query(
    `update meetings m set agenda_frozen_at = f.frozen_at from unnest($1::int[], $2::timestamptz[]) as f(id, frozen_at) where m.id = f.id`,
    [frozen.map((m) => idOf.get(m)!), frozen.map((m) => iso(m.frozenAt!))],
  );
  const decisions = scope.decisions.size;
  await tx.query(
    `insert into decisions (meeting_id, obstacle_id, project_id, text, owner_body_id, owner_user_id, due_date, status, closed_at, closed_by,
                            closing_note, closing_document, created_by, created_at, updated_at, version)
     select d.meeting_id, d.obstacle_id, d.project_id, d.text, d.owner_body_id, d.owner_user_id, d.due_date, d.status, d.closed_at, d.closed_by,
            d.closing_note, d.closing_document, m.created_by, d.created_at, d.updated_at, case when d.status = 'closed' then 2 else 1 end
       from unnest($1::int[], $2::bigint[], $3::bigint[], $4::text[], $5::int[], $6::int[], $7::date[], $8::text[], $9::timestamptz[], $10::int[],
                   $11::text[], $12::text[], $13::timestamptz[], $14::timestamptz[])
         as d(meeting_id, obstacle_id, project_id, text, owner_body_id, owner_user_id, due_date, status, closed_at, closed_by,
              closing_note, closing_document, created_at, updated_at)
       join meetings m on m.id = d.meeting_id`,
    scope.decisions.take(),
  );
  return decisions;
}
