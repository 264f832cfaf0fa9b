import { createRouter } from '../http/router.ts';

/** /api/obstacles: the obstacle register, escalation and the minister's view (issue 13). */
export const obstacleRoutes = createRouter();
