import type { z } from '@hono/zod-openapi';
import {
  TAKEN_PLOT_STATUSES,
  plotTransitionProblem,
  type NewPlot,
  type PlotChange,
  type PlotMerge,
  type PlotRef,
  type PlotSplit,
  type PlotStatus,
  type PlotStatusChange,
  type SavedPlots,
} from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import type { Viewer } from '../../access/Viewer.ts';
import { conflict, invalidParameter, notFound, unprocessable } from '../../http/problems.ts';
import { checkGeometry } from '../../projects/geometryInput.ts';
import { SqlParams } from '../../sql/SqlParams.ts';
import { insertInvestor } from '../../investors/investorQueries.ts';
import type { ZoneForWrite } from '../zoneAccess.ts';
import { assertPlotsFit } from './plotGeometryRules.ts';
import { plotRows } from './plotQueries.ts';

/**
 * The SQL of writing plots: drawing, changing, deleting, changing status (in bulk), splitting and
 * merging. Each runs inside the writer's transaction (withActor) after loadZoneForWrite has locked
 * the zone, so plot writes of one zone take turns; each ends with assertPlotsFit on the plots it
 * wrote, and any refusal rolls the whole write back. Triggers keep the zone's totals and history.
 */

/** A plot as a write finds it, locked until the transaction ends. */
interface PlotForWrite {
  id: number;
  plot_number: string;
  status: PlotStatus;
  version: number;
  investor_id: number | null;
  allocated_on: string | null;
  activity_code: string | null;
  planned_jobs: number | null;
  actual_jobs: number | null;
  planned_investment: number | null;
  actual_investment: number | null;
}

const plotNotFound = (zoneId: number, ids: readonly number[]) =>
  notFound(`Zone ${zoneId} has no plot${ids.length > 1 ? 's' : ''} ${ids.join(', ')}: reload the zone's plots`);

/**
 * Locks the plots named in `refs` (all of zone `zone`), in id order so concurrent writers cannot
 * deadlock: 404 naming any the zone does not have, then 409 naming every one whose version moved
 * on since the client read it (with each one's current version).
 */
async function lockPlots(tx: Queryable, zoneId: number, refs: readonly PlotRef[]): Promise<PlotForWrite[]> {
  const ids = [...new Set(refs.map((r) => r.id))];
  if (ids.length !== refs.length) throw invalidParameter('plots', 'names a plot more than once');
  const rows = await tx.query<PlotForWrite>(
    `select id, plot_number, status, version, investor_id, allocated_on, activity_code,
            planned_jobs, actual_jobs, planned_investment, actual_investment
       from zone_plots where zone_id = $1 and id = any($2::bigint[]) order by id for update`,
    [zoneId, ids],
  );
  const found = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw plotNotFound(zoneId, missing);
  const stale = refs.map((r) => ({ ref: r, plot: found.get(r.id)! })).filter(({ ref, plot }) => plot.version !== ref.version);
  if (stale.length) {
    const named = stale.map(({ ref, plot }) => `plot ${plot.plot_number} is at version ${plot.version}, not ${ref.version}`);
    throw conflict(`${named.join('; ')}: someone else changed ${stale.length > 1 ? 'them' : 'it'} since. Reload the plots and try again; nothing was saved.`, {
      stale: stale.map(({ plot }) => ({ id: plot.id, plot_number: plot.plot_number, current_version: plot.version })),
      ...(refs.length === 1 ? { current_version: stale[0]!.plot.version } : {}),
    });
  }
  return refs.map((r) => found.get(r.id)!);
}

/** 409 when any of `numbers` is already another plot's in zone `zoneId` (besides `except`, which are going). */
async function assertNumbersFree(tx: Queryable, zoneId: number, numbers: readonly string[], except: readonly number[] = [], parameter = 'plot_number') {
  const repeated = numbers.filter((n, i) => numbers.indexOf(n) !== i);
  if (repeated.length) throw invalidParameter(parameter, `gives plot number ${repeated[0]} twice`);
  const taken = await tx.query<{ plot_number: string }>(
    `select plot_number from zone_plots where zone_id = $1 and plot_number = any($2::text[]) and id <> all($3::bigint[]) order by plot_number`,
    [zoneId, numbers, except],
  );
  if (taken.length) {
    const list = taken.map((t) => t.plot_number).join(', ');
    throw conflict(`Zone ${zoneId} already has a plot numbered ${list}: plot numbers are unique within a zone. Choose another number.`, {
      errors: [{ parameter, message: `plot number ${list} is taken in this zone` }],
    });
  }
}

/** 400 when `activity` is not a plot_activities code. */
async function assertActivityKnown(tx: Queryable, activity: string | null | undefined) {
  if (!activity) return;
  const rows = await tx.query('select 1 from plot_activities where code = $1', [activity]);
  if (!rows.length) throw invalidParameter('activity', `"${activity}" is not a plot activity code (see plot_activities, e.g. food_processing)`);
}

