import { periodBounds, periodDueOn } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { ColumnBuffer } from './ColumnBuffer.ts';
import { fromDay, toDay } from './days.ts';
import type { AdminArea } from './loadAdminAreas.ts';
import { Random } from './random.ts';
import { periodValues, type ReportedIndicator, type ReturnValue } from './reportedStatistics.ts';

/**
 * The periodic returns the governorates' engineers sent in: one per governorate, reported
 * indicator and period that is over, mostly on time, some late, some missing (more of them in
 * the last months and in a few governorates), a few corrected by a second, later return.
 */

export interface ReturnsContext {
  seed: number;
  /** Day number (days.ts): nothing is submitted on or after it. */
  today: number;
  /** The years of the statistics (consecutive); returns are written for every period of them that is over. */
  years: readonly number[];
  indicators: readonly ReportedIndicator[];
  /** Each governorate's monthly values per indicator (reportedStatistics.ts). */
  statistics: ReadonlyMap<AdminArea, ReadonlyMap<string, readonly ReturnValue[]>>;
  /** The engineer who signs each governorate's returns (admin area id → user id). */
  engineerOf: ReadonlyMap<number, number>;
}

export interface ReturnRow {
  indicator: string;
  areaId: number;
  /** YYYY-MM-DD, the period's first day. */
  periodStart: string;
  value: number;
  denominator: number | null;
  note: string | null;
  submittedBy: number | null;
  /** ISO timestamp (UTC). */
  submittedAt: string;
}

/** Share of governorates that fall behind with their returns, and how much then goes missing. */
const WEAK_GOVERNORATE_SHARE = 0.2;
const MISSING_SHARE = { weak: { recent: 0.45, older: 0.08 }, regular: { recent: 0.04, older: 0.02 } };
/** A return due within this many days before today is recent. */
const RECENT_DAYS = 180;
const CORRECTION_SHARE = 0.03;
/** Returns of periods that are over but not yet due: how many came in early. */
const EARLY_SHARE = 0.5;

const ORDINARY_NOTES = ['بيانات الفترة مكتملة من جميع الوحدات الإدارية', 'أرقام أولية بانتظار تدقيق مديرية الخدمات الفنية', 'جُمعت الأرقام من سجلات البلديات'];
const LATE_NOTES = ['تأخر ورود البيانات من بعض الوحدات الإدارية', 'تأخر الإرسال بسبب انقطاع الاتصالات', 'بانتظار تدقيق البيانات من المديرية'];
const CORRECTION_NOTES = ['تصحيح: أُدخلت أرقام فترة سابقة خطأً', 'تصحيح بعد تدقيق سجلات البلديات', 'تصحيح: إضافة بيانات وحدة إدارية وصلت متأخرة'];

/** Every return row, oldest submission first (so ids follow the order they came in). */
export function demoReturns(context: ReturnsContext): ReturnRow[] {
  const rows: ReturnRow[] = [];
  const firstYear = context.years[0]!;
  for (const [area, statistics] of context.statistics) {
    const habits = Random.for(context.seed, `return-habits:${area.code}`);
    const lateShare = habits.chance(0.75) ? habits.between(0.03, 0.09) : habits.between(0.12, 0.25);
    const missing = habits.chance(WEAK_GOVERNORATE_SHARE) ? MISSING_SHARE.weak : MISSING_SHARE.regular;
    const submittedBy = context.engineerOf.get(area.id) ?? null;

    for (const indicator of context.indicators) {
      const monthly = statistics.get(indicator.code);
      if (!monthly) continue;
      for (const year of context.years) {
        for (const [period, truth] of periodValues(monthly, firstYear, indicator, year)) {
          const { start, end: endDate } = periodBounds(period);
          const end = toDay(endDate);
          if (end >= context.today - 1) continue; // not over yet (or only since today)
          const due = toDay(periodDueOn(period, indicator.returnDueDays));
          const random = Random.for(context.seed, `return:${indicator.code}:${area.code}:${period}`);
          const row = (day: number, value: ReturnValue, note: string | null): ReturnRow => ({
            indicator: indicator.code,
            areaId: area.id,
            periodStart: start,
            value: value.value,
            denominator: value.denominator,
            note,
            submittedBy,
            submittedAt: `${fromDay(day)}T${String(random.int(7, 15)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00Z`,
          });

          let day: number;
          let late = false;
          if (due >= context.today) {
            if (!random.chance(EARLY_SHARE)) continue;
            day = random.int(end + 1, context.today - 1);
          } else {
            if (random.chance(context.today - due <= RECENT_DAYS ? missing.recent : missing.older)) continue;
            late = random.chance(lateShare);
            day = late ? due + random.int(1, 45) : random.int(end + 1, Math.max(end + 1, due - 1));
            if (day >= context.today) continue; // would have come after today: still missing
          }

          const correctedOn = random.chance(CORRECTION_SHARE) ? day + random.int(3, 30) : Infinity;
          const corrected = correctedOn < context.today;
          const first = corrected ? misreported(random, truth) : truth;
          const note = late && random.chance(0.7) ? random.pick(LATE_NOTES) : random.chance(0.15) ? random.pick(ORDINARY_NOTES) : null;
          rows.push(row(day, first, note));
          if (corrected) rows.push(row(correctedOn, truth, random.pick(CORRECTION_NOTES)));
        }
      }
    }
  }
  return rows.sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0));
}

/** A first return that a correction later put right: a few percent off, a rate never above its denominator. */
function misreported(random: Random, truth: ReturnValue): ReturnValue {
  const factor = random.chance(0.5) ? random.between(0.85, 0.97) : random.between(1.03, 1.15);
  const value = Math.round(truth.value * factor);
  return { value: truth.denominator === null ? value : Math.min(value, truth.denominator), denominator: truth.denominator };
}

/** Writes the returns in one statement; the caller has switched the per-row audit off (bulk load). */
export async function insertDemoReturns(tx: Queryable, rows: readonly ReturnRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = new ColumnBuffer(8);
  for (const r of rows) columns.push(r.indicator, r.areaId, r.periodStart, r.value, r.denominator, r.note, r.submittedBy, r.submittedAt);
  await tx.query(
    `insert into indicator_returns (indicator_code, admin_area_id, period_start, value, denominator, note, submitted_by, submitted_at)
     select * from unnest($1::text[], $2::int[], $3::date[], $4::numeric[], $5::numeric[], $6::text[], $7::int[], $8::timestamptz[])`,
    columns.take(),
  );
  return rows.length;
}
