/**
 * The vector tiles the API serves (`/tiles/{layer}/{z}/{x}/{y}.mvt`): for each tile layer, the MVT
 * layers its tiles hold, from which zoom, and each feature property with its type. The TileJSON
 * `vector_layers` are built from these, the page reads features by them, and a test compares them
 * with decoded tiles (tests/api/tiles.test.ts). Every feature also has its `id`.
 */

/** The type of a property as TileJSON names it. */
export type TileFieldType = 'String' | 'Number' | 'Boolean';

/** From this zoom up, projects are drawn one by one with their own geometry; below it, as clusters. */
export const PROJECTS_DETAIL_MINZOOM = 10;

/** From this zoom up, zone plots are drawn (below it a plots tile is empty: plots are too small to see). */
export const PLOTS_MINZOOM = 13;

/** The zooms tiles are served at. */
export const TILE_MINZOOM = 0;
export const TILE_MAXZOOM = 16;

export interface VectorLayerDescription {
  /** The MVT layer's name. */
  readonly id: string;
  readonly description: string;
  readonly minzoom: number;
  readonly maxzoom: number;
  /** Each property and its type; a property whose value is null is left out of that feature. */
  readonly fields: Readonly<Record<string, TileFieldType>>;
}

const metrics = {
  projects: 'Number',
  delayed: 'Number',
  stale: 'Number',
  share_delayed: 'Number',
  budget_total: 'Number',
  budget_spent: 'Number',
  progress_weighted: 'Number',
} as const;

export const TILE_LAYERS = {
  governorates: [
    {
      id: 'governorates',
      description: 'Governorate polygons with the summary metrics of their projects under the filters (as /api/summaries/governorates)',
      minzoom: TILE_MINZOOM,
      maxzoom: TILE_MAXZOOM,
      fields: { code: 'String', country_iso3: 'String', name_en: 'String', name_ar: 'String', name_ar_short: 'String', ...metrics },
    },
  ],
  projects: [
    {
      id: 'project_clusters',
      description: 'Projects aggregated per grid cell: how many, how many delayed, how many completed',
      minzoom: TILE_MINZOOM,
      maxzoom: PROJECTS_DETAIL_MINZOOM - 1,
      fields: { count: 'Number', delayed: 'Number', completed: 'Number' },
    },
    {
      id: 'projects',
      description: "Each project's own geometry, coloured by status, with its progress",
      minzoom: PROJECTS_DETAIL_MINZOOM,
      maxzoom: TILE_MAXZOOM,
      fields: {
        code: 'String',
        kind: 'String',
        sector: 'String',
        status: 'String',
        physical_progress: 'Number',
        title_ar: 'String',
        title_en: 'String',
        delayed: 'Boolean',
      },
    },
  ],
  zones: [
    {
      id: 'zones',
      description:
        'Industrial and craft zones with their plots, jobs and utilities readiness (0–100), derived from the plots and utility reports; ' +
        'occupancy is the percent of plots taken (absent for a zone without plots), readiness the mean of the five networks',
      minzoom: TILE_MINZOOM,
      maxzoom: TILE_MAXZOOM,
      fields: {
        code: 'String',
        kind: 'String',
        status: 'String',
        physical_progress: 'Number',
        title_ar: 'String',
        title_en: 'String',
        development: 'String',
        plots_total: 'Number',
        plots_allocated: 'Number',
        plots_in_production: 'Number',
        water_readiness: 'Number',
        electricity_readiness: 'Number',
        roads_readiness: 'Number',
        sewage_readiness: 'Number',
        telecoms_readiness: 'Number',
        readiness: 'Number',
        occupancy: 'Number',
        plots_vacant: 'Number',
        jobs_actual: 'Number',
        jobs_planned: 'Number',
      },
    },
  ],
  plots: [
    {
      id: 'plots',
      description: "Zone plots with their status and permitted activity (never who holds them), from the zoom they can be seen at",
      minzoom: PLOTS_MINZOOM,
      maxzoom: TILE_MAXZOOM,
      fields: { zone_id: 'Number', plot_number: 'String', status: 'String', activity: 'String', area_m2: 'Number' },
    },
  ],
} as const satisfies Record<string, readonly VectorLayerDescription[]>;

export type TileLayerName = keyof typeof TILE_LAYERS;
export const TILE_LAYER_NAMES = Object.keys(TILE_LAYERS) as [TileLayerName, ...TileLayerName[]];

type FieldValue<T extends TileFieldType> = T extends 'String' ? string : T extends 'Number' ? number : boolean;
type LayerOf<L extends TileLayerName, Id extends string> = Extract<(typeof TILE_LAYERS)[L][number], { id: Id }>;

/** The properties of a feature of MVT layer `Id` of tile layer `L` (each may be missing when null). */
export type TileFeatureProperties<L extends TileLayerName, Id extends (typeof TILE_LAYERS)[L][number]['id']> = {
  [K in keyof LayerOf<L, Id>['fields']]?: LayerOf<L, Id>['fields'][K] extends TileFieldType ? FieldValue<LayerOf<L, Id>['fields'][K]> : never;
};

/** The TileJSON 3.0 `vector_layers` of a tile layer. */
export function vectorLayers(layer: TileLayerName): VectorLayerDescription[] {
  return TILE_LAYERS[layer].map(({ id, description, minzoom, maxzoom, fields }) => ({ id, description, minzoom, maxzoom, fields }));
}
