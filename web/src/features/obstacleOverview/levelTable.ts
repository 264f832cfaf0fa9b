import { ESCALATION_LEVELS, type EscalationLevel, type ObstacleOverview } from '@marsad/contracts';

/** One cell of the level × governorate table: active obstacles, of which critical. */
export interface LevelCell {
  count: number;
  critical: number;
}

export interface LevelRow {
  governorate: string;
  cells: Record<EscalationLevel, LevelCell>;
  total: LevelCell;
}

export interface LevelTable {
  rows: LevelRow[];
  totals: Record<EscalationLevel, LevelCell>;
  total: LevelCell;
}

const empty = (): LevelCell => ({ count: 0, critical: 0 });
const emptyByLevel = (): Record<EscalationLevel, LevelCell> =>
  Object.fromEntries(ESCALATION_LEVELS.map((level) => [level, empty()])) as Record<EscalationLevel, LevelCell>;
const add = (into: LevelCell, cell: LevelCell) => {
  into.count += cell.count;
  into.critical += cell.critical;
};

/**
 * The overview's `by_level` as a table: a row per governorate with active obstacles, a column per
 * escalation level (lowest first), totals per column and per row. Rows with the most critical
 * obstacles first, then the most obstacles, then by name (`nameOf`) so the order is stable. A
 * governorate listed twice at one level is added up.
 */
export function buildLevelTable(byLevel: ObstacleOverview['by_level'], nameOf: (governorate: string) => string, compare: (a: string, b: string) => number): LevelTable {
  const rows = new Map<string, LevelRow>();
  const totals = emptyByLevel();
  const total = empty();
  for (const entry of byLevel) {
    if (entry.count <= 0 && entry.critical <= 0) continue;
    let row = rows.get(entry.governorate);
    if (row === undefined) {
      row = { governorate: entry.governorate, cells: emptyByLevel(), total: empty() };
      rows.set(entry.governorate, row);
    }
    const cell = { count: entry.count, critical: entry.critical };
    add(row.cells[entry.level], cell);
    add(row.total, cell);
    add(totals[entry.level], cell);
    add(total, cell);
  }
  const sorted = [...rows.values()].sort(
    (a, b) => b.total.critical - a.total.critical || b.total.count - a.total.count || compare(nameOf(a.governorate), nameOf(b.governorate)),
  );
  return { rows: sorted, totals, total };
}

/** Days from an ISO timestamp or date to `now`, whole days, never negative. */
export function daysSince(iso: string, now: Date): number {
  const then = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(then)) return 0;
  return Math.max(0, Math.floor((now.getTime() - then) / 86_400_000));
}
