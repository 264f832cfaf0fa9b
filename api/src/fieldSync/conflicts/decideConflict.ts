import type { z } from '@hono/zod-openapi';
import type { ConflictKind, PhotoType, PlotStatusChange, ProgressReportBody, ProjectChangeWithBase, ProjectStatus } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { conflictDecidability, conflictVisibility } from '../../access/conflictAccess.ts';
import type { SignedInViewer } from '../../access/Viewer.ts';
import { conflict, forbidden, invalidParameter, notFound, unprocessable } from '../../http/problems.ts';
import type { UploadedPhoto } from '../../photos/photoUpload.ts';
import { loadProjectForWrite } from '../../projects/loadProjectForWrite.ts';
import { insertProgressReport } from '../../projects/progress/queries.ts';
import { assertStatusMove } from '../../projects/progress/statusMove.ts';
import { changeProject } from '../../projects/writeQueries.ts';
import { SqlParams } from '../../sql/SqlParams.ts';
import { assertUtilitiesAllowed } from '../../zones/utilities/utilityReports.ts';
import { changePlotStatus } from '../../zones/plots/plotWrites.ts';
import { loadZoneForWrite } from '../../zones/zoneAccess.ts';

/**
 * Accepting or rejecting a held write, in the decider's transaction (withActor: audited). Accept
 * applies the proposal through the same code as a fresh write at the version current now, as the
 * decider, so the write rule and the lifecycle rules still judge it: a refusal rolls everything
 * back and the conflict stays pending. A report accepted keeps its original date and author and
 * becomes the project's current state (migration 0024).
 */

interface PendingConflict {
  id: number;
  kind: ConflictKind;
  project_id: number;
  plot_ids: (number | string)[];
  author_id: number | null;
  field_date: string;
  request: Record<string, unknown>;
}

/** Locks conflict `id` for a decision: 404 if `decider` may not see it, 403 if they may not decide it, 409 if already decided. */
async function lockPending(tx: Queryable, id: number, decider: SignedInViewer): Promise<PendingConflict> {
  const params = new SqlParams([id]);
  const [row] = await tx.query<PendingConflict & { state: string; decidable: boolean }>(
    `select c.id, c.kind, c.state, c.project_id, c.plot_ids, c.author_id, c.field_date, c.request, (${conflictDecidability(decider, params)}) as decidable
       from field_conflicts c join projects p on p.id = c.project_id
      where c.id = $1 and ${conflictVisibility(decider, params)}
        for update of c`,
    params.values,
  );
  if (!row) throw notFound(`No conflict ${id} is visible to you`);
  if (!row.decidable) throw forbidden(`You may not decide conflict ${id}: only admins and the engineers of its governorate may`);
  if (row.state !== 'pending') throw conflict(`Conflict ${id} was already ${row.state}: reload it`);
  return row;
}

async function applyReport(tx: Queryable, held: PendingConflict, decider: SignedInViewer): Promise<number> {
  const project = await loadProjectForWrite(tx, held.project_id, decider);
  const report = { ...held.request, version: project.version } as ProgressReportBody;
  assertStatusMove(project.status, report.status as ProjectStatus);
  await assertUtilitiesAllowed(tx, held.project_id, report.utilities);
  const rows = await tx.query<{ content_type: PhotoType; width: number; height: number; bytes: Uint8Array }>(
    'select content_type, width, height, bytes from field_conflict_photos where conflict_id = $1 order by position',
    [held.id],
  );
  const photos: UploadedPhoto[] = rows.map((row) => ({ contentType: row.content_type, width: row.width, height: row.height, bytes: row.bytes }));
  const recorded = await insertProgressReport(tx, held.project_id, report, photos, { userId: held.author_id ?? decider.userId }, { acceptedOnReview: true });
  return recorded.id;
}

async function applyEdit(tx: Queryable, held: PendingConflict, decider: SignedInViewer): Promise<void> {
  const project = await loadProjectForWrite(tx, held.project_id, decider);
  await changeProject(tx, held.project_id, decider, { ...held.request, version: project.version } as z.output<typeof ProjectChangeWithBase>);
}

async function applyPlotStatus(tx: Queryable, held: PendingConflict, decider: SignedInViewer): Promise<void> {
  const zone = await loadZoneForWrite(tx, held.project_id, decider, 'change the plots of');
  const ids = held.plot_ids.map(Number);
  const rows = await tx.query<{ id: number; version: number }>('select id, version from zone_plots where zone_id = $1 and id = any($2::bigint[])', [zone.id, ids]);
  const versions = new Map(rows.map((row) => [row.id, row.version]));
  const gone = ids.filter((id) => !versions.has(id));
  if (gone.length) {
    throw unprocessable(`Plot${gone.length > 1 ? 's' : ''} ${gone.join(', ')} no longer exist${gone.length > 1 ? '' : 's'} (split, merged or deleted since): reject this conflict and change the plots as they are now`);
  }
  const change = { ...held.request, plots: ids.map((id) => ({ id, version: versions.get(id)! })) } as PlotStatusChange;
  await changePlotStatus(tx, zone, decider, change);
}

/** Accepts conflict `id`: applies it, then records the decision. */
export async function acceptConflict(tx: Queryable, id: number, decider: SignedInViewer, note: string | undefined): Promise<void> {
  const held = await lockPending(tx, id, decider);
  let reportId: number | null = null;
  if (held.kind === 'progress_report') reportId = await applyReport(tx, held, decider);
  else if (held.kind === 'project_edit') await applyEdit(tx, held, decider);
  else await applyPlotStatus(tx, held, decider);
  await tx.query(
    `update field_conflicts set state = 'accepted', decided_by = $2, decided_at = now(), decision_note = $3, applied_report_id = $4 where id = $1`,
    [id, decider.userId, note ?? null, reportId],
  );
}

/** Rejects conflict `id`, saying why: the held write stays on record (note, photos), applied never. */
export async function rejectConflict(tx: Queryable, id: number, decider: SignedInViewer, note: string | undefined): Promise<void> {
  if (!note) throw invalidParameter('note', 'say why the held write is rejected: its writer reads it');
  await lockPending(tx, id, decider);
  await tx.query(`update field_conflicts set state = 'rejected', decided_by = $2, decided_at = now(), decision_note = $3 where id = $1`, [id, decider.userId, note]);
}
