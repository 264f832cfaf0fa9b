import { createRouter } from '../../http/router.ts';

/** `GET /api/zones/{id}` (the zone screen's head) and `PATCH /api/zones/{id}` (its own facts). */
export const zoneDetailRoutes = createRouter();
