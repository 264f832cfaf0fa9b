import type { PhotoType, ProgressPhoto, ProgressReport, ProgressReportBody } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import type { SignedInViewer, Viewer } from '../../access/Viewer.ts';
import type { UploadedPhoto } from '../../photos/photoUpload.ts';
import { SqlParams } from '../../sql/SqlParams.ts';
import { insertUtilityLines, utilityLinesJson } from '../../zones/utilities/utilityReports.ts';
import { projectFilterSql } from '../projectFilterSql.ts';

/**
 * The SQL of progress reports (table progress_updates, append-only; migration 0006), their
 * photos (progress_photos, migration 0013) and, for zones, their utility lines (zone_utility_reports,
 * migration 0021; see zones/utilities).
 */

type PhotoRow = Omit<ProgressPhoto, 'url'>;

export const photoUrl = (projectId: number, reportId: number, photoId: number) => `/api/projects/${projectId}/progress/${reportId}/photos/${photoId}`;

const withUrl = (projectId: number, reportId: number) => (row: PhotoRow): ProgressPhoto => ({ ...row, url: photoUrl(projectId, reportId, row.id) });

const PHOTO_JSON = `json_build_object('id', ph.id, 'position', ph.position, 'content_type', ph.content_type,
                                     'byte_size', ph.byte_size, 'width', ph.width, 'height', ph.height)`;

/**
 * "Today" is the reporter's, and the server does not know their time zone: a report dated the
 * local day in Damascus at 01:00 is still yesterday in UTC. Only a date that has begun nowhere on
 * Earth yet (ahead of UTC+14) is in the future.
 */
export async function todayAnywhere(db: Queryable): Promise<string> {
  const [row] = await db.query<{ today: string }>(`select (now() at time zone 'Etc/GMT-14')::date::text as today`);
  return row!.today;
}

/**
 * Records a report, its photos and a zone's utility lines in the writer's transaction (after
 * loadProjectForWrite and assertUtilitiesAllowed); the history's trigger moves the project to the
 * reported state and a new version, returned here. A held report accepted on review
 * (`acceptedOnReview`) becomes the current state whatever its date (migration 0024).
 */
export async function insertProgressReport(
  tx: Queryable,
  projectId: number,
  report: ProgressReportBody,
  photos: readonly UploadedPhoto[],
  author: Pick<SignedInViewer, 'userId'>,
  { acceptedOnReview = false } = {},
): Promise<{ id: number; version: number; photos: ProgressPhoto[] }> {
  const [inserted] = await tx.query<{ id: number }>(
    `insert into progress_updates (project_id, reported_on, status, physical_progress, financial_progress, note, author_id, accepted_on_review)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [projectId, report.reported_on, report.status, report.physical_progress, report.financial_progress, report.note ?? null, author.userId, acceptedOnReview],
  );
  const stored = await insertProgressPhotos(tx, projectId, inserted!.id, photos, author.userId);
  await insertUtilityLines(tx, projectId, inserted!.id, report.utilities);
  const [after] = await tx.query<{ version: number }>('select version from projects where id = $1', [projectId]);
  return { id: inserted!.id, version: after!.version, photos: stored };
}

/** Stores a report's photos in the report's transaction, numbered from 1 in the order sent. */
async function insertProgressPhotos(tx: Queryable, projectId: number, reportId: number, photos: readonly UploadedPhoto[], authorId: number): Promise<ProgressPhoto[]> {
  const stored: ProgressPhoto[] = [];
  for (const [i, photo] of photos.entries()) {
    // project_id is filled from the update by the table's trigger.
    const [row] = await tx.query<PhotoRow>(
      `insert into progress_photos (update_id, position, content_type, width, height, bytes, created_by)
       values ($1, $2, $3, $4, $5, $6, $7)
       returning id, position, content_type, byte_size, width, height`,
      [reportId, i + 1, photo.contentType, photo.width, photo.height, photo.bytes, authorId],
    );
    stored.push(withUrl(projectId, reportId)(row!));
  }
  return stored;
}

type ReportRow = Omit<ProgressReport, 'photos'> & { photos: PhotoRow[] };

/** The columns of a ProgressReport from progress_updates `u` (its author joined as `author`). */
const REPORT_COLUMNS = `u.id, u.reported_on, u.status, u.physical_progress, u.financial_progress, u.note, author.display_name as author,
            coalesce((select json_agg(${PHOTO_JSON} order by ph.position)
                        from progress_photos ph where ph.update_id = u.id), '[]'::json) as photos,
            ${utilityLinesJson('u.id')} as utilities`;

const withPhotoUrls = (projectId: number) => (row: ReportRow): ProgressReport => ({ ...row, photos: row.photos.map(withUrl(projectId, row.id)) });

/** A project's progress reports, newest first, each with its photos and utility lines; call after `isProjectVisible`. */
export async function listProgressReports(db: Queryable, projectId: number): Promise<ProgressReport[]> {
  const rows = await db.query<ReportRow>(
    `select ${REPORT_COLUMNS}
       from progress_updates u left join users author on author.id = u.author_id
      where u.project_id = $1
      order by u.reported_on desc, u.id desc`,
    [projectId],
  );
  return rows.map(withPhotoUrls(projectId));
}

/** Some of a project's progress reports, by id (in no particular order); call after `isProjectVisible`. */
export async function progressReportsById(db: Queryable, projectId: number, ids: readonly number[]): Promise<Map<number, ProgressReport>> {
  if (!ids.length) return new Map();
  const rows = await db.query<ReportRow>(
    `select ${REPORT_COLUMNS}
       from progress_updates u left join users author on author.id = u.author_id
      where u.project_id = $1 and u.id = any($2::bigint[])`,
    [projectId, ids],
  );
  return new Map(rows.map(withPhotoUrls(projectId)).map((report) => [report.id, report]));
}

export interface PhotoContent {
  content_type: PhotoType;
  sha256: string;
  /** Left out when the caller already holds these bytes (`knownSha256` matched). */
  bytes: Uint8Array | null;
}

/**
 * One photo's bytes if the viewer may see its project (the same rule as the project itself), or
 * undefined: a hidden project's photo and a missing one look alike.
 */
export async function findPhotoContent(
  db: Queryable,
  ids: { projectId: number; reportId: number; photoId: number },
  viewer: Viewer,
  knownSha256: string | null,
): Promise<PhotoContent | undefined> {
  const params = new SqlParams([ids.photoId, ids.reportId, ids.projectId, knownSha256]);
  const [row] = await db.query<PhotoContent>(
    `select ph.content_type, ph.sha256, case when ph.sha256 = $4 then null else ph.bytes end as bytes
       from progress_photos ph join projects p on p.id = ph.project_id
      where ph.id = $1 and ph.update_id = $2 and ph.project_id = $3 and ${projectFilterSql({}, viewer, params)}`,
    params.values,
  );
  return row;
}
