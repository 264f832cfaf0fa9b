import type { Queryable } from '@marsad/db';
import { invalidParameters } from '../../http/problems.ts';

/**
 * The spatial rules every plot write obeys, checked by PostGIS inside the writer's transaction
 * after the plots are written (so a create, an edit, a split, a merge and an import are judged
 * alike, against the zone as it will be), and the whole write rolled back if any plot breaks one:
 * 1. a plot lies inside its zone;
 * 2. plots do not overlap each other.
 * Call it while holding the zone's lock (loadZoneForWrite), so two writers cannot each place a
 * plot on the same ground.
 */

/** A plot may stray this far (metres) past the zone's boundary: survey and digitising noise. */
export const PLOT_EDGE_TOLERANCE_M = 0.5;
/** Plots whose edges were digitised twice overlap by slivers; an overlap larger than this (m²) is real. */
export const PLOT_OVERLAP_TOLERANCE_M2 = 1;

export interface PlotMisfit {
  plot_number: string;
  problem: 'outside_zone' | 'overlap';
  /** The other plot, for an overlap. */
  other?: string;
  area_m2: number;
}

/** The misfits among `plotIds` (already written) of zone `zoneId`; empty when every plot fits. */
export async function findPlotMisfits(tx: Queryable, zoneId: number, plotIds: readonly number[]): Promise<PlotMisfit[]> {
  if (plotIds.length === 0) return [];
  return tx.query<PlotMisfit>(
    `with changed as materialized (
       select id, plot_number, geom from zone_plots where zone_id = $1 and id = any($2::bigint[])),
     zone as materialized (select geom from projects where id = $1),
     outside as (
       select c.plot_number, 'outside_zone' as problem, null::text as other,
              ST_Area(ST_Difference(c.geom, ST_Buffer(z.geom::geography, $3)::geometry)::geography) as area_m2
         from changed c, zone z
        where not ST_CoveredBy(c.geom, z.geom)),
     overlapping as (
       select a.plot_number, 'overlap' as problem, b.plot_number as other,
              ST_Area(ST_Intersection(a.geom, b.geom)::geography) as area_m2
         from changed a join zone_plots b on b.zone_id = $1 and b.id <> a.id and b.geom && a.geom
        -- Each pair once: two changed plots overlapping are reported by the lower id only.
        where not (b.id = any($2::bigint[]) and b.id < a.id)
          and ST_Relate(a.geom, b.geom, '2********'))
     select plot_number, problem, other, round(area_m2::numeric, 1)::float8 as area_m2 from outside where area_m2 > 0.01
     union all
     select plot_number, problem, other, round(area_m2::numeric, 1)::float8 from overlapping where area_m2 > $4
     order by 1, 3`,
    [zoneId, plotIds, PLOT_EDGE_TOLERANCE_M, PLOT_OVERLAP_TOLERANCE_M2],
  );
}

const say = (m: PlotMisfit) =>
  m.problem === 'outside_zone'
    ? `plot ${m.plot_number} lies partly outside the zone (${m.area_m2} m² beyond its boundary)`
    : `plot ${m.plot_number} overlaps plot ${m.other} by ${m.area_m2} m²`;

/** 400 naming every plot that does not fit and why (at most 20 listed), when any does not. */
export async function assertPlotsFit(tx: Queryable, zoneId: number, plotIds: readonly number[], parameter = 'geometry'): Promise<void> {
  const misfits = await findPlotMisfits(tx, zoneId, plotIds);
  if (misfits.length === 0) return;
  const listed = misfits.slice(0, 20);
  const more = misfits.length > listed.length ? ` and ${misfits.length - listed.length} more` : '';
  throw invalidParameters(
    listed.map((m) => ({ parameter, message: say(m) })),
    {
      detail: `${listed.map(say).join('; ')}${more}. Plots must lie inside their zone and must not overlap each other: correct the geometry and send it again.`,
      extensions: { misfits: listed },
    },
  );
}
