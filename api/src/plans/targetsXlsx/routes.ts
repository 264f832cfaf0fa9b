import { createRouter } from '../../http/router.ts';

export const targetsXlsxRoutes = createRouter();
