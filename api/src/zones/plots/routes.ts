import { createRouter } from '../../http/router.ts';

/** `/api/zones/{id}/plots…`: a zone's plots, read and written. */
export const plotRoutes = createRouter();
