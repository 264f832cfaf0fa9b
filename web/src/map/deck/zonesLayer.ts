import { MVTLayer } from '@deck.gl/geo-layers';
import type { Color, Layer } from '@deck.gl/core';
import type { ZoneMetric } from '@marsad/contracts';
import { hexToRgb } from '../colorScales.ts';
import { zoneMetricColor } from '../zoneMetricScale.ts';
import { COUNT_BADGES_MAXZOOM } from '../countBadges.ts';
import { marsadTileOptions } from './marsadTileOptions.ts';
import { tileUrlTemplate, type TileFeature } from './tileFeatures.ts';

export const ZONES_LAYER_ID = 'zones';

/** Zone outlines by kind: industrial zones dark grey-violet, craft zones bluish green. */
export const ZONE_COLORS: Record<'industrial_zone' | 'craft_zone', Color> = {
  industrial_zone: [92, 61, 120],
  craft_zone: [0, 121, 107],
};

const FILL_ALPHA = 190;

function kindColor(feature: TileFeature): [number, number, number] {
  const color = feature.properties.kind === 'craft_zone' ? ZONE_COLORS.craft_zone : ZONE_COLORS.industrial_zone;
  return [color[0], color[1], color[2]];
}

const FOCUS_LINE: Color = [20, 20, 20, 255];

/**
 * Industrial and craft zones from `/tiles/zones` under the filters (`query`), from zoom 6, filled by the chosen
 * zone metric (the legend's classes, zoneMetricScale.ts) and outlined by kind; the open zone
 * (`focused`) is outlined thick and dark, its fill left to its plots.
 */
export function zonesLayer(query: string, metric: ZoneMetric, focused: number | null = null): Layer {
  const isFocused = (feature: TileFeature) => focused !== null && feature.id === focused;
  return new MVTLayer({
    id: ZONES_LAYER_ID,
    data: tileUrlTemplate('zones', query),
    ...marsadTileOptions(),
    // At national zoom zones are counted with the other projects in the governorate badges: their
    // dots would hide the choropleth of the small governorates (`countBadges.ts`).
    minZoom: COUNT_BADGES_MAXZOOM,
    highlightColor: [255, 255, 255, 110],
    stroked: true,
    filled: true,
    lineWidthUnits: 'pixels',
    getFillColor: (feature: TileFeature) =>
      isFocused(feature) ? [255, 255, 255, 90] : [...hexToRgb(zoneMetricColor(metric, feature.properties)), FILL_ALPHA],
    getLineColor: (feature: TileFeature) => (isFocused(feature) ? FOCUS_LINE : [...kindColor(feature), 255]),
    getLineWidth: (feature: TileFeature) => (isFocused(feature) ? 4 : 2),
    pointRadiusUnits: 'pixels',
    getPointRadius: 5,
    updateTriggers: { getFillColor: [metric, focused], getLineColor: focused, getLineWidth: focused },
  });
}
