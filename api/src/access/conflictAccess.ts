import type { SqlParams } from '../sql/SqlParams.ts';
import { projectWritability } from './projectWritability.ts';
import type { Viewer } from './Viewer.ts';

/**
 * THE access rule for field conflicts (writes held for review, issue 14), narrower than who sees
 * the project: a held write is the ministry's and the governorate's working business.
 *
 * - the ministry (admin, minister, viewer, planner) sees every conflict;
 * - an engineer sees the conflicts on projects they may write (projectWritability: their governorates);
 * - donors and anonymous callers see none.
 *
 * Deciding one (accept, reject) is writing the project: projectWritability, so admins and the
 * engineers of its governorate (conflictDecidability). `alias` is the PROJECTS row of the conflict.
 */
export function conflictVisibility(viewer: Viewer, params: SqlParams, alias = 'p'): string {
  if (viewer.kind === 'anonymous') return 'false';
  switch (viewer.role) {
    case 'admin':
    case 'minister':
    case 'viewer':
    case 'planner':
      return 'true';
    case 'engineer':
      return projectWritability(viewer, params, alias);
    case 'donor':
      return 'false';
  }
}

/** Who may accept or reject a conflict they see: whoever may write its project. */
export const conflictDecidability = projectWritability;
