import type { SqlParams } from '../sql/SqlParams.ts';
import type { Viewer } from './Viewer.ts';

/**
 * THE write rule for projects, the counterpart of projectVisibility: an admin writes every
 * project, a governorate engineer the projects in the governorates assigned to them
 * (user_admin_areas), nobody else any. Every write endpoint checks it through here.
 */
export function projectWritability(viewer: Viewer, params: SqlParams, alias = 'p'): string {
  if (viewer.kind === 'anonymous') return 'false';
  switch (viewer.role) {
    case 'admin':
      return 'true';
    case 'engineer':
      return `${alias}.admin_area_id in (select admin_area_id from user_admin_areas where user_id = ${params.add(viewer.userId)})`;
    case 'minister':
    case 'viewer':
    case 'donor':
      return 'false';
  }
}
