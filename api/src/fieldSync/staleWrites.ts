import type { z } from '@hono/zod-openapi';
import { HeldForReview, type PlotStatusChange, type ProgressReportBody, type ProjectChangeWithBase } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import type { SignedInViewer } from '../access/Viewer.ts';
import { named } from '../http/openApiNames.ts';
import type { UploadedPhoto } from '../photos/photoUpload.ts';
import type { ProjectForWrite } from '../projects/loadProjectForWrite.ts';
import type { ZoneForWrite } from '../zones/zoneAccess.ts';
import { holdForReview } from './conflicts/holdForReview.ts';
import { plotValuesJson, projectValuesJson, untouched } from './currentValues.ts';
import type { WriteOutcome } from './idempotentWrite.ts';

/**
 * The `base` rule (issue 14), one place for the three writes that carry it: a write whose
 * `version` is stale is still applied when none of the values it changes moved since its writer
 * saw them (`base`); otherwise it is held for review (202, field_conflicts) and nothing of the
 * record changes. A stale write without a base keeps its 409; a current one is applied as ever.
 */

/** The 202 answer's schema, for the routes' OpenAPI. */
export const HELD_FOR_REVIEW = named(HeldForReview, 'HeldForReview');

/** What a route does with a write: apply it (perhaps as changed here), or answer that it was held. */
export type Judged<T> = { apply: T } | { held: WriteOutcome<HeldForReview> };

const PROGRESS_KEYS = ['status', 'physical_progress', 'financial_progress'] as const;

/**
 * A progress report, after loadProjectForWrite (told to skip its version check when the report
 * has a base): applied when current, or stale but its base untouched; else held with its photos.
 */
export async function judgeProgressReport(
  tx: Queryable,
  projectId: number,
  project: ProjectForWrite,
  report: ProgressReportBody,
  photos: readonly UploadedPhoto[],
  author: SignedInViewer,
): Promise<Judged<ProgressReportBody>> {
  const { base, version, photos: _refs, ...request } = report;
  if (!base || project.version === version || untouched(base, { ...project }, PROGRESS_KEYS)) return { apply: report };
  return {
    held: await holdForReview(tx, {
      kind: 'progress_report',
      projectId,
      authorId: author.userId,
      fieldDate: report.reported_on,
      baseVersion: version,
      base,
      proposed: { status: report.status, physical_progress: report.physical_progress, financial_progress: report.financial_progress },
      request,
      note: report.note ?? null,
      photos,
      versionNow: project.version,
    }),
  };
}

type Change = z.output<typeof ProjectChangeWithBase>;

/** A project change, after loadProjectForWrite (without its version check when the change has a base). */
export async function judgeProjectChange(tx: Queryable, projectId: number, project: ProjectForWrite, change: Change, author: SignedInViewer): Promise<Judged<Change>> {
  const { base, version, repair_geometry: _repair, ...request } = change;
  if (!base || project.version === version) return { apply: change };
  const keys = Object.keys(request).filter((key) => request[key as keyof typeof request] !== undefined);
  const [row] = await tx.query<{ current: Record<string, unknown> }>(`select ${projectValuesJson()} as current from projects p where p.id = $1`, [projectId]);
  if (untouched(base, row!.current, keys)) return { apply: change };
  return {
    held: await holdForReview(tx, {
      kind: 'project_edit',
      projectId,
      authorId: author.userId,
      baseVersion: version,
      base: Object.fromEntries(keys.map((key) => [key, base[key] ?? null])),
      proposed: request,
      request: { ...request, ...(change.repair_geometry === undefined ? {} : { repair_geometry: change.repair_geometry }) },
      versionNow: project.version,
    }),
  };
}

/**
 * A status change of plots, after loadZoneForWrite: when every stale plot carries a base and
 * none of them moved, applied at their current versions; when one without a base is stale,
 * applied as sent (lockPlots answers 409); when a base moved, the whole change is held.
 */
export async function judgePlotStatusChange(tx: Queryable, zone: ZoneForWrite, change: PlotStatusChange, author: SignedInViewer): Promise<Judged<PlotStatusChange>> {
  // Without any base there is nothing to judge: lockPlots checks the versions as it always did.
  if (!change.plots.some((ref) => ref.base)) return { apply: change };
  const ids = change.plots.map((plot) => plot.id);
  const rows = await tx.query<{ id: number; version: number; status: string; investor_id: number | null }>(
    'select id, version, status, investor_id from zone_plots where zone_id = $1 and id = any($2::bigint[]) order by id for update',
    [zone.id, ids],
  );
  const found = new Map(rows.map((row) => [row.id, row]));
  const stale = change.plots.filter((ref) => found.has(ref.id) && found.get(ref.id)!.version !== ref.version);
  if (!stale.length || stale.some((ref) => !ref.base)) return { apply: change };
  const seen = (ref: (typeof change.plots)[number]) => ref.base ?? { status: found.get(ref.id)?.status, investor_id: found.get(ref.id)?.investor_id ?? null };
  const moved = stale.filter((ref) => !untouched(ref.base!, found.get(ref.id)!, ['status', 'investor_id']));
  if (!moved.length) {
    return { apply: { ...change, plots: change.plots.map((ref) => ({ id: ref.id, version: found.get(ref.id)?.version ?? ref.version })) } };
  }
  const { plots, ...rest } = change;
  const [current] = await tx.query<{ plots: Record<string, { status: string; investor_id: number | null }> }>(`select ${plotValuesJson('$1::bigint[]')} as plots`, [ids]);
  return {
    held: await holdForReview(tx, {
      kind: 'plot_status',
      projectId: zone.id,
      plotIds: ids,
      authorId: author.userId,
      baseVersion: Math.min(...stale.map((ref) => ref.version)),
      base: Object.fromEntries(plots.map((ref) => [String(ref.id), seen(ref)])),
      proposed: Object.fromEntries(
        plots.map((ref) => [String(ref.id), { status: change.status, investor_id: change.status === 'vacant' ? null : (change.investor_id ?? current!.plots[String(ref.id)]?.investor_id ?? null) }]),
      ),
      request: { ...rest, plots: plots.map((ref) => ({ id: ref.id })) },
      note: change.note ?? null,
      versionNow: zone.version,
    }),
  };
}
