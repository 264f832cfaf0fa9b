import { createRouter } from '../../../http/router.ts';

/** `POST /api/zones/{id}/plots/import`: plots from a GeoJSON, zipped Shapefile or DXF file. */
export const plotImportRoutes = createRouter();
