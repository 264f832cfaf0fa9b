import { createRouter } from '../http/router.ts';

/** `/api/investors`: who holds plots, for the ministry's eyes only. */
export const investorRoutes = createRouter();
