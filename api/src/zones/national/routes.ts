import { createRouter } from '../../http/router.ts';

/** `GET /api/zones` (the zones table) and `GET /api/zones/summary` (the national zone KPIs). */
export const nationalZoneRoutes = createRouter();
