import type { Queryable } from '@marsad/db';
import { ColumnBuffer } from './ColumnBuffer.ts';
import { fromDay, toDay, yearOf } from './days.ts';
import type { DemoAccounts } from './demoAccounts.ts';
import { demoReturns, insertDemoReturns } from './demoReturns.ts';
import type { AdminArea } from './loadAdminAreas.ts';
import { governoratePace, loadComputedFacts, planTargets, roundTo, unitOf, type CatalogueIndicator, type TargetLine } from './planTargets.ts';
import { Random } from './random.ts';
import { isModelled, monthlyStatistics, populations, type ReportedIndicator, type ReturnValue } from './reportedStatistics.ts';

/**
 * The annual plans of the demo, for each country and for the year of `today` and the two before,
 * and the periodic returns of those years. Each plan was drafted by the demo planner in November
 * and approved by the demo minister in December before its year. Some plans tell more:
 *  - Syria, last year: revised at mid-year (version 1 superseded, version 2 approved), so
 *    "original against revised" shows;
 *  - Libya, this year: approved, with a revision still in draft;
 *  - Saudi Arabia, last year: its totals published for anonymous readers.
 * Set-based: a handful of statements whatever the number of projects.
 */

export interface PlanningContext {
  seed: number;
  /** Day number of the demo's today (days.ts). */
  today: number;
  /** Every governorate seeded; each country of them gets its plans. */
  areas: readonly AdminArea[];
  accounts: DemoAccounts;
}

export interface PlanningSummary {
  plans: number;
  targets: number;
  returns: number;
}

interface PlanStory {
  country: string;
  year: number;
  published: boolean;
  /** A second version: approved (the first superseded) or still a draft. */
  revision: 'approved' | 'draft' | null;
}

/** The plans: every country × year, and which of them carry a revision or are published. */
export function planStories(countries: readonly string[], years: readonly number[]): PlanStory[] {
  const [, lastYear, thisYear] = years;
  return countries.flatMap((country) =>
    years.map((year) => ({
      country,
      year,
      published: country === 'SAU' && year === lastYear,
      revision: country === 'SYR' && year === lastYear ? ('approved' as const) : country === 'LBY' && year === thisYear ? ('draft' as const) : null,
    })),
  );
}

/** Writes the returns and the plans; the caller's transaction has the per-row audit switched off. */
export async function writeDemoPlans(tx: Queryable, context: PlanningContext): Promise<PlanningSummary> {
  const thisYear = yearOf(context.today);
  const years = [thisYear - 2, thisYear - 1, thisYear];
  const countries = [...new Set(context.areas.map((a) => a.countryIso3))];
  const catalogue = await tx.query<CatalogueIndicator>(
    `select code, better, rollup, temporal, rate_per, source, definition, frequency, return_due_days from indicators order by sort_order, code`,
  );

  // What the governorates did on the reported indicators, month by month: their returns say it.
  const people = populations(context.areas);
  const statistics = new Map<AdminArea, Map<string, ReturnValue[]>>(
    context.areas.map((area) => [area, monthlyStatistics(context.seed, area, people.get(area)!, years) as Map<string, ReturnValue[]>]),
  );
  const reported: ReportedIndicator[] = catalogue
    .filter((i) => i.source === 'reported' && i.frequency !== null && isModelled(i.code))
    .map((i) => ({ code: i.code, frequency: i.frequency!, temporal: i.temporal, returnDueDays: i.return_due_days }));
  const returns = await insertDemoReturns(
    tx,
    demoReturns({ seed: context.seed, today: context.today, years, indicators: reported, statistics, engineerOf: context.accounts.engineerOf }),
  );

  const facts = await loadComputedFacts(tx, countries, years, context.today);
  const targetContext = { seed: context.seed, today: context.today, years, indicators: catalogue, facts, statistics };
  const stories = planStories(countries, years);
  const firstVersions = stories.map((story) => planTargets(targetContext, context.areas.filter((a) => a.countryIso3 === story.country), story.year));
  const secondVersions = stories.map((story, i) =>
    story.revision === null ? null : revision(context, story, firstVersions[i]!, catalogue),
  );
  const targets = await insertPlans(tx, context, stories, firstVersions, secondVersions);
  return { plans: stories.length, targets, returns };
}

