import type { PhotoUploadState } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import type { ImageFacts } from '../imageFacts.ts';

/**
 * The SQL of photo uploads (table photo_uploads, migration 0025): one row per user and SHA-256,
 * its bytes growing part by part until they are the whole photo. Every statement names the user:
 * an upload is never seen or touched by anyone else.
 */

/** Unfinished uploads a user may hold; starting one more drops their least recently touched. */
export const OPEN_UPLOADS_PER_USER = 8;
/** Complete uploads kept per user; completing one more drops their least recently touched. */
export const COMPLETE_UPLOADS_PER_USER = 32;
/** Unfinished uploads untouched this long are dropped (the device started over or gave up). */
export const OPEN_UPLOAD_DAYS = 7;
/** Complete uploads untouched this long are dropped (a report names its photos right after sending them). */
export const COMPLETE_UPLOAD_DAYS = 30;
/** How many stale uploads one new upload prunes at most: each write pays a little, never a sweep. */
const PRUNE_BATCH = 50;

const STATE_COLUMNS = `sha256, byte_size, received, completed_at is not null as complete, content_type, width, height`;

/** The state of a user's upload of `sha256`, or undefined; `lock` holds it until the transaction ends. */
export async function findUploadState(db: Queryable, userId: number, sha256: string, lock = false): Promise<PhotoUploadState | undefined> {
  const [row] = await db.query<PhotoUploadState>(
    `select ${STATE_COLUMNS} from photo_uploads where user_id = $1 and sha256 = $2${lock ? ' for update' : ''}`,
    [userId, sha256],
  );
  return row;
}

/** Starts an upload of `byteSize` bytes, unless the user already has one of `sha256`; true when it is new. */
export async function startUpload(tx: Queryable, userId: number, sha256: string, byteSize: number): Promise<boolean> {
  const created = await tx.query(
    `insert into photo_uploads (user_id, sha256, byte_size) values ($1, $2, $3)
     on conflict (user_id, sha256) do nothing returning 1`,
    [userId, sha256, byteSize],
  );
  return created.length > 0;
}

/** Appends a part at the end of what the upload holds (the caller checked it starts there). */
export async function appendPart(tx: Queryable, userId: number, sha256: string, part: Uint8Array): Promise<PhotoUploadState> {
  const [row] = await tx.query<PhotoUploadState>(
    `update photo_uploads set bytes = bytes || $3, updated_at = now()
      where user_id = $1 and sha256 = $2 returning ${STATE_COLUMNS}`,
    [userId, sha256, part],
  );
  return row!;
}

/** The bytes held so far (the whole photo once the last part is in). */
export async function uploadBytes(tx: Queryable, userId: number, sha256: string): Promise<Uint8Array> {
  const [row] = await tx.query<{ bytes: Uint8Array }>('select bytes from photo_uploads where user_id = $1 and sha256 = $2', [userId, sha256]);
  return row!.bytes;
}

/** Marks the upload complete with what its bytes are; the table checks once more that they hash to its name. */
export async function completeUpload(tx: Queryable, userId: number, sha256: string, facts: ImageFacts): Promise<PhotoUploadState> {
  const [row] = await tx.query<PhotoUploadState>(
    `update photo_uploads set content_type = $3, width = $4, height = $5, completed_at = now(), updated_at = now()
      where user_id = $1 and sha256 = $2 returning ${STATE_COLUMNS}`,
    [userId, sha256, facts.contentType, facts.width, facts.height],
  );
  return row!;
}

/** Empties the upload: the next part must start from byte 0 again. */
export async function restartUpload(tx: Queryable, userId: number, sha256: string): Promise<PhotoUploadState> {
  const [row] = await tx.query<PhotoUploadState>(
    `update photo_uploads set bytes = ''::bytea, updated_at = now() where user_id = $1 and sha256 = $2 returning ${STATE_COLUMNS}`,
    [userId, sha256],
  );
  return row!;
}

export async function dropUpload(tx: Queryable, userId: number, sha256: string): Promise<void> {
  await tx.query('delete from photo_uploads where user_id = $1 and sha256 = $2', [userId, sha256]);
}

/**
 * Keeps a user within OPEN_UPLOADS_PER_USER (or COMPLETE_UPLOADS_PER_USER) uploads of that kind:
 * drops the least recently touched beyond it, never `keep` (the one just started or completed).
 */
export async function dropBeyondLimit(tx: Queryable, userId: number, kind: 'open' | 'complete', keep: string): Promise<void> {
  const limit = kind === 'open' ? OPEN_UPLOADS_PER_USER : COMPLETE_UPLOADS_PER_USER;
  await tx.query(
    `delete from photo_uploads
      where user_id = $1 and sha256 in (
        select sha256 from photo_uploads
         where user_id = $1 and sha256 <> $2 and (completed_at is null) = $3
         order by updated_at desc, sha256
        offset $4)`,
    [userId, keep, kind === 'open', limit - 1],
  );
}

/** Drops a batch of anyone's stale uploads: unfinished ones after OPEN_UPLOAD_DAYS, complete ones after COMPLETE_UPLOAD_DAYS. */
export async function pruneStaleUploads(tx: Queryable): Promise<void> {
  await tx.query(
    `delete from photo_uploads
      where (user_id, sha256) in (
        select user_id, sha256 from photo_uploads
         where updated_at < now() - make_interval(days => $1)
           and (completed_at is null or updated_at < now() - make_interval(days => $2))
         limit $3)`,
    [OPEN_UPLOAD_DAYS, COMPLETE_UPLOAD_DAYS, PRUNE_BATCH],
  );
}

/** A user's uploads of these hashes, with the bytes of the complete ones. */
export async function uploadsByHash(
  db: Queryable,
  userId: number,
  hashes: readonly string[],
): Promise<Map<string, PhotoUploadState & { bytes: Uint8Array | null }>> {
  if (!hashes.length) return new Map();
  const rows = await db.query<PhotoUploadState & { bytes: Uint8Array | null }>(
    `select ${STATE_COLUMNS}, case when completed_at is not null then bytes end as bytes
       from photo_uploads where user_id = $1 and sha256 = any($2::text[])`,
    [userId, hashes],
  );
  return new Map(rows.map((row) => [row.sha256, row]));
}
