import { createRouter } from '../../http/router.ts';

export const planMatrixExportRoutes = createRouter();
