import type { PlotStatusChange, ProgressBase, ProgressReportBody } from '@marsad/contracts';

/**
 * One write waiting on the device (issue 14). Its `id` is the `Idempotency-Key` it is sent with,
 * chosen when it is made: however often it is sent again, the server applies it once. It keeps the
 * version and the values (`base`) its form showed, so a write overtaken by someone else's is held
 * for review instead of overwriting theirs.
 */
export const OUTBOX_KINDS = ['progress_report', 'project_edit', 'plot_status'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** waiting → sending → sent (applied) | held (stored, needs review) | refused (with the reason); sending again → waiting. */
export const OUTBOX_STATES = ['waiting', 'sending', 'sent', 'held', 'refused'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** A project change as the editor sends it, with what it saw of the fields it changes. */
export type ProjectEditBody = Record<string, unknown> & { version: number; base: Record<string, unknown> };
/** A plot's version and what the dialog showed of it. */
export interface PlotBase {
  status: string;
  investor_id: number | null;
}
export type PlotStatusBody = Omit<PlotStatusChange, 'plots'> & { plots: { id: number; version: number; base: PlotBase }[] };
export type ProgressBody = Omit<ProgressReportBody, 'photos' | 'base'> & { base: ProgressBase };

/** A photo of a report: its bytes are sealed apart from the item (they are large and never change). */
export interface OutboxPhotoFacts {
  sha256: string;
  type: string;
  size: number;
}

export type OutboxWrite =
  | { kind: 'progress_report'; projectId: number; body: ProgressBody }
  | { kind: 'project_edit'; projectId: number; body: ProjectEditBody }
  | { kind: 'plot_status'; zoneId: number; body: PlotStatusBody };

/** What the server answered last (or, with `status` null, that it did not answer). */
export interface OutboxOutcome {
  status: number | null;
  /** held: the conflict to review. */
  conflictId?: number;
  /** refused or failed: the problem's detail (the API's own words). */
  detail?: string;
  /** refused: the problem document, for the form to place field errors. */
  problem?: Record<string, unknown>;
  /** sent: the API's answer (a saved project's repairs, a report's id). */
  answer?: unknown;
}

/** Everything an item keeps besides the write itself. */
export interface OutboxItemFacts {
  id: string;
  /** For the panel: what the write is about (a project's code and title, a zone's name). */
  label: string;
  createdAt: string;
  /** Creation order on this device (sent in this order per project or zone). */
  seq: number;
  state: OutboxState;
  attempts: number;
  /** Not before this time (ms since the epoch) unless sent by hand. */
  nextAttemptAt: number | null;
  outcome: OutboxOutcome | null;
  photos: OutboxPhotoFacts[];
}

export type OutboxItem = OutboxWrite & OutboxItemFacts;

/** What a form hands over: the write and its label (photos apart). */
export type NewOutboxItem = OutboxWrite & { label: string };

/** Items of the same record go one at a time, in the order they were made. */
export function groupOf(item: OutboxWrite): string {
  return item.kind === 'plot_status' ? `zone:${item.zoneId}` : `project:${item.projectId}`;
}

export const isUnsent = (item: OutboxItem): boolean => item.state === 'waiting' || item.state === 'sending';

/** The request that performs an item (its photos already uploaded). */
export function requestOf(item: OutboxItem): { method: 'POST' | 'PATCH'; path: string; body: unknown } {
  switch (item.kind) {
    case 'progress_report':
      return {
        method: 'POST',
        path: `/api/projects/${item.projectId}/progress`,
        body: item.photos.length === 0 ? item.body : { ...item.body, photos: item.photos.map((p) => ({ sha256: p.sha256 })) },
      };
    case 'project_edit':
      return { method: 'PATCH', path: `/api/projects/${item.projectId}`, body: item.body };
    case 'plot_status':
      return { method: 'POST', path: `/api/zones/${item.zoneId}/plots/status`, body: item.body };
  }
}

const plainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * After `applied` went through, what a later item of the same record saw becomes what `applied`
 * made of it: the engineer's own earlier write is no one else's newer value. Values only for the
 * fields both touch; anything else moved meanwhile still holds the later item for review.
 */
export function rebaseAfter(applied: OutboxItem, answer: unknown, later: OutboxItem): OutboxItem {
  if (applied.kind === 'progress_report' && later.kind === 'progress_report') {
    const { status, physical_progress, financial_progress } = applied.body;
    return { ...later, body: { ...later.body, base: { status, physical_progress, financial_progress } } };
  }
  if (applied.kind === 'project_edit' && later.kind === 'project_edit') {
    const base = { ...later.body.base };
    for (const key of Object.keys(base)) if (key in applied.body && key !== 'base' && key !== 'version') base[key] = applied.body[key];
    return { ...later, body: { ...later.body, base } };
  }
  if (applied.kind === 'plot_status' && later.kind === 'plot_status') {
    const saved = plainObject(answer) && Array.isArray(answer.plots) ? answer.plots.filter(plainObject) : [];
    const plots = later.body.plots.map((plot) => {
      const now = saved.find((p) => p.id === plot.id);
      if (now === undefined || typeof now.status !== 'string') return plot;
      const investor = plainObject(now.investor) && typeof now.investor.id === 'number' ? now.investor.id : null;
      return { ...plot, base: { status: now.status, investor_id: investor } };
    });
    return { ...later, body: { ...later.body, plots } };
  }
  return later;
}
