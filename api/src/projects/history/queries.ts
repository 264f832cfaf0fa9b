import type { HistoryEntry } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { INVESTOR_HISTORY_KEYS, investorsVisible } from '../../access/plotAccess.ts';
import { conflictVisibility } from '../../access/conflictAccess.ts';
import { obstacleVisibility } from '../../access/obstacleAccess.ts';
import type { Viewer } from '../../access/Viewer.ts';
import { SqlParams } from '../../sql/SqlParams.ts';

/** The SQL of a project's history: its entries in the audit log (migration 0008). */

const geometryAsMarker = (column: string) =>
  `case when ${column} ? 'geom' then (${column} - 'geom') || '{"geom": "(geometry)"}'::jsonb else ${column} end`;
/** A funding entry names its funder by slug (`organization`), not by the database's key. */
const funderBySlug = (column: string) =>
  `case when l.table_name = 'project_funding' and ${column} is not null
        then (${column} - 'organization_id') || jsonb_build_object('organization', funder.slug) else ${column} end`;

/**
 * The audit tables of obstacles and meetings (migration 0022): a project's history shows them only
 * to those who may see its obstacles (obstacleVisibility), narrower than who sees the project.
 */
const OBSTACLE_TABLES = ['obstacles', 'obstacle_escalations', 'decisions', 'meeting_projects', 'meeting_agenda_items'];

/** Writes held for review and their decisions (migration 0024): only for those who see the project's conflicts (conflictVisibility). */
const CONFLICT_TABLES = ['field_conflicts'];

/**
 * A project's write history, newest first (the latest 500): who changed what, from and to; call
 * after `isProjectVisible`. A geometry shows as "(geometry)": the timeline says it changed, not
 * every coordinate. A zone's plot entries carry their investor for ministry viewers only. Sharing
 * entries are left out: they would tell one donor which others see the project. Photo entries
 * too: a report shows its own photos, and one row per photo would use up the limit. Obstacle and
 * meeting entries only for those who see the project's obstacles; held writes and their decisions
 * only for those who see its conflicts.
 */
export function projectHistory(db: Queryable, projectId: number, viewer: Viewer): Promise<HistoryEntry[]> {
  const hidden = !investorsVisible(viewer);
  const params = new SqlParams([projectId]);
  // A plot entry names who holds the plot by investor id: the ministry's only (plotAccess.ts), so others get it without.
  const hiddenKeys = hidden ? params.add(INVESTOR_HISTORY_KEYS) : null;
  const withoutInvestorKeys = (column: string) =>
    hiddenKeys === null ? column : `case when l.table_name = 'zone_plots' then ${column} - ${hiddenKeys}::text[] else ${column} end`;
  // A held write's `request` repeats its `proposed` in the form it is applied in: one of them is enough.
  const shown = (column: string) => funderBySlug(geometryAsMarker(withoutInvestorKeys(`(${column} - 'request')`)));
  const obstaclesShown = `(l.table_name <> all(${params.add(OBSTACLE_TABLES)}::text[])
                          or exists (select 1 from projects p where p.id = $1 and ${obstacleVisibility(viewer, params)}))`;
  const conflictsShown = `(l.table_name <> all(${params.add(CONFLICT_TABLES)}::text[])
                          or exists (select 1 from projects p where p.id = $1 and ${conflictVisibility(viewer, params)}))`;
  return db.query<HistoryEntry>(
    `select to_char(l.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at, u.display_name as actor, l.action,
            l.table_name as table, ${shown('l.old_values')} as from, ${shown('l.new_values')} as to
       from audit_log l left join users u on u.id = l.actor_id
       left join organizations funder
         on l.table_name = 'project_funding' and funder.id = coalesce(l.new_values ->> 'organization_id', l.old_values ->> 'organization_id')::int
      where l.project_id = $1 and l.table_name not in ('project_shares', 'progress_photos', 'field_conflict_photos') and ${obstaclesShown} and ${conflictsShown}
      order by l.id desc
      limit 500`,
    params.values,
  );
}
