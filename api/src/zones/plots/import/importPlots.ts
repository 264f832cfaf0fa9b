import type { PlotImportReport, PlotImportRowError } from '@marsad/contracts';
import { DatabaseUnavailableError, withActor, type Database, type Queryable } from '@marsad/db';
import type { SignedInViewer } from '../../../access/Viewer.ts';
import { ProblemError } from '../../../http/problems.ts';
import { loadZoneForWrite } from '../../zoneAccess.ts';
import { findPlotMisfits } from '../plotGeometryRules.ts';
import { activityField, activityNames, activityOf, geometryProblem, numberField, plotNumberOf } from './plotAttributes.ts';
import type { PlotFile, SourcePlot } from './plotFile.ts';
import type { ResolvedCrs } from './resolveCrs.ts';

export interface ImportOptions {
  numberField: string | undefined;
  activityField: string | undefined;
  dryRun: boolean;
  repair: boolean;
}

/** Thrown to roll the import's transaction back once its report is known. */
class RollBack extends Error {
  constructor(readonly report: PlotImportReport) {
    super('plot import rolled back');
  }
}

interface Candidate {
  plot: SourcePlot;
  number: string;
  activity: string | null;
  geometry: string;
}

/**
 * Writes every plot of the file into zone `zoneId` in one transaction, as the viewer (audited by
 * the triggers), or none: the zone is locked (loadZoneForWrite), each plot is checked (number
 * present and new to the file and the zone, known activity, a polygon PostGIS finds valid, or
 * repairs when asked), the good ones are written, and the spatial rules of every plot write
 * (plotGeometryRules: inside the zone, no overlaps) judge them all. Any problem, or a dry run,
 * rolls everything back; the report lists every row's problems either way.
 */
export async function importPlots(db: Database, viewer: SignedInViewer, zoneId: number, file: PlotFile, crs: ResolvedCrs, options: ImportOptions): Promise<PlotImportReport> {
  const numbers = file.format === 'dxf' ? null : numberField(file.plots, options.numberField);
  const activities = activityField(file.plots, options.activityField);
  const warnings = [...file.warnings, ...crs.warnings];
  try {
    return await withActor(db, viewer.userId, async (tx) => {
      await loadZoneForWrite(tx, zoneId, viewer, 'import plots into');
      const errors: PlotImportRowError[] = [];
      const fail = (plot: SourcePlot, plotNumber: string | null, field: PlotImportRowError['field'], message: string, repairable?: boolean) => {
        errors.push({ row: plot.row, ref: plot.ref, plot_number: plotNumber, field, message, ...(repairable ? { repairable } : {}) });
      };

      const names = activityNames(await tx.query('select code, name_en, name_ar from plot_activities'));
      const numbered = file.plots.map((plot) => ({ plot, number: plotNumberOf(plot, numbers) }));
      const wanted = numbered.flatMap(({ number }) => ('value' in number ? [number.value] : []));
      const taken = new Set(
        (await tx.query<{ plot_number: string }>('select plot_number from zone_plots where zone_id = $1 and plot_number = any($2::text[])', [zoneId, wanted])).map(
          (r) => r.plot_number,
        ),
      );
      const firstRow = new Map<string, number>();
      const candidates: Candidate[] = [];
      for (const { plot, number } of numbered) {
        const plotNumber = 'value' in number ? number.value : null;
        const before = errors.length;
        if ('problem' in number) fail(plot, null, 'plot_number', number.problem);
        else if (taken.has(number.value)) fail(plot, plotNumber, 'plot_number', `plot ${number.value} already exists in this zone (an import only adds plots)`);
        else if (firstRow.has(number.value)) fail(plot, plotNumber, 'plot_number', `plot ${number.value} is also row ${firstRow.get(number.value)} of the file`);
        else firstRow.set(number.value, plot.row);
        const activity = activityOf(plot, activities, names);
        if ('problem' in activity) fail(plot, plotNumber, 'activity', activity.problem);
        const shape = geometryProblem(plot.geometry);
        if (shape) fail(plot, plotNumber, 'geometry', shape);
        if (errors.length === before && plotNumber !== null && 'code' in activity) {
          candidates.push({ plot, number: plotNumber, activity: activity.code, geometry: JSON.stringify(plot.geometry) });
        }
      }

      const checked = await checkGeometries(tx, candidates, crs);
      const writable: Candidate[] = [];
      for (const candidate of candidates) {
        const check = checked.get(candidate.plot.row)!;
        if (!check.on_earth) fail(candidate.plot, candidate.number, 'geometry', `lies off the globe once read in EPSG:${crs.epsg} (${crs.name}): is crs right?`);
        else if (check.valid || (options.repair && check.repairable)) writable.push(candidate);
        else if (check.repairable) fail(candidate.plot, candidate.number, 'geometry', `is not valid: ${check.reason}. Fix it, or send repair=true to have it repaired`, true);
        else fail(candidate.plot, candidate.number, 'geometry', `is not valid (${check.reason}) and cannot be repaired`);
      }

      const written = await insertPlots(tx, zoneId, crs.epsg, writable);
      const rowOf = new Map(writable.map((c) => [c.number, c.plot]));
      const misfits = await findPlotMisfits(tx, zoneId, [...written.values()]);
      for (const misfit of misfits) {
        const plot = rowOf.get(misfit.plot_number)!;
        if (misfit.problem === 'outside_zone') {
          fail(plot, misfit.plot_number, 'geometry', `lies partly outside the zone (${misfit.area_m2} m² beyond its boundary)`);
        } else {
          const other = rowOf.get(misfit.other!);
          fail(plot, misfit.plot_number, 'geometry', `overlaps plot ${misfit.other} (${other ? `row ${other.row} of the file` : 'already in the zone'}) by ${misfit.area_m2} m²`);
        }
      }
      const outside = misfits.filter((m) => m.problem === 'outside_zone').length;
      if (written.size > 0 && outside === written.size && !(await anyTouchesZone(tx, zoneId, [...written.values()]))) {
        warnings.push(
          `None of the plots touches the zone: were the coordinates really in EPSG:${crs.epsg} (${crs.name})? If not, send crs with the right EPSG code`,
        );
      }

      errors.sort((a, b) => a.row - b.row);
      const failedRows = new Set(errors.map((e) => e.row)).size;
      const ids = writable.flatMap((c) => (written.has(c.number) ? [written.get(c.number)!] : []));
      const report: PlotImportReport = {
        dry_run: options.dryRun,
        format: file.format,
        crs: crs.epsg,
        rows: file.plots.length,
        valid: file.plots.length - failedRows,
        created: options.dryRun || errors.length ? 0 : ids.length,
        ids: options.dryRun || errors.length ? [] : ids,
        warnings,
        errors,
      };
      if (options.dryRun || errors.length) throw new RollBack(report);
      return report;
    });
  } catch (error) {
    if (error instanceof RollBack) return error.report;
    throw error;
  }
}

