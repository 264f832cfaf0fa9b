import type { Plan, PlanTarget, PlanVersion, PlanVersionStatus } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import type { PlanScope } from '../../access/planAccess.ts';

/** The SQL of plans, their versions and target lines (tables plans, plan_versions, plan_targets). */

export interface PlanRow {
  id: number;
  country: string;
  year: number;
  is_published: boolean;
}

export interface VersionRow {
  id: number;
  number: number;
  status: PlanVersionStatus;
  version: number;
}

const ISO_TIME = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** The plan of `country` and `year`, whoever asks (callers apply planScope). */
export async function findPlan(db: Queryable, country: string, year: number, lock = false): Promise<PlanRow | undefined> {
  const [plan] = await db.query<PlanRow>(
    `select id, country_iso3 as country, year::int as year, is_published from plans where country_iso3 = $1 and year = $2${lock ? ' for update' : ''}`,
    [country, year],
  );
  return plan;
}

/** Whether the country exists (ISO 3166-1 alpha-3). */
export async function countryExists(db: Queryable, country: string): Promise<boolean> {
  return (await db.query('select 1 from countries where iso3 = $1', [country])).length > 0;
}

/** The plan's versions, newest first; the counts of target lines restricted to the scope's governorates. */
export async function listVersions(db: Queryable, planId: number, scope: PlanScope, showPeople: boolean): Promise<PlanVersion[]> {
  const params: unknown[] = [planId];
  let inScope = 'true';
  if (scope.governorates !== 'all') {
    params.push(scope.governorates);
    inScope = `t.admin_area_id = any($2::int[])`;
  }
  return db.query<PlanVersion>(
    `select v.number::int as number, v.status, v.note, v.version,
            ${showPeople ? 'cu.display_name' : 'null::text'} as created_by, ${ISO_TIME('v.created_at')} as created_at,
            ${showPeople ? 'au.display_name' : 'null::text'} as approved_by,
            ${ISO_TIME('v.approved_at')} as approved_at,
            (select count(*)::int from plan_targets t where t.plan_version_id = v.id and ${inScope}) as targets
       from plan_versions v
       left join users cu on cu.id = v.created_by
       left join users au on au.id = v.approved_by
      where v.plan_id = $1
      order by v.number desc`,
    params,
  );
}

/** A plan as answered: its versions only when the scope shows targets (donors get none). */
export async function planOut(db: Queryable, plan: PlanRow, scope: PlanScope, showPeople: boolean): Promise<Plan> {
  return {
    country: plan.country,
    year: plan.year,
    is_published: plan.is_published,
    versions: scope.targets ? await listVersions(db, plan.id, scope, showPeople) : [],
  };
}

export interface PlanListItem {
  country: string;
  year: number;
  is_published: boolean;
  current_version: number | null;
  has_draft: boolean;
}

/** Plans of `country` (or every country), newest year first; only published ones when `publishedOnly`. */
export function listPlans(db: Queryable, country: string | undefined, publishedOnly: boolean): Promise<PlanListItem[]> {
  return db.query<PlanListItem>(
    `select p.country_iso3 as country, p.year::int as year, p.is_published,
            (select v.number::int from plan_versions v where v.plan_id = p.id and v.status = 'approved') as current_version,
            exists (select 1 from plan_versions v where v.plan_id = p.id and v.status = 'draft') as has_draft
       from plans p
      where ($1::text is null or p.country_iso3 = $1) and (not $2::boolean or p.is_published)
      order by p.country_iso3, p.year desc`,
    [country ?? null, publishedOnly],
  );
}

/** One version by its number. */
export async function findVersion(db: Queryable, planId: number, number: number): Promise<VersionRow | undefined> {
  const [row] = await db.query<VersionRow>('select id, number::int as number, status, version from plan_versions where plan_id = $1 and number = $2', [
    planId,
    number,
  ]);
  return row;
}

/** The version of a status (at most one draft and one approved per plan); `lock` takes a row lock for a change. */
export async function versionOfStatus(db: Queryable, planId: number, status: 'draft' | 'approved', lock = false): Promise<VersionRow | undefined> {
  const [row] = await db.query<VersionRow>(
    `select id, number::int as number, status, version from plan_versions where plan_id = $1 and status = $2${lock ? ' for update' : ''}`,
    [planId, status],
  );
  return row;
}

