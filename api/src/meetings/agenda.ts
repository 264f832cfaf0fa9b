import type { AgendaItem, EscalationLevel } from '@marsad/contracts';
import { withActor, type Database, type Queryable } from '@marsad/db';
import { obstacleVisibility } from '../access/obstacleAccess.ts';
import type { Viewer } from '../access/Viewer.ts';
import { activeObstacleItems, type ObstacleItemScope } from '../obstacles/obstacleItems.ts';
import { SqlParams } from '../sql/SqlParams.ts';

/**
 * A meeting's agenda: the active obstacles at its level in its scope (its governorates and
 * projects, or its whole country when it names neither) until it freezes, then what they were when
 * it froze (meeting_agenda_items), forever.
 *
 * Freezing happens at the first read or write of the meeting on or after freezes_on
 * (held_on − freeze_days, by the database's current_date), or earlier when an organizer asks
 * (POST /api/meetings/{id}/freeze). The snapshot is built with the ministry's view, so it holds
 * every item whoever triggered it; each reader then sees only the items on projects that
 * obstacleVisibility lets them see, under the positions the agenda froze with (the numbers read
 * out in the meeting).
 */

/** At most this many items on one agenda (the most severe, then the oldest, first). */
export const AGENDA_MAX_ITEMS = 500;

/**
 * The view a frozen agenda is built with: the ministry's, which sees every obstacle (see
 * obstacleVisibility). Never a caller's: no request runs as it.
 */
const MINISTRY_VIEW: Viewer = { kind: 'user', role: 'minister', userId: 0, organizationId: 0 };

/** What an agenda depends on: the meeting's row and its scope. */
export interface AgendaMeeting {
  id: number;
  country_iso3: string;
  level: EscalationLevel;
  governorates: readonly string[];
  project_ids: readonly number[];
  agenda_frozen: boolean;
}

const scopeOf = (meeting: AgendaMeeting): ObstacleItemScope => ({
  country: meeting.country_iso3,
  level: meeting.level,
  governorates: meeting.governorates,
  projectIds: meeting.project_ids,
});

/** The agenda as `viewer` may see it: the live items before the meeting froze, the frozen ones after. */
export async function agendaFor(db: Queryable, viewer: Viewer, meeting: AgendaMeeting): Promise<AgendaItem[]> {
  if (!meeting.agenda_frozen) return activeObstacleItems(db, viewer, scopeOf(meeting), AGENDA_MAX_ITEMS);
  const params = new SqlParams([meeting.id]);
  const rows = await db.query<{ snapshot: AgendaItem }>(
    `select ai.snapshot
       from meeting_agenda_items ai
       join projects p on p.id = ai.project_id
      where ai.meeting_id = $1 and ${obstacleVisibility(viewer, params, 'p')}
      order by ai.position`,
    params.values,
  );
  return rows.map((r) => r.snapshot);
}

/** Whether meeting `id` exists, has not frozen and is due to (its freezes_on is today or past). */
async function isDue(db: Queryable, id: number): Promise<boolean> {
  const [row] = await db.query<{ due: boolean }>(
    `select agenda_frozen_at is null and held_on - freeze_days <= current_date as due from meetings where id = $1`,
    [id],
  );
  return row?.due === true;
}

/**
 * Freezes meeting `id`'s agenda inside `tx`, if it has not frozen and is due (or `now`: freeze
 * today, whatever the date). Locks the meeting's row first and looks again under the lock, so of
 * two requests freezing at once the second finds it frozen and writes nothing. Returns whether
 * this call froze it.
 */
export async function freezeAgenda(tx: Queryable, id: number, { now = false } = {}): Promise<boolean> {
  const [meeting] = await tx.query<{ country_iso3: string; level: EscalationLevel; frozen: boolean; due: boolean }>(
    `select country_iso3, level, agenda_frozen_at is not null as frozen, held_on - freeze_days <= current_date as due
       from meetings where id = $1 for update`,
    [id],
  );
  if (!meeting || meeting.frozen || !(now || meeting.due)) return false;
  const [scope] = await tx.query<{ governorates: string[]; project_ids: number[] }>(
    `select array(select a.code from meeting_governorates mg join admin_areas a on a.id = mg.admin_area_id where mg.meeting_id = $1 order by a.code) as governorates,
            array(select mp.project_id::int from meeting_projects mp where mp.meeting_id = $1 order by 1) as project_ids`,
    [id],
  );
  const items = await activeObstacleItems(
    tx,
    MINISTRY_VIEW,
    { country: meeting.country_iso3, level: meeting.level, governorates: scope!.governorates, projectIds: scope!.project_ids },
    AGENDA_MAX_ITEMS,
  );
  if (items.length > 0) {
    // The items before agenda_frozen_at is set: the table's trigger refuses any write after it.
    await tx.query(
      `insert into meeting_agenda_items (meeting_id, position, obstacle_id, project_id, snapshot)
       select $1, (item->>'position')::int, (item->>'obstacle_id')::bigint, (item->'project'->>'id')::bigint, item
         from jsonb_array_elements($2::jsonb) as item`,
      [id, JSON.stringify(items)],
    );
  }
  await tx.query(`update meetings set agenda_frozen_at = now() where id = $1`, [id]);
  return true;
}

/**
 * The freeze a read triggers: meeting `id`'s agenda freezes, in its own transaction recorded as
 * `actorId`'s, when it is due. A quick look without a lock first, so reads of frozen or future
 * meetings write nothing.
 */
export async function freezeAgendaIfDue(db: Database, id: number, actorId: number | null): Promise<boolean> {
  if (!(await isDue(db, id))) return false;
  return withActor(db, actorId, (tx) => freezeAgenda(tx, id));
}
