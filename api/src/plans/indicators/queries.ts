import type { Indicator, IndicatorBody } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';

/** The SQL of the indicator catalogue (table indicators). */

const COLUMNS = `code, name_en, name_ar, unit_en, unit_ar, better, rollup, temporal, rate_per, source, definition,
                 filter_kind, filter_sector, filter_development, frequency, return_due_days, framework, framework_code`;

/** The catalogue, in its reading order. */
export function listIndicators(db: Queryable): Promise<Indicator[]> {
  return db.query<Indicator>(`select ${COLUMNS} from indicators order by sort_order, code`);
}

/** Whether an indicator of this code exists. */
export async function indicatorExists(db: Queryable, code: string): Promise<boolean> {
  return (await db.query('select 1 from indicators where code = $1', [code])).length > 0;
}

/** Adds an indicator at the end of the catalogue's order. */
export async function insertIndicator(tx: Queryable, body: IndicatorBody): Promise<Indicator> {
  const [row] = await tx.query<Indicator>(
    `insert into indicators (code, name_en, name_ar, unit_en, unit_ar, better, rollup, temporal, rate_per, source, definition,
                             filter_kind, filter_sector, filter_development, frequency, return_due_days, framework, framework_code, sort_order)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
             (select coalesce(max(sort_order), 0) + 10 from indicators))
     returning ${COLUMNS}`,
    [
      body.code,
      body.name_en,
      body.name_ar,
      body.unit_en,
      body.unit_ar,
      body.better,
      body.rollup,
      body.temporal,
      body.rate_per,
      body.source,
      body.definition,
      body.filter_kind,
      body.filter_sector,
      body.filter_development,
      body.frequency,
      body.return_due_days,
      body.framework,
      body.framework_code,
    ],
  );
  return row!;
}
