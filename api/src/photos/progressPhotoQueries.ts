import type { Queryable } from '@marsad/db';
import type { Viewer } from '../access/Viewer.ts';
import { projectFilterSql } from '../projects/projectFilterSql.ts';
import { SqlParams } from '../sql/SqlParams.ts';
import type { PhotoType } from './imageFacts.ts';
import type { PhotoMetadata, ProgressReportListing } from './ProgressReportListing.ts';
import type { UploadedPhoto } from './photoUpload.ts';

type PhotoRow = Omit<PhotoMetadata, 'url'>;

export const photoUrl = (projectId: number, updateId: number, photoId: number) => `/api/projects/${projectId}/progress/${updateId}/photos/${photoId}`;

const withUrl = (projectId: number, updateId: number) => (row: PhotoRow): PhotoMetadata => ({ ...row, url: photoUrl(projectId, updateId, row.id) });

const PHOTO_JSON = `json_build_object('id', ph.id, 'position', ph.position, 'content_type', ph.content_type,
                                     'byte_size', ph.byte_size, 'width', ph.width, 'height', ph.height)`;

/** Stores a report's photos in the report's transaction, numbered from 1 in the order sent. */
export async function insertProgressPhotos(tx: Queryable, projectId: number, updateId: number, photos: readonly UploadedPhoto[], authorId: number): Promise<PhotoMetadata[]> {
  const stored: PhotoMetadata[] = [];
  for (const [i, photo] of photos.entries()) {
    // project_id is filled from the update by the table's trigger.
    const [row] = await tx.query<PhotoRow>(
      `insert into progress_photos (update_id, position, content_type, width, height, bytes, created_by)
       values ($1, $2, $3, $4, $5, $6, $7)
       returning id, position, content_type, byte_size, width, height`,
      [updateId, i + 1, photo.contentType, photo.width, photo.height, photo.bytes, authorId],
    );
    stored.push(withUrl(projectId, updateId)(row!));
  }
  return stored;
}

/** A project's progress reports, newest first, each with its photos; call after `isProjectVisible`. */
export async function listProgressReports(db: Queryable, projectId: number): Promise<ProgressReportListing[]> {
  const rows = await db.query<Omit<ProgressReportListing, 'photos'> & { photos: PhotoRow[] }>(
    `select u.id, u.reported_on, u.status, u.physical_progress, u.financial_progress, u.note, author.display_name as author,
            coalesce((select json_agg(${PHOTO_JSON} order by ph.position)
                        from progress_photos ph where ph.update_id = u.id), '[]'::json) as photos
       from progress_updates u left join users author on author.id = u.author_id
      where u.project_id = $1
      order by u.reported_on desc, u.id desc`,
    [projectId],
  );
  return rows.map((row) => ({ ...row, photos: row.photos.map(withUrl(projectId, row.id)) }));
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
  ids: { projectId: number; updateId: number; photoId: number },
  viewer: Viewer,
  knownSha256: string | null,
): Promise<PhotoContent | undefined> {
  const params = new SqlParams([ids.photoId, ids.updateId, ids.projectId, knownSha256]);
  const [row] = await db.query<PhotoContent>(
    `select ph.content_type, ph.sha256, case when ph.sha256 = $4 then null else ph.bytes end as bytes
       from progress_photos ph join projects p on p.id = ph.project_id
      where ph.id = $1 and ph.update_id = $2 and ph.project_id = $3 and ${projectFilterSql({}, viewer, params)}`,
    params.values,
  );
  return row;
}
