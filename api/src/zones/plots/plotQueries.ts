import type { Plot, PlotHistoryEntry, PlotStatus } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { INVESTOR_HISTORY_KEYS, investorsVisible } from '../../access/plotAccess.ts';
import type { Viewer } from '../../access/Viewer.ts';
import type { ProjectFilter } from '../../projects/projectFilterSchema.ts';
import { plotWhereSql } from '../plotFeatureSql.ts';
import { SqlParams } from '../../sql/SqlParams.ts';

/**
 * The reads of zone plots, for the plots API and for whoever else sends plots out (exports, OGC):
 * every one goes through the zone's visibility (projectFilterSql on the zone project) and shows
 * who holds a plot only to viewers for whom investorsVisible says so. For the others the
 * `investor` key is left out of each row altogether, and their search never looks at investors.
 */

/** Which plots: of one zone, or of the zones under the dashboard's filters, or named ones, under the list's filters. */
export interface PlotFilter {
  /** One zone's plots. */
  zoneId?: number;
  /** The zones' projects under these filters (country, governorate, kind…). */
  zones?: ProjectFilter;
  /** Plots whose outline meets this box (minLon, minLat, maxLon, maxLat in WGS 84). */
  bbox?: readonly [number, number, number, number];
  /** Only these plots (a write's answer). */
  ids?: readonly number[];
  status?: readonly PlotStatus[];
  /** plot_activities codes. */
  activity?: readonly string[];
  vacantOnly?: boolean;
  /** Matches the plot number, the activity's names, and (for viewers who see them) investors' names. */
  q?: string;
}

export interface PlotRowOptions {
  /** Add `geometry` (GeoJSON MultiPolygon) to each row. */
  withGeometry?: boolean;
  limit?: number;
  offset?: number;
}

/** A plot as the list gives it, with its outline when asked for. */
export type PlotRow = Plot & { geometry?: Record<string, unknown> };

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The WHERE predicate of `filter` over zone_plots `zp` joined to its zone project `p`; the zone's visibility first. */
function plotFilterSql(filter: PlotFilter, viewer: Viewer, params: SqlParams): string {
  // The bulk readers' predicate (the zone's visibility, then zone, status and activity), so one
  // SQL meaning of "the plots a viewer may see" serves the list, OGC and exports alike.
  const where = [
    plotWhereSql(
      {
        project: filter.zones,
        zone: filter.zoneId === undefined ? undefined : [filter.zoneId],
        status: filter.status?.length ? [...filter.status] : undefined,
        activity: filter.activity?.length ? [...filter.activity] : undefined,
      },
      viewer,
      params,
    ),
  ];
  if (filter.bbox) where.push(`zp.geom && ST_MakeEnvelope(${filter.bbox.map((n) => params.add(n)).join(', ')}, 4326)`);
  if (filter.ids) where.push(`zp.id = any(${params.add(filter.ids)}::bigint[])`);
  if (filter.vacantOnly) where.push(`zp.status = 'vacant'`);
  if (filter.q) {
    const needle = `'%' || normalize_search_text(${params.add(escapeLike(filter.q))}) || '%'`;
    const texts = [`zp.plot_number`, `coalesce(act.name_en, '')`, `coalesce(act.name_ar, '')`];
    // Searching by who holds a plot would tell a donor who does: only for those who may see it.
    if (investorsVisible(viewer)) texts.push(`coalesce((select i.name_ar || ' ' || coalesce(i.name_en, '') from investors i where i.id = zp.investor_id), '')`);
    where.push(`normalize_search_text(${texts.join(` || ' ' || `)}) like ${needle}`);
  }
  return where.join('\n and ');
}

/**
 * Plots of one zone (`scope` its id) or under a filter, as `viewer` sees them, ordered by zone and
 * plot number: THE read of plots (the list, a write's answer, exports, OGC). `total` counts every
 * plot that matches, whatever `limit` and `offset`.
 */
