import { MVTLayer } from '@deck.gl/geo-layers';
import type { Color, Layer } from '@deck.gl/core';
import { DELAYED_COLOR, hexToRgb, statusColor } from '../colorScales.ts';
import { marsadTileOptions } from './marsadTileOptions.ts';
import { PROJECTS_DETAIL_MINZOOM, tileUrlTemplate, type TileFeature } from './tileFeatures.ts';

export const PROJECTS_LAYER_ID = 'projects';

const DELAYED_LINE: Color = [...hexToRgb(DELAYED_COLOR), 255];
const WHITE: Color = [255, 255, 255, 255];
const HIGHLIGHT = [255, 255, 255, 110];

function fillColor(feature: TileFeature): Color {
  const [r, g, b] = hexToRgb(statusColor(String(feature.properties.status)));
  return feature.geometry.type.includes('Polygon') ? [r, g, b, 120] : [r, g, b, 235];
}

function lineColor(feature: TileFeature): Color {
  if (feature.properties.delayed === true || feature.properties.delayed === 1) return DELAYED_LINE;
  if (feature.geometry.type.includes('LineString')) return fillColor(feature);
  return feature.geometry.type.includes('Polygon') ? [...hexToRgb(statusColor(String(feature.properties.status))), 255] : WHITE;
}

// Clusters are MapLibre's below PROJECTS_DETAIL_MINZOOM (layers/projectAggregates.ts): this layer draws single projects only.
const POINT_RADIUS = 6;

export interface ProjectsLayerOptions {
  /** Filters as an API query string (`filterQuery`). */
  query: string;
  onViewportLoad: () => void;
  /** A project not to draw (the open zone: the zones layer outlines it, its plots fill it). */
  hidden?: number | null;
}

/**
 * Projects from `/tiles/projects` from zoom 10 (below it MapLibre draws them counted, with their
 * numbers: `layers/projectAggregates.ts`): each project as its point, line or polygon coloured by status
 * (Okabe–Ito), delayed ones outlined in vermillion.
 */
export function projectsLayer({ query, onViewportLoad, hidden = null }: ProjectsLayerOptions): Layer {
  const shown = (color: Color, feature: TileFeature): Color => (hidden !== null && feature.id === hidden ? [0, 0, 0, 0] : color);
  return new MVTLayer({
    id: PROJECTS_LAYER_ID,
    data: tileUrlTemplate('projects', query),
    ...marsadTileOptions(),
    // Below the detail zoom MapLibre draws the projects as counts (`layers/projectAggregates.ts`).
    minZoom: PROJECTS_DETAIL_MINZOOM,
    highlightColor: HIGHLIGHT,
    pointType: 'circle',
    pointRadiusUnits: 'pixels',
    lineWidthUnits: 'pixels',
    stroked: true,
    filled: true,
    getFillColor: (feature: TileFeature) => shown(fillColor(feature), feature),
    getLineColor: (feature: TileFeature) => shown(lineColor(feature), feature),
    getPointRadius: POINT_RADIUS,
    getLineWidth: (feature: TileFeature) => (feature.geometry.type.includes('LineString') ? 4 : 1.5),
    lineWidthMinPixels: 1,
    onViewportLoad,
    updateTriggers: { getFillColor: [query, hidden], getLineColor: [query, hidden] },
  });
}
