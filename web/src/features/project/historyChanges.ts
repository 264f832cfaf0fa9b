import type { HistoryEntry } from '../../api/projects.ts';

/** One field of an audit entry: its value before (`null` for a new row) and after (`null` when deleted). */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/**
 * Bookkeeping columns that change with every write and say nothing to a reader, and keys only the
 * database reads (the governorate shows in the project's facts, not as `admin_area_id: 7`).
 */
const HIDDEN = new Set([
  'id',
  'version',
  'created_at',
  'updated_at',
  'project_id',
  'author_id',
  'created_by',
  'geom_3857',
  'admin_area_id',
  'country_iso3',
  'search_text',
  'label_point',
]);

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The fields an audit entry changed, in a stable order: for an update those whose value differs,
 * for an insert or a delete every field that has a value.
 */
export function historyChanges(entry: HistoryEntry): FieldChange[] {
  const keys = new Set([...Object.keys(entry.from ?? {}), ...Object.keys(entry.to ?? {})]);
  const out: FieldChange[] = [];
  for (const field of [...keys].sort()) {
    if (HIDDEN.has(field)) continue;
    const from = entry.from?.[field] ?? null;
    const to = entry.to?.[field] ?? null;
    if (same(from, to) || (from === null && to === null)) continue;
    out.push({ field, from: entry.from === null ? null : from, to: entry.to === null ? null : to });
  }
  return out;
}