/** The plots' geometries as PostGIS reads them, in WGS 84: from the file's CRS, with a geometry type column. */
const transformed = (srid: string) => `ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(r.geometry), ${srid}), 4326)`;

interface GeometryCheck {
  /** Within longitude ±180 and latitude ±90 once transformed (a wrong crs can throw plots off the globe). */
  on_earth: boolean;
  valid: boolean;
  reason: string | null;
  repairable: boolean;
}

/** Validity of each candidate's geometry once in WGS 84, and whether ST_MakeValid repairs it into polygons. */
async function checkGeometries(tx: Queryable, candidates: Candidate[], crs: ResolvedCrs): Promise<Map<number, GeometryCheck>> {
  if (candidates.length === 0) return new Map();
  let rows: ({ n: number } & GeometryCheck)[];
  try {
    rows = await tx.query<{ n: number } & GeometryCheck>(
      `select n, on_earth, on_earth and valid as valid,
              case when on_earth and not valid then ST_IsValidReason(g) end as reason,
              case when not on_earth then false when valid then true else not ST_IsEmpty(ST_CollectionExtract(ST_MakeValid(g), 3)) end as repairable
         from (select n, g, on_earth, on_earth and ST_IsValid(g) as valid
                 from (select n, g, coalesce(ST_XMin(g) >= -180 and ST_XMax(g) <= 180 and ST_YMin(g) >= -90 and ST_YMax(g) <= 90, false) as on_earth
                 from (select r.n, ${transformed('$1::int')} as g
                         from json_to_recordset($2::json) as r(n int, geometry text)) parsed) placed) checked`,
      [crs.epsg, JSON.stringify(candidates.map((c) => ({ n: c.plot.row, geometry: c.geometry })))],
    );
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) throw error;
    throw new ProblemError(
      400,
      'Unreadable file',
      `The coordinates cannot be transformed from EPSG:${crs.epsg} (${crs.name}) to WGS 84 (${(error as Error).message}): is crs right?`,
    );
  }
  return new Map(rows.map(({ n, ...check }) => [n, check]));
}

/** Writes the plots (vacant; invalid ones repaired: only those asked for reach here); their ids by plot number. */
async function insertPlots(tx: Queryable, zoneId: number, srid: number, candidates: Candidate[]): Promise<Map<string, number>> {
  if (candidates.length === 0) return new Map();
  const rows = await tx.query<{ id: number; plot_number: string }>(
    `insert into zone_plots (zone_id, plot_number, activity_code, geom)
     select $1, plot_number, activity, ST_Multi(case when ST_IsValid(g) then g else ST_CollectionExtract(ST_MakeValid(g), 3) end)
       from (select r.n, r.plot_number, r.activity, ${transformed('$2::int')} as g
               from json_to_recordset($3::json) as r(n int, plot_number text, activity text, geometry text)) parsed
      order by n
     returning id, plot_number`,
    [zoneId, srid, JSON.stringify(candidates.map((c) => ({ n: c.plot.row, plot_number: c.number, activity: c.activity, geometry: c.geometry })))],
  );
  return new Map(rows.map((r) => [r.plot_number, Number(r.id)]));
}

async function anyTouchesZone(tx: Queryable, zoneId: number, ids: number[]): Promise<boolean> {
  const [row] = await tx.query<{ touches: boolean }>(
    `select exists (select 1 from zone_plots p join projects z on z.id = $1
                     where p.id = any($2::bigint[]) and p.geom && z.geom and ST_Intersects(p.geom, z.geom)) as touches`,
    [zoneId, ids],
  );
  return Boolean(row?.touches);
}