/** A second version: the first one's lines with the second half-year changed for a few governorates. */
function revision(context: PlanningContext, story: PlanStory, lines: readonly TargetLine[], catalogue: readonly CatalogueIndicator[]): { lines: TargetLine[]; note: string } {
  const areas = context.areas.filter((a) => a.countryIso3 === story.country);
  const byPace = [...areas].sort((a, b) => governoratePace(context.seed, story.year, b.code) - governoratePace(context.seed, story.year, a.code));
  const behind = byPace.slice(0, 3);
  const ahead = byPace.slice(-2);
  const names = (list: readonly AdminArea[]) => list.map((a) => a.nameArShort || a.nameAr).join(' و');
  if (story.revision === 'approved') {
    return {
      lines: reviseLines(lines, catalogue, [
        { areas: behind, indicators: ['service_centres_opened', 'schools_rehabilitated', 'road_km_paved', 'budget_spent', 'building_permits_issued'], scale: 0.75 },
        { areas: ahead, indicators: ['budget_spent', 'water_projects_completed'], scale: 1.2 },
      ]),
      note: `مراجعة منتصف العام: خُفّضت مستهدفات النصف الثاني في ${names(behind)} ورُفعت مستهدفات الإنفاق في ${names(ahead)}`,
    };
  }
  return {
    lines: reviseLines(lines, catalogue, [{ areas: behind.slice(0, 2), indicators: ['budget_spent', 'building_permits_issued', 'water_projects_completed'], scale: 0.85 }]),
    note: `مسودة مراجعة بعد الربع الثالث: تخفيض مستهدفات ${names(behind.slice(0, 2))}`,
  };
}

/** Scales the Q3 and Q4 targets of sum flows, keeping each line cumulative and Q1, Q2 (already past) as they were. */
export function reviseLines(
  lines: readonly TargetLine[],
  catalogue: readonly CatalogueIndicator[],
  changes: readonly { areas: readonly AdminArea[]; indicators: readonly string[]; scale: number }[],
): TargetLine[] {
  const indicators = new Map(catalogue.map((i) => [i.code, i]));
  return lines.map((line) => {
    const indicator = indicators.get(line.indicator)!;
    const change = changes.find((c) => c.indicators.includes(line.indicator) && c.areas.some((a) => a.id === line.areaId));
    if (!change || indicator.rollup !== 'sum' || indicator.temporal !== 'flow') return line;
    const unit = unitOf(indicator);
    const [q1, q2, q3, q4] = line.quarters;
    const year = Math.max(q2, roundTo(q4 * change.scale, unit));
    const third = Math.min(year, Math.max(q2, roundTo(q3 * (1 + (change.scale - 1) / 2), unit)));
    return { ...line, quarters: [q1, q2, third, year] };
  });
}

/** A timestamp on `day` at `time` (UTC), as ISO text. */
const at = (day: number, time: string) => `${fromDay(day)}T${time}:00Z`;

/**
 * Plans, then every version as a draft with its targets (the database takes targets only into a
 * draft), then the approvals: first versions, then the revisions that replace them.
 */
