import type { ProjectStatus } from './projectVocabulary.ts';

/**
 * Where a project may go from each status in one progress update. Staying put is always
 * allowed (a progress report without a change of status). Completed and cancelled are final:
 * a mistake there is corrected by an admin, not by a progress report.
 */
export const STATUS_TRANSITIONS: Record<ProjectStatus, readonly ProjectStatus[]> = {
  planned: ['tendering', 'in_progress', 'suspended', 'cancelled'],
  tendering: ['planned', 'in_progress', 'suspended', 'cancelled'],
  in_progress: ['suspended', 'completed', 'cancelled'],
  suspended: ['in_progress', 'cancelled'],
  completed: [],
  cancelled: [],
};

export const canMove = (from: ProjectStatus, to: ProjectStatus): boolean => from === to || STATUS_TRANSITIONS[from].includes(to);
