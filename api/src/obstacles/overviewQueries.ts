import type { CriticalProjectsCollection, ObstacleOverview } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { decisionVisibility, obstacleVisibility } from '../access/obstacleAccess.ts';
import type { Viewer } from '../access/Viewer.ts';
import { overdueDecisions } from '../meetings/overdueDecisions.ts';
import { SqlParams } from '../sql/SqlParams.ts';
import { ACTIVE_SQL, levelRankSql, proposalJoin, type EscalationThresholds } from './escalationProposals.ts';
import { findObstacles } from './obstacleQueries.ts';

/**
 * The minister's view of obstacles (ObstacleOverview) and the map's highlight of projects with an
 * active critical obstacle: aggregates over the obstacles `viewer` may see (obstacleVisibility),
 * in one country.
 */

/** Visible obstacles of `country` (o, p, a joined), with their WHERE. */
function visibleIn(viewer: Viewer, country: string | undefined, params: SqlParams): { from: string; where: string[] } {
  const where = [obstacleVisibility(viewer, params)];
  if (country !== undefined) where.push(`p.country_iso3 = ${params.add(country)}`);
  return {
    from: `from obstacles o join projects p on p.id = o.project_id join admin_areas a on a.id = p.admin_area_id`,
    where,
  };
}

type Totals = Omit<ObstacleOverview['totals'], 'overdue_decisions'>;

export async function obstacleOverview(
  db: Queryable,
  viewer: Viewer,
  thresholds: EscalationThresholds,
  country: string,
  language: 'ar' | 'en',
): Promise<ObstacleOverview> {
  const active = ACTIVE_SQL();

  const byLevelParams = new SqlParams();
  const byLevelIn = visibleIn(viewer, country, byLevelParams);
  const byLevel = db.query<ObstacleOverview['by_level'][number]>(
    `select a.code as governorate, o.level, count(*)::int as count, (count(*) filter (where o.severity = 'critical'))::int as critical
       ${byLevelIn.from} where ${[...byLevelIn.where, active].join(' and ')}
      group by a.code, o.level order by a.code, ${levelRankSql('o.level')}`,
    byLevelParams.values,
  );

  const totalsParams = new SqlParams();
  const totalsIn = visibleIn(viewer, country, totalsParams);
  const totals = db.query<Totals>(
    `select count(*)::int as active,
            (count(*) filter (where o.severity = 'critical'))::int as critical,
            (count(*) filter (where o.target_date < current_date))::int as overdue,
            (count(*) filter (where proposal.reason is not null))::int as proposed,
            (count(*) filter (where o.status = 'waiting_other_body'))::int as waiting_other_bodies
       ${totalsIn.from} ${proposalJoin(thresholds, totalsParams)}
      where ${[...totalsIn.where, active].join(' and ')}`,
    totalsParams.values,
  );

  const waitingParams = new SqlParams();
  const waitingIn = visibleIn(viewer, country, waitingParams);
  // Since when: the oldest of them was raised (when each began waiting is in the audit log, not a column).
  const waiting = db.query<ObstacleOverview['waiting'][number]>(
    `select json_build_object('id', b.id, 'kind', b.kind, 'name_ar', b.name_ar, 'name_en', b.name_en) as body, count(*)::int as count,
            to_char(min(o.raised_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as oldest_since
       ${waitingIn.from} join responsible_bodies b on b.id = o.responsible_body_id
      where ${[...waitingIn.where, `o.status = 'waiting_other_body'`].join(' and ')}
      group by b.id order by count(*) desc, min(o.raised_at), b.id`,
    waitingParams.values,
  );

  // Raised, and resolved or closed (dropped ones were not resolved), per calendar month, the last 12 months with this one.
  // Counted by grouping, not by a subquery per month: those were planned at the series' default of
  // 1,000 rows each, past PostgreSQL's JIT threshold (about 60 ms of compiling on every call).
  const monthlyParams = new SqlParams();
  const monthlyIn = visibleIn(viewer, country, monthlyParams);
  const monthly = db.query<ObstacleOverview['monthly'][number]>(
    `with months as (select generate_series(date_trunc('month', now()) - interval '11 months', date_trunc('month', now()), interval '1 month') as m),
          seen as (select o.raised_at, case when o.status in ('resolved', 'closed') then o.ended_at end as resolved_at
                     ${monthlyIn.from} where ${monthlyIn.where.join(' and ')})
     select to_char(months.m, 'YYYY-MM') as month, coalesce(r.n, 0)::int as raised, coalesce(s.n, 0)::int as resolved
       from months
       left join (select date_trunc('month', seen.raised_at) as m, count(*) as n from seen group by 1) r on r.m = months.m
       left join (select date_trunc('month', seen.resolved_at) as m, count(*) as n from seen where seen.resolved_at is not null group by 1) s
              on s.m = months.m
      order by months.m`,
    monthlyParams.values,
  );

  // Overdue decisions: the list (overdueDecisions) and how many there are, by the same meaning (open, past due, visible).
  const decisionParams = new SqlParams();
  const decisionCount = db.query<{ n: number }>(
    `select count(*)::int as n from decisions d join meetings m on m.id = d.meeting_id left join projects p on p.id = d.project_id
      where d.status = 'open' and d.due_date < current_date and ${decisionVisibility(viewer, decisionParams)}
        and m.country_iso3 = ${decisionParams.add(country)}`,
    decisionParams.values,
  );

  const oldestCritical = findObstacles(
    db,
    viewer,
    thresholds,
    { country, severity: 'critical', status: 'active' },
    { limit: 10, offset: 0, order: 'o.raised_at, o.id' },
  );
  const decisions = overdueDecisions(db, viewer, { country }, 20, language);

  const [levels, [sums], bodies, months, [decided], critical, overdue] = await Promise.all([
    byLevel, totals, waiting, monthly, decisionCount, oldestCritical, decisions,
  ]);
  return {
    country,
    by_level: levels,
    totals: { ...sums!, overdue_decisions: decided!.n },
    oldest_critical: critical.items,
    waiting: bodies,
    overdue_decisions: overdue,
    monthly: months,
  };
}

/** Projects with an active critical obstacle the viewer may see, at their label point. */
export async function criticalProjects(db: Queryable, viewer: Viewer, country: string | undefined): Promise<CriticalProjectsCollection> {
  const params = new SqlParams();
  const { from, where } = visibleIn(viewer, country, params);
  const rows = await db.query<{ project_id: number; lon: number; lat: number; critical: number; oldest_since: string; top_level: string }>(
    `select p.id::int as project_id, ST_X(p.label_point) as lon, ST_Y(p.label_point) as lat, count(*)::int as critical,
            to_char(min(o.raised_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as oldest_since,
            (array['governorate','directorate','minister','inter_ministerial'])[max(${levelRankSql('o.level')})] as top_level
       ${from}
      where ${[...where, ACTIVE_SQL(), `o.severity = 'critical'`].join(' and ')}
      group by p.id
      order by p.id`,
    params.values,
  );
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => ({
      type: 'Feature',
      id: r.project_id,
      geometry: { type: 'Point', coordinates: [r.lon, r.lat] },
      properties: {
        project_id: r.project_id,
        critical: r.critical,
        oldest_since: r.oldest_since,
        top_level: r.top_level as CriticalProjectsCollection['features'][number]['properties']['top_level'],
      },
    })),
  };
}
