import { createRouter } from '../http/router.ts';

/** /api/responsible-bodies: who may have to act on obstacles and decisions. */
export const responsibleBodyRoutes = createRouter();
