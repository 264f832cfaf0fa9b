import type { Feature, Geometry } from 'geojson';

/** MVT layer names inside `/tiles/projects` tiles: clusters below zoom 10, projects from 10. */
export const PROJECT_TILE_LAYERS = { clusters: 'project_clusters', projects: 'projects' } as const;

/** Zoom from which the API sends single projects instead of clusters. */
export const PROJECTS_DETAIL_MINZOOM = 10;

export interface ProjectTileProperties {
  layerName: typeof PROJECT_TILE_LAYERS.projects;
  code: string;
  kind: string;
  sector: string;
  status: string;
  physical_progress: number;
  title_ar: string;
  title_en: string;
  delayed: boolean;
}

export interface ClusterTileProperties {
  layerName: typeof PROJECT_TILE_LAYERS.clusters;
  count: number;
  delayed: number;
  completed: number;
}

export interface ZoneTileProperties {
  layerName: 'zones';
  code: string;
  kind: string;
  status: string;
  title_ar: string;
  title_en: string;
  plots_total: number;
  plots_allocated: number;
  plots_in_production: number;
}

export interface PlotTileProperties {
  layerName: 'plots';
  zone_id: number;
  plot_number: string;
  status: string;
  activity: string | null;
  area_m2: number;
}

export type TileFeature = Feature<Geometry, Record<string, unknown>>;

/** What the pointer is on, among deck.gl's layers. */
export type PickedFeature =
  | { type: 'project'; id: number; properties: ProjectTileProperties }
  | { type: 'cluster'; properties: ClusterTileProperties; lon: number; lat: number }
  | { type: 'zone'; id: number; properties: ZoneTileProperties }
  | { type: 'plot'; id: number; properties: PlotTileProperties };

function numberId(feature: TileFeature): number | null {
  return typeof feature.id === 'number' && Number.isInteger(feature.id) && feature.id > 0 ? feature.id : null;
}

/**
 * Reads a picked tile feature. MVT booleans may arrive as booleans or 0/1; ids are the project
 * ids (`feature.id`); clusters have no id that means anything outside their tile.
 */
export function readPickedFeature(feature: TileFeature | null | undefined, coordinate: number[] | undefined): PickedFeature | null {
  if (feature === null || feature === undefined) return null;
  const p = feature.properties;
  if (p.layerName === PROJECT_TILE_LAYERS.clusters && typeof p.count === 'number') {
    const [lon, lat] = coordinate ?? [];
    return {
      type: 'cluster',
      properties: { layerName: PROJECT_TILE_LAYERS.clusters, count: p.count, delayed: Number(p.delayed ?? 0), completed: Number(p.completed ?? 0) },
      lon: lon ?? 0,
      lat: lat ?? 0,
    };
  }
  const id = numberId(feature);
  if (id === null) return null;
  if (p.layerName === PROJECT_TILE_LAYERS.projects) {
    return {
      type: 'project',
      id,
      properties: {
        layerName: PROJECT_TILE_LAYERS.projects,
        code: String(p.code ?? ''),
        kind: String(p.kind ?? ''),
        sector: String(p.sector ?? ''),
        status: String(p.status ?? ''),
        physical_progress: Number(p.physical_progress ?? 0),
        title_ar: String(p.title_ar ?? ''),
        title_en: String(p.title_en ?? ''),
        delayed: p.delayed === true || p.delayed === 1,
      },
    };
  }
  if (p.layerName === 'zones') {
    return {
      type: 'zone',
      id,
      properties: {
        layerName: 'zones',
        code: String(p.code ?? ''),
        kind: String(p.kind ?? ''),
        status: String(p.status ?? ''),
        title_ar: String(p.title_ar ?? ''),
        title_en: String(p.title_en ?? ''),
        plots_total: Number(p.plots_total ?? 0),
        plots_allocated: Number(p.plots_allocated ?? 0),
        plots_in_production: Number(p.plots_in_production ?? 0),
      },
    };
  }
  if (p.layerName === 'plots' && typeof p.zone_id === 'number') {
    return {
      type: 'plot',
      id,
      properties: {
        layerName: 'plots',
        zone_id: p.zone_id,
        plot_number: String(p.plot_number ?? ''),
        status: String(p.status ?? ''),
        activity: typeof p.activity === 'string' ? p.activity : null,
        area_m2: Number(p.area_m2 ?? 0),
      },
    };
  }
  return null;
}

/** Cluster circle radius in pixels: grows with the square root of the count, within bounds. */
export function clusterRadius(count: number): number {
  return Math.min(28, 5 + 2.2 * Math.sqrt(Math.max(0, count)));
}

/** Tile URL template for a layer under the filters. */
export function tileUrlTemplate(layer: 'projects' | 'zones' | 'plots', query: string): string {
  const base = `/tiles/${layer}/{z}/{x}/{y}.mvt`;
  return query === '' ? base : `${base}?${query}`;
}