/** Target lines of a version, in the scope's governorates, by governorate code, indicator order and sector. */
export async function listTargets(db: Queryable, versionId: number, governorates: PlanScope['governorates']): Promise<PlanTarget[]> {
  const params: unknown[] = [versionId];
  let inScope = 'true';
  if (governorates !== 'all') {
    params.push(governorates);
    inScope = 't.admin_area_id = any($2::int[])';
  }
  const rows = await db.query<Omit<PlanTarget, 'quarters'> & { q1: number; q2: number; q3: number; q4: number }>(
    `select a.code as governorate, t.indicator_code as indicator, t.sector_code as sector, t.q1, t.q2, t.q3, t.q4
       from plan_targets t
       join admin_areas a on a.id = t.admin_area_id
       join indicators i on i.code = t.indicator_code
      where t.plan_version_id = $1 and ${inScope}
      order by a.code, i.sort_order, i.code, t.sector_code nulls first`,
    params,
  );
  // numeric comes back as text parsed by Number: the exact decimal stored, as the nearest double.
  return rows.map(({ q1, q2, q3, q4, ...line }) => ({ ...line, quarters: [q1, q2, q3, q4] }));
}

/** A new plan with version 1, an empty draft. */
export async function insertPlan(tx: Queryable, country: string, year: number, actorId: number): Promise<PlanRow> {
  const [plan] = await tx.query<PlanRow>(
    `insert into plans (country_iso3, year, created_by) values ($1, $2, $3)
     returning id, country_iso3 as country, year::int as year, is_published`,
    [country, year, actorId],
  );
  await tx.query(`insert into plan_versions (plan_id, number, status, created_by) values ($1, 1, 'draft', $2)`, [plan!.id, actorId]);
  return plan!;
}

/** A target line ready to store: the governorate as its admin_areas id. */
export interface TargetLine {
  adminAreaId: number;
  indicator: string;
  sector: string | null;
  quarters: readonly [number, number, number, number];
}

/** Replaces every target line of a draft and moves its version on; returns the new version. */
export async function replaceTargets(tx: Queryable, versionId: number, lines: TargetLine[]): Promise<number> {
  await tx.query('delete from plan_targets where plan_version_id = $1', [versionId]);
  // In slices, so one statement's parameters stay well under the protocol's 65,535.
  const SLICE = 1000;
  for (let at = 0; at < lines.length; at += SLICE) {
    const slice = lines.slice(at, at + SLICE);
    await tx.query(
      `insert into plan_targets (plan_version_id, admin_area_id, indicator_code, sector_code, q1, q2, q3, q4)
       select $1, l.area, l.indicator, l.sector, l.q1, l.q2, l.q3, l.q4
         from unnest($2::int[], $3::text[], $4::text[], $5::numeric[], $6::numeric[], $7::numeric[], $8::numeric[])
              as l (area, indicator, sector, q1, q2, q3, q4)`,
      [
        versionId,
        slice.map((l) => l.adminAreaId),
        slice.map((l) => l.indicator),
        slice.map((l) => l.sector),
        ...[0, 1, 2, 3].map((q) => slice.map((l) => numericText(l.quarters[q]!))),
      ],
    );
  }
  return bumpVersion(tx, versionId);
}

/**
 * A number as numeric text, exactly: JavaScript's shortest round-trip form, with an exponent
 * spelled out as digits (numeric reads `1e-7`, but a plain string keeps every engine alike).
 */
function numericText(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') || '0';
}

async function bumpVersion(tx: Queryable, versionId: number): Promise<number> {
  const [row] = await tx.query<{ version: number }>('update plan_versions set version = version + 1 where id = $1 returning version', [versionId]);
  return row!.version;
}

/** The draft becomes the version in force; the one it replaces is kept, superseded. */
export async function approveDraft(tx: Queryable, planId: number, draftId: number, actorId: number, note: string | undefined): Promise<void> {
  await tx.query(`update plan_versions set status = 'superseded' where plan_id = $1 and status = 'approved'`, [planId]);
  await tx.query(
    `update plan_versions set status = 'approved', approved_by = $2, approved_at = now(), version = version + 1, note = coalesce($3, note)
      where id = $1`,
    [draftId, actorId, note ?? null],
  );
}

/** A new draft copying the approved version's targets. */
export async function startRevision(tx: Queryable, planId: number, approvedId: number, actorId: number, note: string | undefined): Promise<void> {
  const [draft] = await tx.query<{ id: number }>(
    `insert into plan_versions (plan_id, number, status, note, created_by)
     select $1, max(number) + 1, 'draft', $2, $3 from plan_versions where plan_id = $1
     returning id`,
    [planId, note ?? null, actorId],
  );
  await tx.query(
    `insert into plan_targets (plan_version_id, admin_area_id, indicator_code, sector_code, q1, q2, q3, q4)
     select $1, admin_area_id, indicator_code, sector_code, q1, q2, q3, q4 from plan_targets where plan_version_id = $2`,
    [draft!.id, approvedId],
  );
}

export async function setPublished(tx: Queryable, planId: number, published: boolean): Promise<void> {
  await tx.query('update plans set is_published = $2 where id = $1', [planId, published]);
}
