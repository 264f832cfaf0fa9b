import { createRouter } from '../http/router.ts';
import { zoneDetailRoutes } from './detail/routes.ts';
import { nationalZoneRoutes } from './national/routes.ts';
import { plotImportRoutes } from './plots/import/routes.ts';
import { plotRoutes } from './plots/routes.ts';

/** `/api/zones`: the zones table and KPIs, one zone's screen, its plots and their import. */
export const zoneRoutes = createRouter();
// The national routes first: `/summary` must not be read as a zone id.
zoneRoutes.route('/', nationalZoneRoutes);
zoneRoutes.route('/', zoneDetailRoutes);
zoneRoutes.route('/', plotImportRoutes);
zoneRoutes.route('/', plotRoutes);
