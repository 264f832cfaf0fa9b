import type { Geometry } from 'geojson';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { collectionBbox } from './bbox.ts';
import { moveDurationHere, paddingFor } from './useSelectionCamera.ts';

/**
 * Brings a geometry into view once, when it is not already: opening the editor on a project from
 * a list far away must show what is being edited, without moving a map the user has placed.
 */
export function useFitGeometry(map: MaplibreMap | null, geometry: Geometry | null): void {
  const done = useRef(false);
  useEffect(() => {
    if (map === null || geometry === null || done.current) return;
    done.current = true;
    const bbox = collectionBbox({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry, properties: {} }] });
    if (bbox === null) return;
    const view = map.getBounds();
    if (view.contains([bbox[0], bbox[1]]) && view.contains([bbox[2], bbox[3]])) return;
    // The editor sits where the project drawer does (inline end; a bottom sheet on narrow screens).
    map.fitBounds(bbox, { padding: paddingFor(map, ['project']), maxZoom: 16, duration: moveDurationHere() });
  }, [map, geometry]);
}
