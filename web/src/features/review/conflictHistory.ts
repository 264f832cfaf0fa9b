import { CONFLICT_KINDS, type ConflictKind, type HistoryEntry } from '@marsad/contracts';
import { isOneOf } from '../../data/vocabulary.ts';

/** The audit table of conflicts held for review (a project's history lists its rows). */
export const CONFLICT_TABLE = 'field_conflicts';

/** What a conflict's audit entry says, for a reader: held (with what it proposed), accepted, rejected, or otherwise changed. */
export interface ConflictEvent {
  event: 'held' | 'accepted' | 'rejected' | 'changed';
  kind: ConflictKind | null;
  /** Held: each proposed value with what the writer saw (`from`; `null` without a base). */
  values: { field: string; from: unknown; to: unknown }[];
  /** The field note of a held write. */
  note: string | null;
  /** Why it was accepted or rejected. */
  decisionNote: string | null;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/**
 * A project history entry of the conflicts table, read: its insert is the write held, an update
 * to `accepted` or `rejected` the decision. `null` for entries of other tables.
 */
export function conflictEvent(entry: HistoryEntry): ConflictEvent | null {
  if (entry.table !== CONFLICT_TABLE) return null;
  const row = entry.to ?? entry.from ?? {};
  const kind = isOneOf(CONFLICT_KINDS, row.kind) ? row.kind : null;
  const decided = entry.action === 'update' && entry.from?.state !== entry.to?.state && (entry.to?.state === 'accepted' || entry.to?.state === 'rejected');
  if (entry.action === 'insert') {
    const proposed = record(row.proposed) ?? {};
    const base = record(row.base);
    const values = Object.keys(proposed)
      .sort()
      .map((field) => ({ field, from: base?.[field] ?? null, to: proposed[field] }));
    return { event: 'held', kind, values, note: text(row.note), decisionNote: null };
  }
  if (decided) return { event: entry.to?.state as 'accepted' | 'rejected', kind, values: [], note: null, decisionNote: text(row.decision_note) };
  return { event: 'changed', kind, values: [], note: null, decisionNote: null };
}
