import { PLOTS_MINZOOM } from '@marsad/contracts';
import type { Geometry } from 'geojson';
import type { LngLatBoundsLike, Map as MaplibreMap } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { collectionBbox } from '../../map/bbox.ts';
import { useMapReady } from '../../map/useMapReady.ts';
import { moveDurationHere } from '../../map/useSelectionCamera.ts';

/** Room kept for the zone screen, which covers the inline start of the map (the bottom on narrow screens). */
const PANEL_ROOM = 540;
const EDGE = 48;
const NARROW = 900;

function padding(map: MaplibreMap) {
  const { clientWidth, clientHeight } = map.getContainer();
  if (clientWidth <= NARROW) return { top: EDGE, bottom: Math.round(clientHeight * 0.55) + EDGE / 2, left: EDGE, right: EDGE };
  const side = Math.min(PANEL_ROOM, clientWidth / 2);
  const rtl = document.documentElement.dir === 'rtl';
  return { top: EDGE, bottom: EDGE, left: rtl ? EDGE : side, right: rtl ? side : EDGE };
}

/** Moves the map to `bounds` beside the panel, never further out than `minZoom`. */
function fly(map: MaplibreMap, bounds: LngLatBoundsLike, minZoom: number, maxZoom: number) {
  const camera = map.cameraForBounds(bounds, { padding: padding(map), maxZoom });
  if (camera === undefined) return;
  map.easeTo({ ...camera, zoom: Math.max(minZoom, camera.zoom ?? minZoom), duration: moveDurationHere() });
}

/**
 * Brings the zone into view once it is known, at a zoom where its plots are drawn (unless the map
 * already shows it so, as from a shared address), and a plot chosen in the list (`zoomTo`) once its
 * outline is known.
 */
export function useZoneCamera(
  map: MaplibreMap | null,
  zone: { id: number; bbox: [number, number, number, number] } | undefined,
  plot: { id: number; geometry: Record<string, unknown> } | undefined,
  zoomTo: number | null,
): void {
  const framed = useRef<number | null>(null);
  const plotFramed = useRef<number | null>(null);
  const ready = useMapReady(map);

  useEffect(() => {
    if (map === null || !ready || zone === undefined || framed.current === zone.id) return;
    framed.current = zone.id;
    const [w, s, e, n] = zone.bbox;
    const view = map.getBounds();
    if (map.getZoom() >= PLOTS_MINZOOM && view.contains([(w + e) / 2, (s + n) / 2])) return;
    fly(map, [w, s, e, n], PLOTS_MINZOOM, 16.5);
  }, [map, ready, zone]);

  useEffect(() => {
    if (map === null || !ready || plot === undefined || zoomTo !== plot.id || plotFramed.current === plot.id) return;
    plotFramed.current = plot.id;
    const bbox = collectionBbox({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: plot.geometry as unknown as Geometry, properties: {} }] });
    if (bbox === null) return;
    fly(map, bbox, PLOTS_MINZOOM + 2, 17.5);
  }, [map, ready, plot, zoomTo]);

  // Choosing the same plot again later zooms to it again.
  useEffect(() => {
    if (zoomTo === null) plotFramed.current = null;
  }, [zoomTo]);
}