export async function plotRows(db: Queryable, scope: number | PlotFilter, viewer: Viewer, options: PlotRowOptions = {}): Promise<{ total: number; rows: PlotRow[] }> {
  const filter: PlotFilter = typeof scope === 'number' ? { zoneId: scope } : scope;
  const params = new SqlParams();
  const investors = investorsVisible(viewer);
  const where = plotFilterSql(filter, viewer, params);
  const page = [
    options.limit === undefined ? '' : `limit ${params.add(options.limit)}`,
    options.offset ? `offset ${params.add(options.offset)}` : '',
  ].join(' ');
  const rows = await db.query<PlotRow & { total: number; investor?: Plot['investor'] }>(
    `select zp.id, zp.zone_id, zp.plot_number, zp.area_m2, zp.activity_code as activity, zp.status, zp.allocated_on,
            zp.planned_jobs, zp.actual_jobs, zp.planned_investment, zp.actual_investment, ${investors ? 'zp.note' : 'null::text as note'}, zp.version,
            ${investors ? `(select json_build_object('id', i.id, 'name_ar', i.name_ar, 'name_en', i.name_en, 'kind', i.kind) from investors i where i.id = zp.investor_id) as investor,` : ''}
            ${options.withGeometry ? 'ST_AsGeoJSON(zp.geom, 7)::json as geometry,' : ''}
            count(*) over () as total
       from zone_plots zp
       join projects p on p.id = zp.zone_id
       left join plot_activities act on act.code = zp.activity_code
      where ${where}
      order by zp.zone_id, length(zp.plot_number), zp.plot_number, zp.id
      ${page}`,
    params.values,
  );
  const total = rows[0]?.total ?? (options.offset ? await countPlots(db, viewer, filter) : 0);
  return { total, rows: rows.map(({ total: _total, ...row }) => row) };
}

/** How many plots match (when a page past the end holds none to count with). */
async function countPlots(db: Queryable, viewer: Viewer, filter: PlotFilter): Promise<number> {
  const params = new SqlParams();
  const where = plotFilterSql(filter, viewer, params);
  const [row] = await db.query<{ n: number }>(
    `select count(*) as n from zone_plots zp join projects p on p.id = zp.zone_id
       left join plot_activities act on act.code = zp.activity_code
      where ${where}`,
    params.values,
  );
  return row?.n ?? 0;
}

/** One plot of zone `zoneId` with its outline, as `viewer` sees it; undefined when it or its zone is not visible. */
export async function findPlot(db: Queryable, zoneId: number, plotId: number, viewer: Viewer): Promise<PlotRow | undefined> {
  const { rows } = await plotRows(db, { zoneId, ids: [plotId] }, viewer, { withGeometry: true });
  return rows[0];
}

/**
 * A plot's history from the audit log, newest first (the latest 200): who, when, from → to. For
 * viewers who may not see investors, the keys naming who holds the plot are taken out of every
 * entry, and an entry left with nothing else to say is left out.
 */
export async function plotHistory(db: Queryable, plotId: number, viewer: Viewer): Promise<PlotHistoryEntry[]> {
  const strip = investorsVisible(viewer) ? '' : INVESTOR_HISTORY_KEYS.map((key) => ` - '${key}'`).join('');
  const entries = await db.query<PlotHistoryEntry>(
    `select to_char(l.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as occurred_at, u.display_name as actor, l.action,
            (l.old_values${strip}) as from, (l.new_values${strip}) as to
       from audit_log l left join users u on u.id = l.actor_id
      where l.table_name = 'zone_plots' and l.row_key = $1
      order by l.occurred_at desc, l.id desc
      limit 200`,
    [String(plotId)],
  );
  // An update that only changed the investor (plot_number is always there) says nothing else.
  const said = (values: Record<string, unknown> | null) => values === null || Object.keys(values).some((k) => k !== 'plot_number');
  return entries.filter((e) => e.action !== 'update' || said(e.to) || said(e.from));
}