async function insertPlans(
  tx: Queryable,
  context: PlanningContext,
  stories: readonly PlanStory[],
  firstVersions: readonly TargetLine[][],
  secondVersions: readonly ({ lines: TargetLine[]; note: string } | null)[],
): Promise<number> {
  const { plannerId, ministerId } = context.accounts;
  const timing = stories.map((story) => {
    const random = Random.for(context.seed, `plan:${story.country}:${story.year}`);
    const drafted = toDay(`${story.year - 1}-11-01`) + random.int(2, 12);
    const approved = toDay(`${story.year - 1}-12-14`) + random.int(0, 12);
    const revised =
      story.revision === 'approved' ? toDay(`${story.year}-07-05`) + random.int(0, 6) : Math.min(context.today - 1, Math.max(approved + 1, context.today - 12));
    return { drafted, approved, revised, revisionApproved: revised + random.int(10, 20), edits: random.int(2, 6) };
  });

  const planRows = await tx.query<{ id: number; country_iso3: string; year: number }>(
    `insert into plans (country_iso3, year, is_published, created_by, created_at)
     select country, year, published, $4::int, created_at from unnest($1::text[], $2::int[], $3::boolean[], $5::timestamptz[]) as p(country, year, published, created_at)
     returning id, country_iso3, year`,
    [stories.map((s) => s.country), stories.map((s) => s.year), stories.map((s) => s.published), plannerId, timing.map((t) => at(t.drafted, '09:30'))],
  );
  const planId = new Map(planRows.map((row) => [`${row.country_iso3}:${row.year}`, row.id]));
  const planOf = (story: PlanStory) => planId.get(`${story.country}:${story.year}`)!;

  const insertDrafts = async (rows: { story: PlanStory; number: number; note: string; edits: number; createdAt: string }[]) => {
    const inserted = await tx.query<{ id: number; plan_id: number }>(
      `insert into plan_versions (plan_id, number, status, note, version, created_by, created_at)
       select plan_id, number, 'draft', note, edits, $5::int, created_at
         from unnest($1::int[], $2::int[], $3::text[], $4::int[], $6::timestamptz[]) as v(plan_id, number, note, edits, created_at)
       returning id, plan_id`,
      [rows.map((r) => planOf(r.story)), rows.map((r) => r.number), rows.map((r) => r.note), rows.map((r) => r.edits), plannerId, rows.map((r) => r.createdAt)],
    );
    const idOf = new Map(inserted.map((row) => [row.plan_id, row.id]));
    return rows.map((r) => idOf.get(planOf(r.story))!);
  };
  const insertTargets = async (versionIds: readonly number[], lines: readonly (readonly TargetLine[])[]) => {
    const columns = new ColumnBuffer(7);
    versionIds.forEach((id, i) => {
      for (const line of lines[i]!) columns.push(id, line.areaId, line.indicator, ...line.quarters);
    });
    if (columns.size === 0) return 0;
    const count = columns.size;
    await tx.query(
      `insert into plan_targets (plan_version_id, admin_area_id, indicator_code, q1, q2, q3, q4)
       select * from unnest($1::int[], $2::int[], $3::text[], $4::numeric[], $5::numeric[], $6::numeric[], $7::numeric[])`,
      columns.take(),
    );
    return count;
  };
  const setStatus = (status: 'approved' | 'superseded', ids: readonly number[], approvedAt: readonly (string | null)[]) =>
    tx.query(
      `update plan_versions v set status = $1, approved_by = coalesce(v.approved_by, $2::int), approved_at = coalesce(v.approved_at, a.approved_at)
         from unnest($3::int[], $4::timestamptz[]) as a(id, approved_at) where v.id = a.id`,
      [status, ministerId, ids, approvedAt],
    );

  const firstIds = await insertDrafts(
    stories.map((story, i) => ({ story, number: 1, note: `الخطة السنوية لعام ${story.year} كما أقرّتها لجنة التخطيط في الوزارة`, edits: timing[i]!.edits, createdAt: at(timing[i]!.drafted, '09:30') })),
  );
  let targets = await insertTargets(firstIds, firstVersions);
  await setStatus('approved', firstIds, timing.map((t) => at(t.approved, '11:00')));

  const revised = stories.flatMap((story, i) => (secondVersions[i] ? [{ story, i, second: secondVersions[i]! }] : []));
  const secondIds = await insertDrafts(
    revised.map(({ story, i, second }) => ({ story, number: 2, note: second.note, edits: timing[i]!.edits - 1, createdAt: at(timing[i]!.revised, '10:15') })),
  );
  targets += await insertTargets(secondIds, revised.map((r) => r.second.lines));
  const approvedRevisions = revised.flatMap((r, k) => (r.story.revision === 'approved' ? [{ ...r, id: secondIds[k]! }] : []));
  // One approved version per plan: the first steps down before its revision steps up.
  await setStatus('superseded', approvedRevisions.map((r) => firstIds[r.i]!), approvedRevisions.map(() => null));
  await setStatus('approved', approvedRevisions.map((r) => r.id), approvedRevisions.map((r) => at(timing[r.i]!.revisionApproved, '12:00')));
  return targets;
}
