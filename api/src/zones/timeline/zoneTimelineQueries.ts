import type { ProgressReport, ZoneTimelineEntry, ZoneTimelinePlotChange } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { INVESTOR_HISTORY_KEYS, investorsVisible } from '../../access/plotAccess.ts';
import type { Viewer } from '../../access/Viewer.ts';
import { progressReportsById } from '../../projects/progress/queries.ts';

/**
 * The SQL of a zone's timeline: its progress reports (progress_updates, with photos and utility
 * lines) and its plots' changes (audit_log rows of zone_plots, logged under the zone; migration
 * 0021), merged newest first by day, then by when each was recorded. Call after the zone is
 * known to be visible (isZoneVisible).
 */

interface PageEntry {
  kind: 'report' | 'plot';
  id: number;
  on: string;
  at: string;
}

const DAY = `'YYYY-MM-DD'`;
const INSTANT = `'YYYY-MM-DD"T"HH24:MI:SS"Z"'`;

/**
 * One page of the timeline, as (kind, id) in order. Each side reads at most offset + limit rows
 * in its index's order (progress_updates_project_idx, audit_log_project_idx), which is the page's
 * order too: the page is among them.
 */
async function timelinePage(db: Queryable, zoneId: number, limit: number, offset: number): Promise<PageEntry[]> {
  return db.query<PageEntry>(
    `select kind, id, to_char(on_day, ${DAY}) as on, to_char(at_time at time zone 'UTC', ${INSTANT}) as at
       from ((select 'report' as kind, u.id, u.reported_on as on_day, u.created_at as at_time
                from progress_updates u where u.project_id = $1
               order by u.reported_on desc, u.created_at desc, u.id desc limit $2)
             union all
             (select 'plot', l.id, (l.occurred_at at time zone 'UTC')::date, l.occurred_at
                from audit_log l
               where l.project_id = $1 and l.table_name = 'zone_plots' and l.action in ('insert', 'update', 'delete')
               order by l.occurred_at desc, l.id desc limit $2)) entries
      order by on_day desc, at_time desc, kind, id desc
      limit $3 offset $4`,
    [zoneId, offset + limit, limit, offset],
  );
}

type PlotChangeRow = Omit<ZoneTimelinePlotChange, 'kind' | 'on' | 'at' | 'investor'> & {
  id: number;
  investor_named: boolean;
  investor: ZoneTimelinePlotChange['investor'];
};

/**
 * Plot changes by audit id, summarised: which plot, status from → to (a status that did not change
 * is null on both sides), the other fields touched, who. Who holds the plot (investor_id, and the
 * investor it names) only when `withInvestors`; otherwise not even the field's name.
 */
async function plotChangesById(db: Queryable, ids: readonly number[], withInvestors: boolean): Promise<Map<number, PlotChangeRow>> {
  if (!ids.length) return new Map();
  const hiddenKeys = withInvestors ? [] : [...INVESTOR_HISTORY_KEYS];
  const rows = await db.query<PlotChangeRow>(
    `select l.id, u.display_name as actor, l.action, l.row_key::bigint as plot_id,
            coalesce(l.new_values ->> 'plot_number', l.old_values ->> 'plot_number') as plot_number,
            case when l.action <> 'insert' then l.old_values ->> 'status' end as from_status,
            case when l.action <> 'delete' then l.new_values ->> 'status' end as to_status,
            case when l.action = 'update'
                 then array(select k from jsonb_object_keys(l.new_values) k
                             where k not in ('plot_number', 'status') and k <> all($2::text[]) order by k)
                 else '{}'::text[] end as changed,
            $3::boolean and l.action <> 'delete' and l.new_values ? 'investor_id' as investor_named,
            case when $3::boolean and i.id is not null
                 then json_build_object('id', i.id, 'name_ar', i.name_ar, 'name_en', i.name_en, 'kind', i.kind) end as investor
       from audit_log l
       left join users u on u.id = l.actor_id
       left join investors i on $3::boolean and i.id = (l.new_values ->> 'investor_id')::bigint
      where l.id = any($1::bigint[]) and l.table_name = 'zone_plots'`,
    [ids, hiddenKeys, withInvestors],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Entries `offset` to `offset + limit` of zone `zoneId`'s timeline, newest first, and whether there
 * are more. A plot change names who the plot went to only for viewers who see investors.
 */
export async function zoneTimeline(
  db: Queryable,
  zoneId: number,
  viewer: Viewer,
  { limit, offset }: { limit: number; offset: number },
): Promise<{ items: ZoneTimelineEntry[]; more: boolean }> {
  const page = await timelinePage(db, zoneId, limit + 1, offset);
  const shown = page.slice(0, limit);
  const withInvestors = investorsVisible(viewer);
  const [reports, plots] = await Promise.all([
    progressReportsById(db, zoneId, shown.filter((e) => e.kind === 'report').map((e) => e.id)),
    plotChangesById(db, shown.filter((e) => e.kind === 'plot').map((e) => e.id), withInvestors),
  ]);
  const items = shown.flatMap((entry): ZoneTimelineEntry[] => {
    if (entry.kind === 'report') {
      const report: ProgressReport | undefined = reports.get(entry.id);
      return report ? [{ kind: 'report', on: entry.on, at: entry.at, report }] : [];
    }
    const change = plots.get(entry.id);
    if (!change) return [];
    const { id: _id, investor_named, investor, ...summary } = change;
    return [{ kind: 'plot', on: entry.on, at: entry.at, ...summary, ...(investor_named ? { investor } : {}) }];
  });
  return { items, more: page.length > limit };
}
