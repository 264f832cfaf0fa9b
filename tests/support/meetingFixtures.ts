import { Decision, Meeting, MeetingList, type AgendaItem } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import type { Client } from './client.ts';
import { pointIn, type PLACES } from './fixtures.ts';
import { createProject, expectStatus } from './freshData.ts';

/**
 * What meeting and decision tests build: projects in a governorate, obstacles on them (straight
 * in SQL, so these tests stand whether or not the obstacles API is there), meetings and decisions
 * through the API. Each test builds its own and looks only at its own ids.
 */

/** The day `days` from today (UTC) as YYYY-MM-DD. */
export const dayFromToday = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A new project in `governorate`, created by `admin` through the API; its id. */
export async function projectIn(admin: Client, governorate: keyof typeof PLACES): Promise<number> {
  return (await createProject(admin, { geometry: pointIn(governorate) })).id;
}

export interface ObstacleFields {
  level?: string;
  severity?: string;
  status?: string;
  title?: string;
}

/** An obstacle on `projectId`, inserted with SQL (critical, open, at the governorate unless told); its id. */
export async function insertObstacle(db: Queryable, projectId: number, { level = 'governorate', severity = 'critical', status = 'open', title = 'Waiting for the land decision' }: ObstacleFields = {}): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `insert into obstacles (project_id, title, category, severity, level, status, ended_at, responsible_body_id)
     values ($1, $2, 'land', $3, $4, $5, case when $5 in ('resolved', 'closed', 'dropped') then now() end,
             (select id from responsible_bodies where name_en = 'General Directorate of Cadastral Affairs'))
     returning id::int`,
    [projectId, title, severity, level, status],
  );
  return row!.id;
}

/** Ends obstacle `id` (resolved), as its keeper would. */
export const resolveObstacle = (db: Queryable, id: number) =>
  db.query(`update obstacles set status = 'resolved', ended_at = now(), resolution_note = 'Done' where id = $1`, [id]);

/** Moves obstacle `id` to `level`. */
export const escalateObstacle = (db: Queryable, id: number, level: string) => db.query(`update obstacles set level = $2, level_since = now() where id = $1`, [id, level]);

/** Creates a meeting as `organizer` (the minister's level, in a month, in Syria unless told); the answer. */
export async function createMeeting(organizer: Client, fields: Record<string, unknown> = {}): Promise<Meeting> {
  const body = { country_iso3: 'SYR', level: 'minister', title_ar: 'اجتماع المتابعة', title_en: 'Follow-up meeting', held_on: dayFromToday(30), freeze_days: 7, ...fields };
  const res = await expectStatus(await organizer.post('/api/meetings', body), 201, 'creating a meeting');
  return parsed(Meeting, await res.json());
}

/** Records a decision in `meetingId` as `organizer` (owned by a Syrian body, due in two weeks unless told); the answer. */
export async function recordDecision(organizer: Client, db: Queryable, meetingId: number, fields: Record<string, unknown> = {}): Promise<Decision> {
  const [body] = await db.query<{ id: number }>(`select id from responsible_bodies where name_en = 'Ministry of Electricity' and country_iso3 = 'SYR'`);
  const sent = { text: 'Connect the site to the grid', owner_body_id: body!.id, due_date: dayFromToday(14), ...fields };
  const res = await expectStatus(await organizer.post(`/api/meetings/${meetingId}/decisions`, sent), 201, 'recording a decision');
  return parsed(Decision, await res.json());
}

/**
 * `body` as the page would take it: parsed with the contract's schema (so every answer these
 * tests read is also checked against @marsad/contracts), but with its fields as sent.
 */
function parsed<T>(schema: { parse(body: unknown): unknown }, body: unknown): T {
  schema.parse(body);
  return body as T;
}

/** A meeting as `client` reads it, checked against the contract. */
export const readMeeting = async (client: Client, id: number): Promise<Meeting> => parsed(Meeting, await client.json(`/api/meetings/${id}`));

/** Meetings as `client` lists them, checked against the contract. */
export const listMeetings = async (client: Client, query = ''): Promise<MeetingList> => parsed(MeetingList, await client.json(`/api/meetings${query}`));

/** The obstacle ids of an agenda, in its order. */
export const agendaIds = (agenda: readonly AgendaItem[]) => agenda.map((item) => item.obstacle_id);

/** The id of the account signed in as `email`. */
export async function userId(db: Queryable, email: string): Promise<number> {
  const [row] = await db.query<{ id: number }>('select id from users where email = $1', [email]);
  return row!.id;
}