/** A plot's outline as a client sent it: an area (Polygon or MultiPolygon), valid, as the GeoJSON to store. */
async function plotGeometry(tx: Queryable, geometry: { type: string }): Promise<string> {
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
    throw invalidParameter('geometry', `is a ${geometry.type}; a plot is an area: send a Polygon or MultiPolygon`);
  }
  return (await checkGeometry(tx, geometry, false)).geojson;
}

const STORED_GEOMETRY = (placeholder: string) => `ST_Multi(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(${placeholder}), 4326)))`;

/** Field names as clients know them → columns of zone_plots. */
const PLOT_COLUMNS = {
  plot_number: 'plot_number',
  activity: 'activity_code',
  planned_jobs: 'planned_jobs',
  actual_jobs: 'actual_jobs',
  planned_investment: 'planned_investment',
  actual_investment: 'actual_investment',
  note: 'note',
} as const;
type PlotField = keyof typeof PLOT_COLUMNS;

/** The write's answer: the plots written, as the writer now sees them, and those removed. */
async function saved(tx: Queryable, viewer: Viewer, zoneId: number, ids: readonly number[], removed: readonly number[] = []): Promise<SavedPlots> {
  const { rows } = await plotRows(tx, { zoneId, ids }, viewer);
  return { plots: rows, removed: [...removed] };
}

/** `POST /api/zones/{id}/plots`: a drawn plot, vacant. */
export async function createPlot(tx: Queryable, zone: ZoneForWrite, viewer: Viewer, body: z.output<typeof NewPlot>): Promise<SavedPlots> {
  const { geometry, ...fields } = body;
  const geojson = await plotGeometry(tx, geometry);
  await assertActivityKnown(tx, fields.activity);
  await assertNumbersFree(tx, zone.id, [fields.plot_number]);
  const columns = (Object.keys(PLOT_COLUMNS) as PlotField[]).filter((k) => fields[k] !== undefined);
  const params = new SqlParams([zone.id, ...columns.map((k) => fields[k])]);
  const [row] = await tx.query<{ id: number }>(
    `insert into zone_plots (zone_id, ${columns.map((k) => PLOT_COLUMNS[k]).join(', ')}${columns.length ? ', ' : ''}geom)
     values ($1, ${columns.map((_, i) => `$${i + 2}`).join(', ')}${columns.length ? ', ' : ''}${STORED_GEOMETRY(params.add(geojson))})
     returning id`,
    params.values,
  );
  await assertPlotsFit(tx, zone.id, [row!.id]);
  return saved(tx, viewer, zone.id, [row!.id]);
}

/** `PATCH /api/zones/{id}/plots/{plotId}`: the fields sent, the outline if sent; 409 if the version moved on. */
export async function changePlot(tx: Queryable, zone: ZoneForWrite, viewer: Viewer, plotId: number, change: z.output<typeof PlotChange>): Promise<SavedPlots> {
  const { version, geometry, ...fields } = change;
  await lockPlots(tx, zone.id, [{ id: plotId, version }]);
  const geojson = geometry === undefined ? undefined : await plotGeometry(tx, geometry);
  await assertActivityKnown(tx, fields.activity);
  if (fields.plot_number !== undefined) await assertNumbersFree(tx, zone.id, [fields.plot_number], [plotId]);
  const columns = (Object.keys(PLOT_COLUMNS) as PlotField[]).filter((k) => fields[k] !== undefined);
  const params = new SqlParams([plotId]);
  const assignments = columns.map((k) => `${PLOT_COLUMNS[k]} = ${params.add(fields[k])}`);
  if (geojson !== undefined) assignments.push(`geom = ${STORED_GEOMETRY(params.add(geojson))}`);
  if (assignments.length) {
    await tx.query(`update zone_plots set ${assignments.join(', ')} where id = $1`, params.values);
    if (geojson !== undefined) await assertPlotsFit(tx, zone.id, [plotId]);
  }
  return saved(tx, viewer, zone.id, [plotId]);
}

/** `DELETE /api/zones/{id}/plots/{plotId}?version=N`: a vacant plot only (withdraw a held one first). */
export async function deletePlot(tx: Queryable, zone: ZoneForWrite, plotId: number, version: number): Promise<SavedPlots> {
  const [plot] = await lockPlots(tx, zone.id, [{ id: plotId, version }]);
  if (plot!.status !== 'vacant') {
    throw unprocessable(`Plot ${plot!.plot_number} is ${plot!.status.replace('_', ' ')}: only a vacant plot may be deleted. Withdraw it to vacant first.`);
  }
  await tx.query('delete from zone_plots where id = $1', [plotId]);
  return { plots: [], removed: [plotId] };
}

