import type { ConflictState, FieldConflict, PhotoType } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { conflictVisibility } from '../../access/conflictAccess.ts';
import type { Viewer } from '../../access/Viewer.ts';
import { SqlParams } from '../../sql/SqlParams.ts';
import { plotValuesJson, progressValuesJson, projectValuesJson } from '../currentValues.ts';

/** The SQL of reading field conflicts (table field_conflicts, migration 0024), always through conflictVisibility. */

export const conflictPhotoUrl = (conflictId: number, photoId: number) => `/api/conflicts/${conflictId}/photos/${photoId}`;

/** `current` of conflict `c` on project `p`: the values its write changes, as they stand now. */
const CURRENT = `case c.kind
    when 'progress_report' then ${progressValuesJson('p')}
    when 'project_edit' then (select coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb)
                                from jsonb_each(${projectValuesJson('p')}) e where c.proposed ? e.key)
    else ${plotValuesJson('c.plot_ids')} end`;

const COLUMNS = `c.id, c.kind, c.state,
    json_build_object('id', p.id, 'code', p.code, 'title_ar', p.title_ar, 'title_en', p.title_en, 'governorate', a.code) as project,
    c.plot_ids, author.display_name as author, c.field_date, c.received_at, c.base_version, c.base, ${CURRENT} as current, c.proposed, c.note,
    coalesce((select json_agg(json_build_object('id', ph.id, 'position', ph.position, 'content_type', ph.content_type,
                                                'byte_size', ph.byte_size, 'width', ph.width, 'height', ph.height) order by ph.position)
                from field_conflict_photos ph where ph.conflict_id = c.id), '[]'::json) as photos,
    decider.display_name as decided_by, c.decided_at, c.decision_note, c.applied_report_id`;

const FROM = `field_conflicts c join projects p on p.id = c.project_id join admin_areas a on a.id = p.admin_area_id
    left join users author on author.id = c.author_id left join users decider on decider.id = c.decided_by`;

type Row = Omit<FieldConflict, 'photos' | 'plot_ids'> & { plot_ids: (number | string)[]; photos: Omit<FieldConflict['photos'][number], 'url'>[] };

const toConflict = (row: Row): FieldConflict => ({
  ...row,
  plot_ids: row.plot_ids.map(Number),
  photos: row.photos.map((photo) => ({ ...photo, url: conflictPhotoUrl(row.id, photo.id) })),
});

export interface ConflictFilters {
  state?: ConflictState;
  project?: number;
}

/** The conflicts `viewer` may see, newest first. */
export async function findConflicts(db: Queryable, viewer: Viewer, filters: ConflictFilters, page: { limit: number; offset: number }): Promise<{ total: number; items: FieldConflict[] }> {
  const params = new SqlParams();
  const where = [conflictVisibility(viewer, params)];
  if (filters.state) where.push(`c.state = ${params.add(filters.state)}`);
  if (filters.project !== undefined) where.push(`c.project_id = ${params.add(filters.project)}`);
  const [count] = await db.query<{ total: number }>(`select count(*) as total from ${FROM} where ${where.join(' and ')}`, params.values);
  const rows = await db.query<Row>(
    `select ${COLUMNS} from ${FROM} where ${where.join(' and ')} order by c.received_at desc, c.id desc limit ${params.add(page.limit)} offset ${params.add(page.offset)}`,
    params.values,
  );
  return { total: count!.total, items: rows.map(toConflict) };
}

/** How many conflicts `viewer` may see are waiting for a decision. */
export async function countPendingConflicts(db: Queryable, viewer: Viewer): Promise<number> {
  const params = new SqlParams();
  const [row] = await db.query<{ pending: number }>(
    `select count(*) as pending from field_conflicts c join projects p on p.id = c.project_id where c.state = 'pending' and ${conflictVisibility(viewer, params)}`,
    params.values,
  );
  return row!.pending;
}

/** One conflict if `viewer` may see it; a hidden one and a missing one look alike. */
export async function findConflict(db: Queryable, id: number, viewer: Viewer): Promise<FieldConflict | undefined> {
  const params = new SqlParams([id]);
  const [row] = await db.query<Row>(`select ${COLUMNS} from ${FROM} where c.id = $1 and ${conflictVisibility(viewer, params)}`, params.values);
  return row && toConflict(row);
}

/** One held photo's bytes if `viewer` may see its conflict. */
export async function findConflictPhoto(db: Queryable, conflictId: number, photoId: number, viewer: Viewer): Promise<{ content_type: PhotoType; sha256: string; bytes: Uint8Array } | undefined> {
  const params = new SqlParams([conflictId, photoId]);
  const [row] = await db.query<{ content_type: PhotoType; sha256: string; bytes: Uint8Array }>(
    `select ph.content_type, ph.sha256, ph.bytes
       from field_conflict_photos ph join field_conflicts c on c.id = ph.conflict_id join projects p on p.id = c.project_id
      where ph.conflict_id = $1 and ph.id = $2 and ${conflictVisibility(viewer, params)}`,
    params.values,
  );
  return row;
}
