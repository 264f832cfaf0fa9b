import { canMove, STATUS_TRANSITIONS, type ProjectStatus } from '@marsad/contracts';
import { unprocessable } from '../../http/problems.ts';

/** The lifecycle rule for a report: 422 naming the statuses allowed when `from` may not become `to`. */
export function assertStatusMove(from: ProjectStatus, to: ProjectStatus): void {
  if (!canMove(from, to)) {
    throw unprocessable(`A project that is ${from} cannot become ${to}`, { allowed: [from, ...STATUS_TRANSITIONS[from]] });
  }
}
