import type { ZoneDetail, ZoneFactsChange } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { investorsVisible } from '../../access/plotAccess.ts';
import { projectWritability } from '../../access/projectWritability.ts';
import type { Viewer } from '../../access/Viewer.ts';
import { projectFilterSql } from '../../projects/projectFilterSql.ts';
import { SqlParams } from '../../sql/SqlParams.ts';
import { zoneUtilitiesJson } from '../utilities/utilityReports.ts';

/**
 * The SQL of one zone's head (ZoneDetail): the zone project's facts, its totals as zone_facts
 * derives them (migration 0021), its networks as they stand, and its plots per activity. One
 * statement, reading one zone_facts row, five zone_utilities rows and the zone's plots' activities.
 */

/** Plots by status from zone_facts' counters: plots_allocated counts all three taken statuses. */
const TOTALS = `json_build_object(
    'plots_total', z.plots_total,
    'plots_by_status', json_build_object(
      'vacant', z.plots_vacant, 'reserved', z.plots_reserved,
      'allocated', z.plots_allocated - z.plots_under_construction - z.plots_in_production,
      'under_construction', z.plots_under_construction, 'producing', z.plots_in_production),
    'occupancy', z.occupancy, 'plots_area_m2', z.plots_area_m2, 'vacant_area_m2', z.vacant_area_m2,
    'jobs_planned', z.jobs_planned, 'jobs_actual', z.jobs_actual,
    'investment_planned', z.investment_planned, 'investment_actual', z.investment_actual,
    'readiness', z.readiness)`;

const ACTIVITIES = `coalesce((
    select json_agg(json_build_object('activity', s.activity_code, 'name_en', act.name_en, 'name_ar', act.name_ar, 'plots', s.plots)
                    order by s.plots desc, s.activity_code nulls last)
      from (select activity_code, count(*)::integer as plots from zone_plots where zone_id = p.id group by activity_code) s
      left join plot_activities act on act.code = s.activity_code), '[]'::json)`;

/** Zone `zoneId` as `viewer` sees it, or undefined when it is not a zone they may see (unknown and hidden look alike). */
export async function findZoneDetail(db: Queryable, zoneId: number, viewer: Viewer): Promise<ZoneDetail | undefined> {
  const params = new SqlParams([zoneId]);
  const [row] = await db.query<Omit<ZoneDetail, 'investors_visible'>>(
    `select p.id, p.code, p.kind, p.title_ar, p.title_en, p.status,
            a.code as governorate, a.name_ar as governorate_name_ar, a.name_en as governorate_name_en,
            p.country_iso3, p.currency, z.development, z.area_ha,
            json_build_array(ST_XMin(box.b), ST_YMin(box.b), ST_XMax(box.b), ST_YMax(box.b)) as bbox,
            ${TOTALS} as totals,
            ${zoneUtilitiesJson('p.id')} as utilities,
            ${ACTIVITIES} as activities,
            p.version, (${projectWritability(viewer, params)}) as writable
       from projects p
       join zone_facts z on z.project_id = p.id
       join admin_areas a on a.id = p.admin_area_id
       cross join lateral (select p.geom::box3d as b) box -- from the coordinates, not the index's float4 box
      where p.id = $1 and ${projectFilterSql({}, viewer, params)}`,
    params.values,
  );
  return row && { ...row, investors_visible: investorsVisible(viewer) };
}

/** The zone_facts columns a ZoneFactsChange may set (the rest are derived). */
const FACT_COLUMNS = { development: 'development', area_ha: 'area_ha' } as const satisfies Partial<Record<keyof ZoneFactsChange, string>>;

/**
 * `PATCH /api/zones/{id}`, after loadZoneForWrite and the version check: the facts sent. When
 * they change anything, the zone project's version moves on too (as funding does), so an editor
 * who read the zone before gets 409. Facts sent as they already are change nothing.
 */
export async function changeZoneFacts(tx: Queryable, zoneId: number, change: ZoneFactsChange): Promise<void> {
  const params = new SqlParams([zoneId]);
  const sent = (Object.keys(FACT_COLUMNS) as (keyof typeof FACT_COLUMNS)[]).filter((key) => change[key] !== undefined);
  if (!sent.length) return;
  const columns = sent.map((key) => FACT_COLUMNS[key]);
  const values = sent.map((key) => `${params.add(change[key])}::${key === 'area_ha' ? 'numeric' : 'text'}`);
  const changed = await tx.query(
    `update zone_facts set (${columns.join(', ')}) = row(${values.join(', ')})
      where project_id = $1 and row(${columns.join(', ')}) is distinct from row(${values.join(', ')})
      returning project_id`,
    params.values,
  );
  if (changed.length) await tx.query('update projects set updated_at = now() where id = $1', [zoneId]);
}
