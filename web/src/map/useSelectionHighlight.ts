import type { Geometry } from 'geojson';
import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import { useEffect } from 'react';
import { COLORS } from './constants.ts';

const SOURCE = 'selected-project';
const LINE_LAYER = 'selected-project-line';
const RING_LAYER = 'selected-project-ring';

/** A geometry's outline as drawn around the open project: its lines and polygon edges, a ring around its points. */
function addLayers(map: MaplibreMap): void {
  map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: LINE_LAYER,
    type: 'line',
    source: SOURCE,
    filter: ['!=', ['geometry-type'], 'Point'],
    paint: { 'line-color': COLORS.governorateSelected, 'line-width': 3 },
  });
  map.addLayer({
    id: RING_LAYER,
    type: 'circle',
    source: SOURCE,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: {
      'circle-radius': 14,
      'circle-color': 'rgba(0, 0, 0, 0)',
      'circle-stroke-color': COLORS.governorateSelected,
      'circle-stroke-width': 3,
    },
  });
}

/**
 * Outlines the open project on the map (the governorate's outline is its feature state, the zone's
 * is drawn by the zones layer): a dark line along its lines and polygon edges, a ring around a point.
 */
export function useSelectionHighlight(map: MaplibreMap | null, geometry: Geometry | null): void {
  useEffect(() => {
    if (map === null) return;
    if (map.getSource(SOURCE) === undefined) addLayers(map);
    const data = geometry === null ? [] : [{ type: 'Feature' as const, geometry, properties: {} }];
    map.getSource<GeoJSONSource>(SOURCE)?.setData({ type: 'FeatureCollection', features: data });
  }, [map, geometry]);
}
