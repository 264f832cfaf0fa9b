import type { FieldConflict } from '@marsad/contracts';

/** One value a held write changes: what its writer saw, what the record holds now, what they proposed. */
export interface ConflictRow {
  field: string;
  /** `undefined` when the writer sent no base (an old client). */
  base: unknown;
  current: unknown;
  proposed: unknown;
  /** The record moved away from what the writer saw: why the write was held. */
  moved: boolean;
  /** Accepting would change this value (the proposal differs from what is there now). */
  changes: boolean;
}

/** The order a reader expects: status first, then the percentages, then the rest by name. */
const FIRST = ['status', 'physical_progress', 'financial_progress', 'investor_id'];

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function rank(field: string): number {
  const at = FIRST.indexOf(field);
  return at === -1 ? FIRST.length : at;
}

/**
 * The rows of a conflict's base → current → proposed table: every value the write proposes (the
 * three records have the same keys; any key one of them lacks still gets its row), in a stable order.
 */
export function conflictRows(conflict: Pick<FieldConflict, 'base' | 'current' | 'proposed'>): ConflictRow[] {
  const fields = new Set([...Object.keys(conflict.proposed), ...Object.keys(conflict.base ?? {}), ...Object.keys(conflict.current)]);
  return [...fields]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((field) => {
      const base = conflict.base === null ? undefined : conflict.base[field];
      const current = conflict.current[field];
      const proposed = conflict.proposed[field];
      return { field, base, current, proposed, moved: conflict.base !== null && !same(base, current), changes: !same(proposed, current) };
    });
}