/**
 * `POST /api/zones/{id}/plots/status`: every plot named to one status, or none. In order: 404 for
 * a plot the zone does not have, 409 naming every stale plot, 422 naming every plot whose
 * transition is refused, 400 for a missing investor or withdrawal note. A holding status names the
 * investor (an existing one, or a new one created here, of the zone's country) unless every plot
 * already has one, which it then keeps; a withdrawal to vacant clears the investor and the date.
 * A plot first taken (allocated or later) is dated `allocated_on`, today unless given.
 */
export async function changePlotStatus(tx: Queryable, zone: ZoneForWrite, viewer: Viewer, body: z.output<typeof PlotStatusChange>): Promise<SavedPlots> {
  const plots = await lockPlots(tx, zone.id, body.plots);
  const refused = plots.map((p) => ({ plot: p, problem: plotTransitionProblem(p.status, body.status) })).filter((r) => r.problem !== null);
  if (refused.length) {
    const named = refused.map((r) => `plot ${r.plot.plot_number}: ${r.problem}`);
    throw unprocessable(`${named.join('; ')}. Nothing was changed.`, {
      refused: refused.map((r) => ({ id: r.plot.id, plot_number: r.plot.plot_number, from: r.plot.status, reason: r.problem })),
    });
  }
  const ids = plots.map((p) => p.id);
  if (body.status === 'vacant') {
    if (body.investor_id !== undefined || body.new_investor !== undefined) {
      throw invalidParameter('investor_id', 'a vacant plot has no investor: leave investor_id and new_investor out of a withdrawal');
    }
    if (!body.note) throw invalidParameter('note', 'say why the plots are withdrawn: a withdrawal needs a note');
    await tx.query(`update zone_plots set status = 'vacant', investor_id = null, allocated_on = null, note = $2 where id = any($1::bigint[])`, [ids, body.note]);
    return saved(tx, viewer, zone.id, ids);
  }
  if (body.investor_id !== undefined && body.new_investor !== undefined) {
    throw invalidParameter('investor_id', 'name the investor once: an existing investor_id or a new_investor, not both');
  }
  let investorId = body.investor_id ?? null;
  if (investorId !== null) {
    const [known] = await tx.query('select 1 from investors where id = $1', [investorId]);
    if (!known) throw invalidParameter('investor_id', `there is no investor ${investorId}: pick one from /api/investors or send new_investor`);
  } else if (body.new_investor) {
    investorId = (await insertInvestor(tx, { ...body.new_investor, country_iso3: zone.country_iso3 })).id;
  } else {
    const without = plots.filter((p) => p.investor_id === null);
    if (without.length) {
      throw invalidParameter(
        'investor_id',
        `plot${without.length > 1 ? 's' : ''} ${without.map((p) => p.plot_number).join(', ')} ${without.length > 1 ? 'have' : 'has'} no investor: a ${body.status.replace('_', ' ')} plot is held by one, so send investor_id or new_investor`,
      );
    }
  }
  const taken = (TAKEN_PLOT_STATUSES as readonly string[]).includes(body.status);
  const params = new SqlParams([ids, body.status, investorId, body.allocated_on ?? null, taken, body.note ?? null]);
  await tx.query(
    `update zone_plots
        set status = $2,
            investor_id = coalesce($3::bigint, investor_id),
            allocated_on = case when $5::boolean then coalesce($4::date, allocated_on, (now() at time zone 'UTC')::date)
                                else coalesce($4::date, allocated_on) end,
            note = coalesce($6::text, note)
      where id = any($1::bigint[])`,
    params.values,
  );
  return saved(tx, viewer, zone.id, ids);
}

