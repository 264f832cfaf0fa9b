import type { BriefData, BriefLanguage, SummaryMetrics } from '@marsad/contracts';
import type { Database, Queryable } from '@marsad/db';
import type { SignedInViewer } from '../access/Viewer.ts';
import { overdueDecisions } from '../meetings/overdueDecisions.ts';
import { activeObstacleItems } from '../obstacles/obstacleItems.ts';
import { SqlParams } from '../sql/SqlParams.ts';
import { readMetrics, summaryMetricsSql } from '../summaries/summaryMetrics.ts';
import { summarizeAll, summarizeByGovernorate } from '../summaries/summaryQueries.ts';
import { briefMap } from './briefMap.ts';
import { briefMeeting, overdueOf } from './briefMeeting.ts';
import { scopeProjectsSql, type BriefScope } from './briefScope.ts';
import { activeObstaclesByGovernorate, delayedProjects, obstacleCounts, planRows, recentPhotos, stalledProjects } from './briefTables.ts';

/** Most obstacles a brief lists, and most overdue decisions (the counts cover them all, up to OVERDUE_COUNT_CAP). */
const BRIEF_OBSTACLES = 30;
const BRIEF_DECISIONS = 20;
const OVERDUE_COUNT_CAP = 1000;

/**
 * The brief of `scope` for `viewer` in `language`: everything through the access rules
 * (projectVisibility for projects, KPIs, the map and photos; obstacleVisibility for obstacles and
 * their counts; decisionVisibility for decisions; planScope for the plan), so a donor's brief
 * holds only the projects shared with it and an engineer's only their governorates' obstacles.
 */
export async function assembleBrief(db: Database, viewer: SignedInViewer, scope: BriefScope, language: BriefLanguage): Promise<BriefData> {
  const generatedAt = new Date();
  const governorateRows = await governorateSummaries(db, viewer, scope);
  const delayedShare = new Map(governorateRows.map((g) => [g.code, g.projects > 0 ? Math.round((g.delayed / g.projects) * 1000) / 1000 : null]));
  const obstacleScope = {
    country: scope.country.code,
    governorates: scope.governorates === 'all' ? undefined : scope.governorates,
    projectIds: scope.projectIds,
  };
  const meeting = scope.meeting && briefMeeting(scope.meeting);
  const [requester, dataAsOf, kpis, counts, map, delayed, stalled, obstacles, plan, photos, overdue] = await Promise.all([
    requesterOf(db, viewer, language),
    latestWrite(db),
    scopeKpis(db, viewer, scope),
    obstacleCounts(db, viewer, scope),
    briefMap(db, viewer, scope, delayedShare),
    delayedProjects(db, viewer, scope),
    stalledProjects(db, viewer, scope),
    // A meeting whose scope is its whole country lists the country's obstacles (no place filter).
    activeObstacleItems(db, viewer, obstacleScope, BRIEF_OBSTACLES),
    planRows(db, viewer, scope, generatedAt.getUTCFullYear()),
    recentPhotos(db, viewer, scope),
    meeting
      ? Promise.resolve([])
      : overdueDecisions(db, viewer, { country: scope.country.code, governorate: scope.governorate?.code }, OVERDUE_COUNT_CAP, language),
  ]);
  const overdueList = meeting ? overdueOf(meeting, language) : overdue;
  return {
    kind: scope.kind,
    language,
    generated_at: generatedAt.toISOString(),
    data_as_of: dataAsOf ?? generatedAt.toISOString(),
    requester: requester.who,
    shared_only_with: requester.sharedOnlyWith,
    country: scope.country,
    governorate: scope.governorate && { code: scope.governorate.code, name_ar: scope.governorate.name_ar, name_en: scope.governorate.name_en },
    kpis,
    obstacle_counts: { ...counts, overdue_decisions: overdueList.length },
    governorates: governorateRows,
    map,
    delayed_projects: delayed,
    stalled_projects: stalled,
    obstacles,
    overdue_decisions: overdueList.slice(0, BRIEF_DECISIONS),
    plan,
    photos,
    meeting,
  };
}

/** Who asked, and for a donor the organization whose shared projects are all the brief holds. */
async function requesterOf(db: Queryable, viewer: SignedInViewer, language: BriefLanguage) {
  const [row] = await db.query<{ display_name: string; organization_ar: string; organization_en: string }>(
    `select u.display_name, o.name_ar as organization_ar, o.name_en as organization_en
       from users u join organizations o on o.id = u.organization_id where u.id = $1`,
    [viewer.userId],
  );
  const who = row ?? { display_name: '', organization_ar: '', organization_en: '' };
  const sharedOnlyWith = viewer.role === 'donor' ? (language === 'en' ? who.organization_en : who.organization_ar) : null;
  return { who, sharedOnlyWith };
}

/**
 * The time of the newest write the data reflects: the newest audit entry (every write, bulk loads
 * included, reaches the audit log; its id grows with time, so this reads one index entry).
 */
async function latestWrite(db: Queryable): Promise<string | null> {
  const [row] = await db.query<{ at: string }>(`select to_json(occurred_at)#>>'{}' as at from audit_log order by id desc limit 1`);
  return row ? new Date(row.at).toISOString() : null;
}

/** The summaries' metrics for the scope, as the viewer may see them. */
async function scopeKpis(db: Queryable, viewer: SignedInViewer, scope: BriefScope): Promise<SummaryMetrics> {
  if (scope.kind === 'governorate') return summarizeAll(db, { governorate: [scope.governorate!.code] }, viewer);
  if (scope.kind === 'country') return summarizeAll(db, { country: [scope.country.code] }, viewer);
  // A meeting's scope (governorates or named projects) is no project filter: the same metrics, over its projects.
  const params = new SqlParams();
  const [row] = await db.query<Record<string, unknown>>(`select ${summaryMetricsSql()} from projects p where ${scopeProjectsSql(scope, viewer, params)}`, params.values);
  return readMetrics(row ?? {});
}

/** A row per governorate the brief covers: the summaries' counts and the active obstacles the viewer may see. */
async function governorateSummaries(db: Queryable, viewer: SignedInViewer, scope: BriefScope): Promise<BriefData['governorates']> {
  const filter = scope.governorates === 'all' ? { country: [scope.country.code] } : { country: [scope.country.code], governorate: scope.governorates };
  if (scope.governorates !== 'all' && scope.governorates.length === 0) return [];
  const [summaries, obstacles] = await Promise.all([summarizeByGovernorate(db, filter, viewer), activeObstaclesByGovernorate(db, viewer, scope)]);
  return summaries.map((g) => ({
    code: g.governorate,
    name_ar: g.name_ar,
    name_en: g.name_en,
    projects: g.projects,
    delayed: g.delayed,
    stale: g.stale,
    progress_weighted: g.progress_weighted,
    active_obstacles: obstacles.get(g.governorate) ?? 0,
  }));
}

