import { createRouter } from '../http/router.ts';

/** /api/decisions: decisions across meetings, and closing one with a note. */
export const decisionRoutes = createRouter();
