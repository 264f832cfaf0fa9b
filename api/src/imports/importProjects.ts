import { DatabaseUnavailableError, withActor, type Database, type Queryable } from '@marsad/db';
import type { Viewer } from '../access/Viewer.ts';
import { invalidParameter, ProblemError } from '../http/problems.ts';
import { GeoJsonGeometry, MAX_GEOMETRY_POSITIONS, ProjectFields, tooManyPositions } from '@marsad/contracts';
import { checkGeometry } from '../projects/geometryInput.ts';
import { insertProject } from '../projects/writeQueries.ts';
import { countWktPositions } from './countPositions.ts';
import type { UploadRow } from './readUpload.ts';

export interface RowError {
  row: number;
  field: string;
  message: string;
}

export interface ImportOutcome {
  rows: number;
  errors: RowError[];
  ids: number[];
}

/** Thrown to roll the import's transaction back once its outcome is known. */
class RollBack extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super('import rolled back');
  }
}

/**
 * Inserts every row in one transaction, each behind a savepoint so that one row's failure
 * (fields, geometry, governorate, write rule, a taken code) is reported and the next is still
 * tried. The transaction is kept only when `commit` is asked and no row failed: a dry run does
 * exactly the same work against the real database, then undoes it.
 */
export async function importProjects(
  db: Database,
  viewer: Extract<Viewer, { kind: 'user' }>,
  rows: UploadRow[],
  options: { commit: boolean; repair: boolean },
): Promise<ImportOutcome> {
  try {
    return await withActor(db, viewer.userId, async (tx) => {
      const outcome: ImportOutcome = { rows: rows.length, errors: [], ids: [] };
      for (const row of rows) {
        const errors = await importRow(tx, viewer, row, options.repair, outcome.ids);
        outcome.errors.push(...errors);
      }
      if (!options.commit || outcome.errors.length) throw new RollBack(outcome);
      return outcome;
    });
  } catch (error) {
    if (error instanceof RollBack) return error.outcome;
    throw error;
  }
}

async function importRow(tx: Queryable, viewer: Viewer, row: UploadRow, repair: boolean, ids: number[]): Promise<RowError[]> {
  // The same rules as POST /api/projects; the geometry comes from the file.
  const fields = ProjectFields.safeParse(row.properties);
  const errors: RowError[] = fields.success
    ? []
    : fields.error.issues.map((issue) => ({ row: row.row, field: issue.path.join('.') || '(row)', message: issue.message }));
  if ('error' in row.geometry) return [...errors, { row: row.row, ...row.geometry.error }];
  await tx.query('savepoint import_row');
  try {
    const geometry = await geometryOf(tx, row);
    const checked = await checkGeometry(tx, geometry, repair);
    if (!fields.success) return errors;
    const inserted = await insertProject(tx, viewer, fields.data, checked.geojson);
    ids.push(inserted.id);
    return errors;
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) throw error; // the database is away: not the row's fault
    await tx.query('rollback to savepoint import_row');
    return [...errors, rowError(row.row, error)];
  } finally {
    await tx.query('release savepoint import_row');
  }
}

async function geometryOf(tx: Queryable, row: UploadRow): Promise<unknown> {
  if ('wkt' in row.geometry) {
    // Counted before PostGIS reads it: the limit is there to spare PostGIS the work.
    const positions = countWktPositions(row.geometry.wkt);
    if (positions > MAX_GEOMETRY_POSITIONS) {
      const { message } = tooManyPositions(positions);
      throw invalidParameter('wkt', message);
    }
    try {
      const [read] = await tx.query<{ geojson: string }>('select ST_AsGeoJSON(ST_GeomFromText($1)) as geojson', [row.geometry.wkt]);
      return JSON.parse(read!.geojson);
    } catch (error) {
      if (error instanceof DatabaseUnavailableError) throw error;
      const reason = (error as Error).message;
      throw invalidParameter('wkt', `cannot be read as WKT (${reason})`, { detail: `wkt: cannot be read (${reason})` });
    }
  }
  const parsed = GeoJsonGeometry.safeParse('geojson' in row.geometry ? row.geometry.geojson : null);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'is not a GeoJSON geometry';
    throw invalidParameter('geometry', message);
  }
  return parsed.data;
}

/** A row's failure as the client's error it is: which field, and why. */
function rowError(row: number, error: unknown): RowError {
  if (error instanceof ProblemError) {
    const first = error.problem.errors?.[0];
    return { row, field: first?.parameter ?? 'geometry', message: first?.message ?? error.message };
  }
  const { constraint, code, message } = error as { constraint?: string; code?: string; message?: string };
  if (constraint === 'projects_inside_admin_area' || /outside every governorate/.test(String(message))) {
    return { row, field: 'geometry', message: 'lies outside every governorate' };
  }
  if (code === '23505') return { row, field: 'code', message: 'is taken (by an existing project or an earlier row)' };
  if (code === '23514' && /planned/.test(String(constraint ?? message))) return { row, field: 'planned_end', message: 'must not be before planned_start' };
  return { row, field: '(row)', message: String(message ?? error) };
}
