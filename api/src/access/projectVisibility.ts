import type { SqlParams } from '../sql/SqlParams.ts';
import type { Viewer } from './Viewer.ts';

/**
 * THE access rule for reading projects. Every way project data leaves Marsad (lists, detail,
 * summaries, tiles, OGC API, exports, search) filters with this predicate, so a rule changed
 * here changes everywhere at once.
 *
 * - anonymous: published projects only;
 * - admin, minister, viewer, engineer: every project (engineers write only their own, elsewhere);
 * - donor: only projects shared with the donor's organization.
 */
export function projectVisibility(viewer: Viewer, params: SqlParams, alias = 'p'): string {
  if (viewer.kind === 'anonymous') return `${alias}.is_published`;
  switch (viewer.role) {
    case 'admin':
    case 'minister':
    case 'viewer':
    case 'planner':
    case 'engineer':
      return 'true';
    case 'donor':
      return `exists (select 1 from project_shares visible_share
                       where visible_share.project_id = ${alias}.id
                         and visible_share.organization_id = ${params.add(viewer.organizationId)})`;
  }
}

/**
 * What the visibility predicate depends on, as a short string: two viewers with the same
 * scope see exactly the same projects, so cached results (tiles) may be shared between them.
 */
export function visibilityScope(viewer: Viewer): string {
  if (viewer.kind === 'anonymous') return 'published';
  return viewer.role === 'donor' ? `shared-with:${viewer.organizationId}` : 'all';
}
