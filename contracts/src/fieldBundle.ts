import { z } from 'zod';
import { OrganizationList } from './accounts.ts';
import { ObstaclePage } from './obstacles.ts';
import { governorateCode } from './patterns.ts';
import { ProgressReportList } from './progressReports.ts';
import { HistoryList, ProjectDetail, ProjectShareList } from './projects.ts';
import { PlotList, ZoneDetail } from './zones.ts';

/**
 * "Prepare for the field" (issue 14): what a signed-in user takes onto the device before going
 * where there is no connection — their governorates' projects (each as the project drawer reads
 * it: the project, its progress reports, its history), the zones among them with their plots, and
 * which map tiles to fetch so that every project can be found on the map offline.
 *
 * `GET /api/field/estimate?governorate=…` counts it first (and weighs the bundle), `GET
 * /api/field/bundle?governorate=…` sends it. Both follow the read rule (projectVisibility); the
 * governorates are the engineer's own (a subset with `governorate`), a donor's shared projects
 * (optionally in `governorate`), and for other roles the governorates they name.
 */

/** At most this many projects go into one bundle: more, and the caller is asked to take fewer governorates. */
export const FIELD_MAX_PROJECTS = 600;
/** At most this many map tiles per tile layer; the whole-area zoom is lowered until they fit. */
export const FIELD_MAX_TILES = 3000;
/** Tiles are fetched over the whole governorate up to this zoom (projects are drawn one by one from PROJECTS_DETAIL_MINZOOM)… */
export const FIELD_AREA_MAX_ZOOM = 10;
/** …and beyond it only where projects are, up to the zoom that puts every project in a tile of its own, at most this. */
export const FIELD_TILE_MAX_ZOOM = 14;

/** `[z, x, y]` of one map tile (XYZ, Web Mercator). */
export const TileCoordinate = z.tuple([z.number().int(), z.number().int(), z.number().int()]);
export type TileCoordinate = z.infer<typeof TileCoordinate>;

/** One governorate of the bundle, with its bounds: `[minLon, minLat, maxLon, maxLat]`. */
export const FieldGovernorate = z.object({
  code: governorateCode,
  name_ar: z.string(),
  name_en: z.string(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
});
export type FieldGovernorate = z.infer<typeof FieldGovernorate>;

/** Which tiles to fetch: over the governorates to `area_max_zoom`, then where projects are to `max_zoom`. */
export const FieldTiles = z.object({
  area_max_zoom: z.number().int(),
  max_zoom: z.number().int().describe('The zoom at which every project has a tile of its own (at most FIELD_TILE_MAX_ZOOM)'),
  coordinates: z.array(TileCoordinate).describe('For every vector tile layer the map draws (projects, zones)'),
});
export type FieldTiles = z.infer<typeof FieldTiles>;

/** `GET /api/field/estimate`: what the bundle holds and weighs, before it is downloaded. */
export const FieldEstimate = z.object({
  governorates: z.array(FieldGovernorate),
  projects: z.number().int(),
  reports: z.number().int(),
  zones: z.number().int(),
  plots: z.number().int(),
  bundle_bytes: z.number().int().describe('The bundle as JSON, before compression'),
  tiles: z.number().int().describe('Tile coordinates to fetch, per tile layer'),
  tile_max_zoom: z.number().int(),
  data_version: z.string().describe('Changes whenever the data may have changed: a bundle of another version is out of date'),
});
export type FieldEstimate = z.infer<typeof FieldEstimate>;

/** Obstacles per project as the drawer lists them (`GET /api/obstacles?project={id}&limit=…`). */
export const FIELD_OBSTACLE_LIMIT = 200;

/**
 * A project as the drawer reads it offline: `GET /api/projects/{id}`, `…/progress`, `…/history`,
 * its obstacles (`GET /api/obstacles?project={id}&limit=FIELD_OBSTACLE_LIMIT`) and, for the roles
 * that may see them, whom it is shared with (`…/shares`; null for the others).
 */
export const FieldProject = z.object({
  detail: ProjectDetail,
  progress: ProgressReportList,
  history: HistoryList,
  obstacles: ObstaclePage,
  shares: ProjectShareList.nullable(),
});
export type FieldProject = z.infer<typeof FieldProject>;

/** A zone as the zone screen reads it offline: `GET /api/zones/{id}` and `…/plots` (no filter). */
export const FieldZone = z.object({ detail: ZoneDetail, plots: PlotList });
export type FieldZone = z.infer<typeof FieldZone>;

/** `GET /api/field/bundle`: everything the device keeps for the field. */
export const FieldBundle = z.object({
  data_version: z.string(),
  prepared_at: z.string().describe('When the server made the bundle (ISO 8601)'),
  governorates: z.array(FieldGovernorate),
  projects: z.array(FieldProject),
  zones: z.array(FieldZone),
  /** `GET /api/organizations`: the drawer's funders and the organizations a project may be shared with. */
  organizations: OrganizationList,
  tiles: FieldTiles,
});
export type FieldBundle = z.infer<typeof FieldBundle>;

/** `GET /api/field/version`: the data version alone, for a device to know cheaply whether its bundle is out of date. */
export const FieldVersion = z.object({ data_version: z.string() });
export type FieldVersion = z.infer<typeof FieldVersion>;
