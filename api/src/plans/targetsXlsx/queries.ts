import type { Queryable } from '@marsad/db';
import type { TargetsSheetRow } from './writeTargetsWorkbook.ts';

/** The SQL behind the targets workbook: a version's lines with the names people read, or a template of every governorate × indicator. */

const NAMES = `a.code as governorate, a.name_en as governorate_en, a.name_ar as governorate_ar,
               i.code as indicator, i.name_en as indicator_en, i.name_ar as indicator_ar, i.unit_en || ' · ' || i.unit_ar as unit`;

type Named = Omit<TargetsSheetRow, 'quarters'>;

/** A version's lines (in the given governorates), as sheet rows. */
export async function targetSheetRows(db: Queryable, versionId: number, governorates: 'all' | number[]): Promise<TargetsSheetRow[]> {
  const rows = await db.query<Named & { q1: number; q2: number; q3: number; q4: number }>(
    `select ${NAMES}, t.sector_code as sector, t.q1, t.q2, t.q3, t.q4
       from plan_targets t
       join admin_areas a on a.id = t.admin_area_id
       join indicators i on i.code = t.indicator_code
      where t.plan_version_id = $1 and ($2::int[] is null or t.admin_area_id = any($2::int[]))
      order by a.code, i.sort_order, i.code, t.sector_code nulls first`,
    [versionId, governorates === 'all' ? null : governorates],
  );
  return rows.map(({ q1, q2, q3, q4, ...named }) => ({ ...named, quarters: [q1, q2, q3, q4] }));
}

/** Every governorate of the country × every indicator, quarters empty: a plan's targets to fill in. */
export async function templateSheetRows(db: Queryable, country: string): Promise<TargetsSheetRow[]> {
  const rows = await db.query<Named>(
    `select ${NAMES}, null::text as sector
       from admin_areas a cross join indicators i
      where a.country_iso3 = $1 and a.level = 1
      order by a.code, i.sort_order, i.code`,
    [country],
  );
  return rows.map((named) => ({ ...named, quarters: null }));
}
