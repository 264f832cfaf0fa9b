import type { PlanTarget, PlanVersion } from './planningApi.ts';

/** A target line's identity within a version: governorate × indicator × sector. */
export const lineKey = (line: Pick<PlanTarget, 'governorate' | 'indicator' | 'sector'>): string => `${line.governorate}|${line.indicator}|${line.sector ?? ''}`;

export type Quarters = PlanTarget['quarters'];

/** One line whose targets differ between two versions: added (`before` null), removed (`after` null) or changed. */
export interface ChangedLine {
  key: string;
  governorate: string;
  indicator: string;
  sector: string | null;
  before: Quarters | null;
  after: Quarters | null;
}

const sameQuarters = (a: Quarters, b: Quarters): boolean => a.every((value, i) => value === b[i]);

/**
 * The target lines whose value changed from `before` (the original) to `after` (the revision),
 * lines only one of them holds included, in the order governorate, indicator, sector. Lines whose
 * four quarters are equal are left out.
 */
export function changedLines(before: readonly PlanTarget[], after: readonly PlanTarget[]): ChangedLine[] {
  const old = new Map(before.map((line) => [lineKey(line), line]));
  const lines = new Map<string, ChangedLine>();
  for (const line of after) {
    const key = lineKey(line);
    const was = old.get(key);
    if (was !== undefined && sameQuarters(was.quarters, line.quarters)) continue;
    lines.set(key, { key, governorate: line.governorate, indicator: line.indicator, sector: line.sector, before: was?.quarters ?? null, after: line.quarters });
  }
  const now = new Set(after.map(lineKey));
  for (const line of before) {
    const key = lineKey(line);
    if (!now.has(key)) lines.set(key, { key, governorate: line.governorate, indicator: line.indicator, sector: line.sector, before: line.quarters, after: null });
  }
  return [...lines.values()].sort(
    (a, b) => a.governorate.localeCompare(b.governorate) || a.indicator.localeCompare(b.indicator) || (a.sector ?? '').localeCompare(b.sector ?? ''),
  );
}

/** The versions worth comparing by default: the approved one against the one it superseded, else the draft against the approved one. */
export function defaultComparison(versions: readonly PlanVersion[]): { before: number; after: number } | null {
  const approved = versions.find((v) => v.status === 'approved');
  const draft = versions.find((v) => v.status === 'draft');
  const superseded = versions.filter((v) => v.status === 'superseded').sort((a, b) => b.number - a.number)[0];
  if (approved !== undefined && superseded !== undefined) return { before: superseded.number, after: approved.number };
  if (approved !== undefined && draft !== undefined) return { before: approved.number, after: draft.number };
  return null;
}