/** `POST /api/zones/{id}/plots/{plotId}/split`: a vacant plot cut by a line into two or more, numbered `<n>-1`, `<n>-2`… unless told. */
export async function splitPlot(tx: Queryable, zone: ZoneForWrite, viewer: Viewer, plotId: number, body: z.output<typeof PlotSplit>): Promise<SavedPlots> {
  const [plot] = await lockPlots(tx, zone.id, [{ id: plotId, version: body.version }]);
  if (plot!.status !== 'vacant') {
    throw unprocessable(`Plot ${plot!.plot_number} is ${plot!.status.replace('_', ' ')}: only a vacant plot may be split. Withdraw it first.`);
  }
  if (body.line.type !== 'LineString' && body.line.type !== 'MultiLineString') {
    throw invalidParameter('line', `is a ${body.line.type}; a plot is cut by a LineString drawn across it`);
  }
  let parts: { geom: string }[];
  try {
    parts = await tx.query<{ geom: string }>(
      `select encode(ST_AsEWKB(part.geom), 'hex') as geom
         from zone_plots zp,
              lateral ST_Dump(ST_CollectionExtract(ST_Split(zp.geom, ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON($2), 4326))), 3)) as part
        where zp.id = $1 and ST_Area(part.geom::geography) >= 1
        order by ST_XMin(part.geom), ST_YMin(part.geom)`,
      [plotId, JSON.stringify(body.line)],
    );
  } catch (error) {
    if ((error as { code?: string }).code === undefined) throw error;
    throw invalidParameter('line', `cannot cut plot ${plot!.plot_number}: ${(error as Error).message}`);
  }
  if (parts.length < 2) {
    throw invalidParameter('line', `does not cut plot ${plot!.plot_number} in two: draw it across the plot, from beyond one edge to beyond another`);
  }
  const numbers = body.numbers ?? parts.map((_, i) => `${plot!.plot_number}-${i + 1}`);
  if (numbers.length !== parts.length) {
    throw invalidParameter('numbers', `the line cuts plot ${plot!.plot_number} into ${parts.length} parts: give ${parts.length} numbers, or none for ${plot!.plot_number}-1…`);
  }
  await assertNumbersFree(tx, zone.id, numbers, [plotId], 'numbers');
  await tx.query('delete from zone_plots where id = $1', [plotId]);
  const inserted = await tx.query<{ id: number }>(
    `insert into zone_plots (zone_id, plot_number, activity_code, geom)
     select $1, n.plot_number, $3, ST_Multi(n.geom::geometry)
       from unnest($2::text[], $4::text[]) with ordinality as n(plot_number, geom, i)
      order by n.i
     returning id`,
    [zone.id, numbers, plot!.activity_code, parts.map((p) => p.geom)],
  );
  const ids = inserted.map((r) => r.id);
  await assertPlotsFit(tx, zone.id, ids);
  return saved(tx, viewer, zone.id, ids, [plotId]);
}

/**
 * `POST /api/zones/{id}/plots/merge`: adjoining plots of one status and one investor become one
 * plot, which keeps that status, investor and earliest allocation date, their activity if they
 * share one, and the sums of their jobs and investment.
 */
export async function mergePlots(tx: Queryable, zone: ZoneForWrite, viewer: Viewer, body: z.output<typeof PlotMerge>): Promise<SavedPlots> {
  const plots = await lockPlots(tx, zone.id, body.plots);
  const numbers = plots.map((p) => p.plot_number).join(', ');
  if (new Set(plots.map((p) => p.status)).size > 1) {
    throw unprocessable(`Plots ${numbers} differ in status (${plots.map((p) => `${p.plot_number}: ${p.status.replace('_', ' ')}`).join(', ')}): only plots of one status merge. Change their status first.`);
  }
  if (new Set(plots.map((p) => p.investor_id)).size > 1) {
    throw unprocessable(`Plots ${numbers} are held by different investors: only plots of one investor merge.`);
  }
  const ids = plots.map((p) => p.id);
  const [union] = await tx.query<{ parts: number }>(
    `select ST_NumGeometries(ST_Multi(ST_Union(geom))) as parts from zone_plots where id = any($1::bigint[])`,
    [ids],
  );
  if (union!.parts !== 1) {
    throw unprocessable(`Plots ${numbers} do not adjoin: together they make ${union!.parts} separate pieces. Merge only plots that share an edge.`);
  }
  await assertNumbersFree(tx, zone.id, [body.plot_number], ids);
  const first = plots[0]!;
  const activities = new Set(plots.map((p) => p.activity_code));
  const sum = (key: 'planned_jobs' | 'actual_jobs' | 'planned_investment' | 'actual_investment') =>
    plots.some((p) => p[key] !== null) ? plots.reduce((total, p) => total + Number(p[key] ?? 0), 0) : null;
  const dates = plots.map((p) => p.allocated_on).filter((d): d is string => d !== null).sort();
  const [geom] = await tx.query<{ geom: string }>(`select encode(ST_AsEWKB(ST_Multi(ST_Union(geom))), 'hex') as geom from zone_plots where id = any($1::bigint[])`, [ids]);
  await tx.query('delete from zone_plots where id = any($1::bigint[])', [ids]);
  const [row] = await tx.query<{ id: number }>(
    `insert into zone_plots (zone_id, plot_number, geom, activity_code, status, investor_id, allocated_on,
                             planned_jobs, actual_jobs, planned_investment, actual_investment)
     values ($1, $2, $3::geometry, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
    [
      zone.id,
      body.plot_number,
      geom!.geom,
      activities.size === 1 ? first.activity_code : null,
      first.status,
      first.investor_id,
      dates[0] ?? null,
      sum('planned_jobs'),
      sum('actual_jobs'),
      sum('planned_investment'),
      sum('actual_investment'),
    ],
  );
  await assertPlotsFit(tx, zone.id, [row!.id]);
  return saved(tx, viewer, zone.id, [row!.id], ids);
}
