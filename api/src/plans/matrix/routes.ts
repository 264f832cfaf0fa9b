import { createRouter } from '../../http/router.ts';

/** `/api/plans/{country}/{year}/matrix`, series and cells: plan against achieved. */
export const planMatrixRoutes = createRouter();
