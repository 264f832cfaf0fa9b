import { createRouter } from '../../http/router.ts';

/** `/api/indicators`: the indicator catalogue. */
export const indicatorRoutes = createRouter();
