import { createRouter } from '../http/router.ts';

/** /api/meetings: review meetings, their agendas (frozen before the meeting) and decisions. */
export const meetingRoutes = createRouter();
