import type { HistoryEntry } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { INVESTOR_HISTORY_KEYS, investorsVisible } from '../../access/plotAccess.ts';
import type { Viewer } from '../../access/Viewer.ts';

/** The SQL of a project's history: its entries in the audit log (migration 0008). */

const geometryAsMarker = (column: string) =>
  `case when ${column} ? 'geom' then (${column} - 'geom') || '{"geom": "(geometry)"}'::jsonb else ${column} end`;
/** A funding entry names its funder by slug (`organization`), not by the database's key. */
const funderBySlug = (column: string) =>
  `case when l.table_name = 'project_funding' and ${column} is not null
        then (${column} - 'organization_id') || jsonb_build_object('organization', funder.slug) else ${column} end`;

/** A plot entry names who holds the plot by investor id: the ministry's only (plotAccess.ts), so others get it without. */
const withoutInvestor = (column: string, hidden: boolean) =>
  hidden ? `case when l.table_name = 'zone_plots' then ${column} - $2::text[] else ${column} end` : column;

/**
 * A project's write history, newest first (the latest 500): who changed what, from and to; call
 * after `isProjectVisible`. A geometry shows as "(geometry)": the timeline says it changed, not
 * every coordinate. A zone's plot entries carry their investor for ministry viewers only. Sharing
 * entries are left out: they would tell one donor which others see the project. Photo entries
 * too: a report shows its own photos, and one row per photo would use up the limit.
 */
export function projectHistory(db: Queryable, projectId: number, viewer: Viewer): Promise<HistoryEntry[]> {
  const hidden = !investorsVisible(viewer);
  const shown = (column: string) => funderBySlug(geometryAsMarker(withoutInvestor(column, hidden)));
  return db.query<HistoryEntry>(
    `select to_char(l.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at, u.display_name as actor, l.action,
            l.table_name as table, ${shown('l.old_values')} as from, ${shown('l.new_values')} as to
       from audit_log l left join users u on u.id = l.actor_id
       left join organizations funder
         on l.table_name = 'project_funding' and funder.id = coalesce(l.new_values ->> 'organization_id', l.old_values ->> 'organization_id')::int
      where l.project_id = $1 and l.table_name not in ('project_shares', 'progress_photos')
      order by l.id desc
      limit 500`,
    hidden ? [projectId, INVESTOR_HISTORY_KEYS] : [projectId],
  );
}
