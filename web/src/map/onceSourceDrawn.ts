import type { Map as MaplibreMap } from 'maplibre-gl';

/**
 * Calls `drawn` after the first frame the map draws with source `id` fully loaded, from the next
 * frame on (asked for here), and returns what stops waiting. Any frame, not only the map's
 * `idle`, which needs every other source loaded and the camera still as well.
 */
export function onceSourceDrawn(map: MaplibreMap, id: string, drawn: () => void): () => void {
  const onRender = () => {
    if (!map.isSourceLoaded(id)) return;
    map.off('render', onRender);
    map.off('idle', onRender);
    drawn();
  };
  map.on('render', onRender);
  map.on('idle', onRender);
  map.triggerRepaint();
  return () => {
    map.off('render', onRender);
    map.off('idle', onRender);
  };
}
