import { z } from '@hono/zod-openapi';
import { countryCode } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { PLAN_APPROVERS, PLAN_DRAFTERS, PLAN_PUBLISHERS, planScope, type PlanScope } from '../../access/planAccess.ts';
import type { Viewer } from '../../access/Viewer.ts';
import { conflict, notFound } from '../../http/problems.ts';
import { requireUser } from '../../http/requireUser.ts';
import { findPlan, versionOfStatus, type PlanRow, type VersionRow } from './queries.ts';

/** What every plan route shares: its path parameters, its guards, and finding the plan a viewer may see. */

/** `/{country}/{year}`: a country (ISO 3166-1 alpha-3) and a year. */
export const PlanParams = z.object({
  country: countryCode.meta({ param: { name: 'country', in: 'path' }, example: 'SYR' }),
  year: z
    .string()
    .regex(/^\d{4}$/, 'must be a year such as 2026')
    .transform(Number)
    .pipe(z.number().min(2000, 'must be 2000 or later').max(2100, 'must be 2100 or earlier'))
    .meta({ param: { name: 'year', in: 'path' }, example: '2026' }),
});

export const drafters = requireUser('Sign in as a planner or an admin to draft plans', {
  roles: PLAN_DRAFTERS,
  forbiddenDetail: 'Planners and admins draft plans (their targets, revisions and uploads)',
});

export const approvers = requireUser('Sign in as a minister or an admin to approve plans', {
  roles: PLAN_APPROVERS,
  forbiddenDetail: 'Ministers and admins approve plans',
});

/** Who reads a draft before it is approved: who drafts it and who approves it. */
export const DRAFT_READERS = [...new Set([...PLAN_DRAFTERS, ...PLAN_APPROVERS])];

export const draftReaders = requireUser('Sign in as a planner, a minister or an admin to read a draft plan', {
  roles: DRAFT_READERS,
  forbiddenDetail: 'A draft plan is read by planners, ministers and admins until it is approved',
});

export const publishers = requireUser('Sign in as an admin to publish plans', {
  roles: PLAN_PUBLISHERS,
  forbiddenDetail: 'Only admins publish plans to anonymous readers',
});

export const noSuchPlan = (country: string, year: number) => notFound(`No plan for ${country} ${year} is visible to you`);

/** Whether `viewer` may read drafts. */
export const readsDrafts = (viewer: Viewer) => viewer.kind === 'user' && DRAFT_READERS.includes(viewer.role);

/** The plan and what the viewer may see of it; 404 alike when it does not exist or the viewer may not see it. */
export async function visiblePlan(db: Queryable, viewer: Viewer, country: string, year: number): Promise<{ plan: PlanRow; scope: PlanScope }> {
  const plan = await findPlan(db, country, year);
  const scope = plan ? await planScope(db, viewer, plan.is_published) : null;
  if (!plan || !scope) throw noSuchPlan(country, year);
  return { plan, scope };
}

/** The draft to change, locked; 409 naming what to do when there is none. */
export async function draftForChange(tx: Queryable, plan: PlanRow): Promise<VersionRow> {
  const draft = await versionOfStatus(tx, plan.id, 'draft', true);
  if (draft) return draft;
  const approved = await versionOfStatus(tx, plan.id, 'approved');
  throw conflict(
    approved
      ? `The plan for ${plan.country} ${plan.year} has no draft: version ${approved.number} is approved and its targets do not change. Start a revision first (POST /api/plans/${plan.country}/${plan.year}/revisions)`
      : `The plan for ${plan.country} ${plan.year} has no draft to change`,
  );
}

/** 409 when the draft moved on since the version the client read. */
export function assertCurrent(draft: VersionRow, sent: number | undefined): void {
  if (sent !== undefined && sent !== draft.version) {
    throw conflict(`The draft changed since you read it (you sent version ${sent}, it is now at ${draft.version}): reload it and apply your change again`, {
      current_version: draft.version,
    });
  }
}
