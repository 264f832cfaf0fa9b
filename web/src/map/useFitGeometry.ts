import type { Geometry } from 'geojson';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { collectionBbox } from './bbox.ts';

/** Room kept for the side panel that covers one side of the map (its inline end). */
const PANEL_ROOM = 480;
const EDGE = 60;

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
    const rtl = document.documentElement.dir === 'rtl';
    const side = Math.min(PANEL_ROOM, map.getContainer().clientWidth / 2);
    map.fitBounds(bbox, {
      padding: { top: EDGE, bottom: EDGE, left: rtl ? side : EDGE, right: rtl ? EDGE : side },
      maxZoom: 16,
      duration: 600,
    });
  }, [map, geometry]);
}
