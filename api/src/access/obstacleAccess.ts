import type { EscalationLevel } from '@marsad/contracts';
import type { SqlParams } from '../sql/SqlParams.ts';
import type { Viewer } from './Viewer.ts';

/**
 * THE access rule for obstacles, meetings' agendas and decisions, and everything briefs and the
 * minister's view count of them. Narrower than projectVisibility: an obstacle names who is
 * failing to act, which is the ministry's working business.
 *
 * - the ministry (admin, minister, viewer, planner) sees every obstacle;
 * - an engineer sees the obstacles of projects in their governorates (user_admin_areas) only;
 * - a donor sees the obstacles of projects shared with its organization only;
 * - an anonymous caller sees none.
 *
 * `alias` is the PROJECTS row the obstacle (or agenda item, or decision) belongs to.
 */
export function obstacleVisibility(viewer: Viewer, params: SqlParams, alias = 'p'): string {
  if (viewer.kind === 'anonymous') return 'false';
  switch (viewer.role) {
    case 'admin':
    case 'minister':
    case 'viewer':
    case 'planner':
      return 'true';
    case 'engineer':
      return `${alias}.admin_area_id in (select admin_area_id from user_admin_areas where user_id = ${params.add(viewer.userId)})`;
    case 'donor':
      return `exists (select 1 from project_shares visible_share
                       where visible_share.project_id = ${alias}.id
                         and visible_share.organization_id = ${params.add(viewer.organizationId)})`;
  }
}

/** What obstacleVisibility depends on, for cache keys: same key, same obstacles. */
export function obstacleScope(viewer: Viewer): string {
  if (viewer.kind === 'anonymous') return 'none';
  switch (viewer.role) {
    case 'admin':
    case 'minister':
    case 'viewer':
    case 'planner':
      return 'ministry';
    case 'engineer':
      return `engineer:${viewer.userId}`;
    case 'donor':
      return `shared-with:${viewer.organizationId}`;
  }
}

/**
 * Who acts at a level, and so may change or escalate the obstacles there: at the governorate,
 * its engineers (of the project's governorate, checked with projectWritability) and admins; at
 * the ministry directorate, planners and admins; at the minister's level and at an
 * inter-ministerial meeting, the minister and admins. A higher level may always act on what is
 * below it (a minister can take up an obstacle still at the governorate).
 */
export const ACTORS_AT_LEVEL: Record<EscalationLevel, readonly ('admin' | 'minister' | 'planner' | 'engineer')[]> = {
  governorate: ['admin', 'engineer', 'planner', 'minister'],
  directorate: ['admin', 'planner', 'minister'],
  minister: ['admin', 'minister'],
  inter_ministerial: ['admin', 'minister'],
};

/** Who raises obstacles: admins, ministers and planners on any project, engineers on their own governorates'. */
export const OBSTACLE_RAISERS = ['admin', 'minister', 'planner', 'engineer'] as const;

/** Who creates and runs meetings, records and closes decisions. */
export const MEETING_ORGANIZERS = ['admin', 'minister', 'planner'] as const;

/** Who keeps the list of responsible bodies. */
export const BODY_KEEPERS = ['admin', 'minister', 'planner'] as const;

/**
 * Which meetings a viewer sees (`alias`: the MEETINGS row): the ministry every one; an engineer
 * those covering one of their governorates or a project in them; a donor those it takes part in
 * (meeting_organizations) or covering a project shared with it. Inside a visible meeting, agenda
 * items and decisions on a project still pass obstacleVisibility on that project (decisionVisibility).
 */
export function meetingVisibility(viewer: Viewer, params: SqlParams, alias = 'm'): string {
  if (viewer.kind === 'anonymous') return 'false';
  switch (viewer.role) {
    case 'admin':
    case 'minister':
    case 'viewer':
    case 'planner':
      return 'true';
    case 'engineer': {
      const user = params.add(viewer.userId);
      return `(exists (select 1 from meeting_governorates mg join user_admin_areas ua on ua.admin_area_id = mg.admin_area_id
                        where mg.meeting_id = ${alias}.id and ua.user_id = ${user})
               or exists (select 1 from meeting_projects mp join projects mpp on mpp.id = mp.project_id
                            join user_admin_areas ua on ua.admin_area_id = mpp.admin_area_id
                           where mp.meeting_id = ${alias}.id and ua.user_id = ${user}))`;
    }
    case 'donor': {
      const organization = params.add(viewer.organizationId);
      return `(exists (select 1 from meeting_organizations mo where mo.meeting_id = ${alias}.id and mo.organization_id = ${organization})
               or exists (select 1 from meeting_projects mp join project_shares ms on ms.project_id = mp.project_id
                           where mp.meeting_id = ${alias}.id and ms.organization_id = ${organization}))`;
    }
  }
}

/**
 * Which decisions a viewer sees: one on a project passes obstacleVisibility on that project
 * (`projectAlias`, left-joined: null when the decision names none); one on no project is seen by
 * whoever sees its meeting (`meetingAlias`).
 */
export function decisionVisibility(viewer: Viewer, params: SqlParams, projectAlias = 'p', meetingAlias = 'm'): string {
  return `(case when ${projectAlias}.id is not null then ${obstacleVisibility(viewer, params, projectAlias)}
                else ${meetingVisibility(viewer, params, meetingAlias)} end)`;
}
