import { ESCALATION_LEVELS } from '@marsad/contracts';
import { ACTORS_AT_LEVEL, OBSTACLE_RAISERS } from '../access/obstacleAccess.ts';
import { projectWritability } from '../access/projectWritability.ts';
import type { Viewer } from '../access/Viewer.ts';
import type { SqlParams } from '../sql/SqlParams.ts';

/**
 * Who may act on an obstacle, in SQL, from the rules of access/obstacleAccess.ts: a role listed in
 * ACTORS_AT_LEVEL for the obstacle's level, and an engineer only on projects they write
 * (projectWritability: their governorates). Acting means changing it (reopening an ended one
 * included) and escalating it. `level` is the SQL of the obstacle's level; `project` the alias of
 * its PROJECTS row.
 */
export function actsAtLevelSql(viewer: Viewer, params: SqlParams, level = 'o.level', project = 'p'): string {
  if (viewer.kind === 'anonymous') return 'false';
  const role = viewer.role;
  const levels = ESCALATION_LEVELS.filter((l) => (ACTORS_AT_LEVEL[l] as readonly string[]).includes(role));
  if (levels.length === 0) return 'false';
  const atLevel = `${level} = any(${params.add(levels)}::text[])`;
  return role === 'engineer' ? `(${atLevel} and ${projectWritability(viewer, params, project)})` : atLevel;
}

/** Whether the viewer's role raises obstacles at all (OBSTACLE_RAISERS). */
export function raisesObstacles(viewer: Viewer): boolean {
  return viewer.kind === 'user' && (OBSTACLE_RAISERS as readonly string[]).includes(viewer.role);
}

/** Whether the viewer may raise an obstacle on project `project` (SQL): a raiser, an engineer only in their governorates. */
export function raisesOnProjectSql(viewer: Viewer, params: SqlParams, project = 'p'): string {
  if (!raisesObstacles(viewer) || viewer.kind === 'anonymous') return 'false';
  return viewer.role === 'engineer' ? projectWritability(viewer, params, project) : 'true';
}
