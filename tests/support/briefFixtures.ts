import type { Queryable } from '@marsad/db';

/**
 * Obstacles, meetings and decisions written straight into a test's own database copy, for the
 * brief's tests (which read them; the routes that write them are tested in their own files).
 */

/** A project of `governorate` (the first by id, or the first shared with `sharedWith`'s slug / not shared with it). */
export async function projectIn(db: Queryable, governorate: string, shared?: { with: string; is: boolean }): Promise<{ id: number; code: string; title_ar: string; title_en: string }> {
  const params: unknown[] = [governorate];
  let share = '';
  if (shared) {
    params.push(shared.with);
    share = `and ${shared.is ? '' : 'not'} exists (select 1 from project_shares s join organizations o on o.id = s.organization_id
                                                    where s.project_id = p.id and o.slug = $2)`;
  }
  const [row] = await db.query<{ id: number; code: string; title_ar: string; title_en: string }>(
    `select p.id::int, p.code, p.title_ar, p.title_en from projects p join admin_areas a on a.id = p.admin_area_id
      where a.code = $1 ${share} order by p.id limit 1`,
    params,
  );
  if (!row) throw new Error(`no project in ${governorate} ${shared ? `${shared.is ? '' : 'not '}shared with ${shared.with}` : ''}`);
  return row;
}

export async function responsibleBody(db: Queryable, name_ar: string, name_en: string): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `insert into responsible_bodies (country_iso3, kind, name_ar, name_en) values ('SYR', 'ministry', $1, $2) returning id`,
    [name_ar, name_en],
  );
  return row!.id;
}

export interface ObstacleFields {
  title: string;
  severity?: 'low' | 'medium' | 'high' | 'critical';
  status?: 'open' | 'in_progress' | 'waiting_other_body' | 'resolved';
  level?: 'governorate' | 'directorate' | 'minister' | 'inter_ministerial';
  bodyId?: number;
  targetDate?: string;
}

export async function addObstacle(db: Queryable, projectId: number, fields: ObstacleFields): Promise<number> {
  const status = fields.status ?? 'open';
  const [row] = await db.query<{ id: number }>(
    `insert into obstacles (project_id, title, category, severity, level, status, responsible_body_id, target_date, ended_at)
     values ($1, $2, 'utilities', $3, $4, $5, $6, $7, case when $5 in ('resolved', 'closed', 'dropped') then now() end)
     returning id::int`,
    [projectId, fields.title, fields.severity ?? 'high', fields.level ?? 'governorate', status, fields.bodyId ?? null, fields.targetDate ?? null],
  );
  return row!.id;
}

export async function addMeeting(
  db: Queryable,
  fields: { title_ar: string; title_en: string; level?: string; heldOn: string; governorates?: string[]; projectIds?: number[]; organizations?: string[] },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `insert into meetings (country_iso3, level, title_ar, title_en, held_on, freeze_days) values ('SYR', $1, $2, $3, $4, 7) returning id`,
    [fields.level ?? 'minister', fields.title_ar, fields.title_en, fields.heldOn],
  );
  const id = row!.id;
  await db.query(`insert into meeting_governorates (meeting_id, admin_area_id) select $1, id from admin_areas where code = any($2::text[])`, [id, fields.governorates ?? []]);
  await db.query(`insert into meeting_projects (meeting_id, project_id) select $1, unnest($2::bigint[])`, [id, fields.projectIds ?? []]);
  await db.query(`insert into meeting_organizations (meeting_id, organization_id) select $1, id from organizations where slug = any($2::text[])`, [
    id,
    fields.organizations ?? [],
  ]);
  return id;
}

export async function addDecision(db: Queryable, meetingId: number, fields: { text: string; dueDate: string; projectId?: number; bodyId: number }): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `insert into decisions (meeting_id, project_id, text, owner_body_id, due_date) values ($1, $2, $3, $4, $5) returning id::int`,
    [meetingId, fields.projectId ?? null, fields.text, fields.bodyId, fields.dueDate],
  );
  return row!.id;
}

/** `days` days from today (negative: ago), as YYYY-MM-DD. */
export const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
