import { MVTLayer } from '@deck.gl/geo-layers';
import type { Color, Layer } from '@deck.gl/core';
import { PLOTS_MINZOOM, type PlotStatus } from '@marsad/contracts';
import { PLOT_STATUS_COLORS } from '../../features/zone/plotStatus.ts';
import { hexToRgb, UNKNOWN_STATUS_COLOR } from '../colorScales.ts';
import { marsadTileOptions } from './marsadTileOptions.ts';
import { tileUrlTemplate, type TileFeature } from './tileFeatures.ts';

export const PLOTS_LAYER_ID = 'plots';

/** The open zone and the plots chosen in it: its plots stand out, the chosen ones outlined. */
export interface ZoneFocus {
  zone: number;
  plots: readonly number[];
}

const SELECTED_LINE: Color = [20, 20, 20, 255];
const PLOT_LINE: Color = [60, 60, 60, 200];

function statusRgb(feature: TileFeature): [number, number, number] {
  const status = String(feature.properties.status) as PlotStatus;
  return hexToRgb(Object.hasOwn(PLOT_STATUS_COLORS, status) ? PLOT_STATUS_COLORS[status] : UNKNOWN_STATUS_COLOR);
}

const inFocus = (feature: TileFeature, focus: ZoneFocus | null) => focus !== null && Number(feature.properties.zone_id) === focus.zone;
const isSelected = (feature: TileFeature, focus: ZoneFocus | null) => focus !== null && typeof feature.id === 'number' && focus.plots.includes(feature.id);

export interface PlotsLayerOptions {
  /** Filters as an API query string (`filterQuery`). */
  query: string;
  focus: ZoneFocus | null;
  onViewportLoad: () => void;
}

/**
 * Zone plots from `/tiles/plots` (from zoom 13, where a plot is big enough to see), filled by
 * status (PLOT_STATUS_COLORS). The open zone's plots are drawn strong, other zones' faint; the
 * chosen plots get a thick dark outline.
 */
export function plotsLayer({ query, focus, onViewportLoad }: PlotsLayerOptions): Layer {
  const focusKey = focus === null ? '' : `${focus.zone}:${focus.plots.join(',')}`;
  return new MVTLayer({
    id: PLOTS_LAYER_ID,
    data: tileUrlTemplate('plots', query),
    ...marsadTileOptions(),
    minZoom: PLOTS_MINZOOM,
    highlightColor: [255, 255, 255, 90],
    stroked: true,
    filled: true,
    lineWidthUnits: 'pixels',
    getFillColor: (feature: TileFeature) => [...statusRgb(feature), isSelected(feature, focus) ? 255 : inFocus(feature, focus) ? 215 : 110],
    getLineColor: (feature: TileFeature) => (isSelected(feature, focus) ? SELECTED_LINE : PLOT_LINE),
    getLineWidth: (feature: TileFeature) => (isSelected(feature, focus) ? 3.5 : 1),
    onViewportLoad,
    updateTriggers: { getFillColor: focusKey, getLineColor: focusKey, getLineWidth: focusKey },
  });
}
