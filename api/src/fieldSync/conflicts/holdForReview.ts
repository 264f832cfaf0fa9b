import type { ConflictKind, HeldForReview } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import type { UploadedPhoto } from '../../photos/photoUpload.ts';
import type { WriteOutcome } from '../idempotentWrite.ts';

/** A write to keep for review instead of applying (table field_conflicts, migration 0024). */
export interface HeldWrite {
  kind: ConflictKind;
  projectId: number;
  plotIds?: readonly number[];
  authorId: number;
  /** A report's reported_on; other writes are dated the day they arrive. */
  fieldDate?: string;
  baseVersion: number;
  base: Record<string, unknown> | null;
  proposed: Record<string, unknown>;
  /** The write as validated, applied on accept at the version current then. */
  request: Record<string, unknown>;
  note?: string | null;
  photos?: readonly UploadedPhoto[];
  /** The version of what was written, unchanged: the answer's `version`. */
  versionNow: number;
}

/** Stores a held write and its photos in the writer's transaction (audited); answers 202 HeldForReview. */
export async function holdForReview(tx: Queryable, held: HeldWrite): Promise<WriteOutcome<HeldForReview>> {
  const [row] = await tx.query<{ id: number }>(
    `insert into field_conflicts (kind, project_id, plot_ids, author_id, field_date, base_version, base, proposed, request, note)
     values ($1, $2, $3::bigint[], $4, coalesce($5::date, (now() at time zone 'UTC')::date), $6, $7::jsonb, $8::jsonb, $9::jsonb, $10)
     returning id`,
    [
      held.kind,
      held.projectId,
      held.plotIds ?? [],
      held.authorId,
      held.fieldDate ?? null,
      held.baseVersion,
      held.base === null ? null : JSON.stringify(held.base),
      JSON.stringify(held.proposed),
      JSON.stringify(held.request),
      held.note ?? null,
    ],
  );
  for (const [i, photo] of (held.photos ?? []).entries()) {
    await tx.query(
      `insert into field_conflict_photos (conflict_id, project_id, position, content_type, width, height, bytes) values ($1, $2, $3, $4, $5, $6, $7)`,
      [row!.id, held.projectId, i + 1, photo.contentType, photo.width, photo.height, photo.bytes],
    );
  }
  return { status: 202, body: { outcome: 'held', conflict_id: row!.id, version: held.versionNow } };
}
