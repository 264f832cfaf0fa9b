import { MVTLayer } from '@deck.gl/geo-layers';
import type { Color, Layer } from '@deck.gl/core';
import { marsadTileOptions } from './marsadTileOptions.ts';
import { tileUrlTemplate, type TileFeature } from './tileFeatures.ts';

export const ZONES_LAYER_ID = 'zones';

/** Industrial zones in dark grey-violet, craft zones in bluish green; fill by share of plots in production. */
export const ZONE_COLORS: Record<'industrial_zone' | 'craft_zone', Color> = {
  industrial_zone: [92, 61, 120],
  craft_zone: [0, 121, 107],
};

function zoneColor(feature: TileFeature): [number, number, number] {
  const color = feature.properties.kind === 'craft_zone' ? ZONE_COLORS.craft_zone : ZONE_COLORS.industrial_zone;
  return [color[0], color[1], color[2]];
}

/** Share of plots in production, 0–1, for the fill opacity. */
export function productionShare(properties: Record<string, unknown>): number {
  const total = Number(properties.plots_total);
  const producing = Number(properties.plots_in_production);
  return total > 0 && Number.isFinite(producing) ? Math.min(1, Math.max(0, producing / total)) : 0;
}

const FOCUS_LINE: Color = [20, 20, 20, 255];

/**
 * Industrial and craft zones from `/tiles/zones`, as polygons with a minimum outline width; the
 * open zone (`focused`) is outlined thick and dark, its fill left to its plots.
 */
export function zonesLayer(query: string, focused: number | null = null): Layer {
  const isFocused = (feature: TileFeature) => focused !== null && feature.id === focused;
  return new MVTLayer({
    id: ZONES_LAYER_ID,
    data: tileUrlTemplate('zones', query),
    ...marsadTileOptions(),
    highlightColor: [255, 255, 255, 110],
    stroked: true,
    filled: true,
    lineWidthUnits: 'pixels',
    getFillColor: (feature: TileFeature) =>
      isFocused(feature) ? [255, 255, 255, 90] : [...zoneColor(feature), 60 + Math.round(140 * productionShare(feature.properties))],
    getLineColor: (feature: TileFeature) => (isFocused(feature) ? FOCUS_LINE : [...zoneColor(feature), 255]),
    getLineWidth: (feature: TileFeature) => (isFocused(feature) ? 4 : 2),
    updateTriggers: { getFillColor: focused, getLineColor: focused, getLineWidth: focused },
    pointRadiusUnits: 'pixels',
    getPointRadius: 5,
  });
}
