import { createRouter } from '../../http/router.ts';

/** `/api/returns`: periodic returns (the statistical forms). */
export const returnRoutes = createRouter();
