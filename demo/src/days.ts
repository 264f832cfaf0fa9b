/** Calendar dates as whole days since 1970-01-01 (UTC), so date arithmetic is plain integers. */
const MS_PER_DAY = 86_400_000;

export function toDay(isoDate: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate) || Number.isNaN(Date.parse(`${isoDate}T00:00:00Z`))) {
    throw new Error(`Expected a date as YYYY-MM-DD, got "${isoDate}"`);
  }
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / MS_PER_DAY);
}

export function fromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}
