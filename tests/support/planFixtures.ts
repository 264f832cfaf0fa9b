import type { Queryable } from '@marsad/db';

/**
 * Plans written straight into a test's own database, for tests of what is computed from them
 * (the matrix): the plan lifecycle's own tests go through the API instead.
 */

export interface TargetLine {
  governorate: string;
  indicator: string;
  sector?: string | null;
  quarters: readonly [number, number, number, number];
}

/**
 * Replaces any plan of `country` for `year` with one whose version 1 holds `targets`, approved
 * unless `draft`; with `revised`, version 1 is superseded by an approved version 2 holding those
 * targets instead. Returns the plan's id.
 */
export async function writePlan(
  db: Queryable,
  { country, year, targets, revised, draft = false, published = false }: { country: string; year: number; targets: TargetLine[]; revised?: TargetLine[]; draft?: boolean; published?: boolean },
): Promise<number> {
  await db.query('delete from plans where country_iso3 = $1 and year = $2', [country, year]);
  const [plan] = await db.query<{ id: number }>('insert into plans (country_iso3, year, is_published) values ($1, $2, $3) returning id', [country, year, published]);
  const version = async (number: number, lines: TargetLine[], status: 'approved' | 'superseded' | 'draft') => {
    const [row] = await db.query<{ id: number }>(`insert into plan_versions (plan_id, number, status) values ($1, $2, 'draft') returning id`, [plan!.id, number]);
    for (const line of lines) {
      await db.query(
        `insert into plan_targets (plan_version_id, admin_area_id, indicator_code, sector_code, q1, q2, q3, q4)
         select $1, a.id, $3, $4, $5, $6, $7, $8 from admin_areas a where a.code = $2`,
        [row!.id, line.governorate, line.indicator, line.sector ?? null, ...line.quarters],
      );
    }
    if (status !== 'draft') await db.query(`update plan_versions set status = $2, approved_at = now() where id = $1`, [row!.id, status]);
  };
  if (revised) {
    await version(1, targets, 'superseded');
    await version(2, revised, 'approved');
  } else {
    await version(1, targets, draft ? 'draft' : 'approved');
  }
  return plan!.id;
}

/** Adds a return as if submitted at `submittedAt` (an ISO instant), bypassing the API's checks. */
export async function writeReturn(
  db: Queryable,
  line: { governorate: string; indicator: string; periodStart: string; value: number; denominator?: number; submittedAt: string; note?: string },
): Promise<void> {
  await db.query(
    `insert into indicator_returns (indicator_code, admin_area_id, period_start, value, denominator, note, submitted_at)
     select $1, a.id, $3, $4, $5, $6, $7 from admin_areas a where a.code = $2`,
    [line.indicator, line.governorate, line.periodStart, line.value, line.denominator ?? null, line.note ?? null, line.submittedAt],
  );
}

/** The codes of a country's governorates. */
export async function governoratesOf(db: Queryable, country: string): Promise<string[]> {
  return (await db.query<{ code: string }>('select code from admin_areas where country_iso3 = $1 and level = 1 order by code', [country])).map((r) => r.code);
}

/**
 * Removes the returns of `country` for `year` from a test's own database copy, so that a test
 * counts only the returns it writes (the demo data has its own). Returns are append-only, so the
 * guard is lifted for this one statement.
 */
export async function clearReturns(db: Queryable, country: string, year: number): Promise<void> {
  await db.query('alter table indicator_returns disable trigger indicator_returns_append_only');
  try {
    await db.query(
      `delete from indicator_returns where admin_area_id in (select id from admin_areas where country_iso3 = $1)
          and period_start >= make_date($2, 1, 1) and period_start < make_date($2 + 1, 1, 1)`,
      [country, year],
    );
  } finally {
    await db.query('alter table indicator_returns enable trigger indicator_returns_append_only');
  }
}
