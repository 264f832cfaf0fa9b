import type { Queryable } from '@marsad/db';
import type { Role } from '@marsad/contracts';
import type { Viewer } from './Viewer.ts';

/**
 * THE access rule for plans, returns and the matrix, beside projectVisibility (which still decides
 * which projects a computed value counts). Every plan route asks here:
 *
 * - the ministry (admin, minister, viewer, planner) sees every plan, target and return;
 * - an engineer sees the plan lines and returns of their own governorates (no national row) and
 *   submits those governorates' returns;
 * - a donor sees only computed indicators, counted over the projects shared with it: no targets,
 *   no returns;
 * - an anonymous caller sees nothing, unless an admin has published the plan: then its targets and
 *   achieved values per governorate and for the country, counted over published projects, without
 *   the returns behind them.
 */
export interface PlanScope {
  /** Whether targets (and versions) are shown. */
  targets: boolean;
  /** Whether reported indicators and their returns are shown. */
  reported: boolean;
  /** Whether the return history (who submitted what, notes) may be read. */
  returnHistory: boolean;
  /** The governorates (admin_areas ids) whose rows are shown; 'all' for every one of the country. */
  governorates: 'all' | number[];
}

const MINISTRY: readonly Role[] = ['admin', 'minister', 'viewer', 'planner'];

/** What `viewer` may see of a plan (`isPublished`: of the plan asked for); null: nothing at all. */
export async function planScope(db: Queryable, viewer: Viewer, isPublished: boolean): Promise<PlanScope | null> {
  if (viewer.kind === 'anonymous') {
    return isPublished ? { targets: true, reported: true, returnHistory: false, governorates: 'all' } : null;
  }
  if (MINISTRY.includes(viewer.role)) return { targets: true, reported: true, returnHistory: true, governorates: 'all' };
  if (viewer.role === 'donor') return { targets: false, reported: false, returnHistory: false, governorates: 'all' };
  return { targets: true, reported: true, returnHistory: true, governorates: await assignedGovernorates(db, viewer.userId) };
}

/** The governorates an engineer is assigned (user_admin_areas). */
export async function assignedGovernorates(db: Queryable, userId: number): Promise<number[]> {
  const rows = await db.query<{ admin_area_id: number }>('select admin_area_id from user_admin_areas where user_id = $1 order by 1', [userId]);
  return rows.map((r) => r.admin_area_id);
}

/** A short string of what planScope depends on, for cache keys: same key, same answer. */
export function planScopeKey(viewer: Viewer): string {
  if (viewer.kind === 'anonymous') return 'published';
  if (MINISTRY.includes(viewer.role)) return 'ministry';
  if (viewer.role === 'donor') return `shared-with:${viewer.organizationId}`;
  return `engineer:${viewer.userId}`;
}

/** Who drafts plans (targets, revisions, uploads). */
export const PLAN_DRAFTERS: readonly Role[] = ['admin', 'planner'];
/** Who approves a draft. */
export const PLAN_APPROVERS: readonly Role[] = ['admin', 'minister'];
/** Who publishes a plan's totals to anonymous readers, and edits the indicator catalogue. */
export const PLAN_PUBLISHERS: readonly Role[] = ['admin'];

/** Whether `viewer` may submit returns for governorate `adminAreaId`: admins any, engineers their own. */
export async function mayReturnFor(db: Queryable, viewer: Viewer, adminAreaId: number): Promise<boolean> {
  if (viewer.kind === 'anonymous') return false;
  if (viewer.role === 'admin') return true;
  if (viewer.role !== 'engineer') return false;
  return (await assignedGovernorates(db, viewer.userId)).includes(adminAreaId);
}
