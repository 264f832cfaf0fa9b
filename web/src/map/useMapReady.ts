import type { Map as MaplibreMap } from 'maplibre-gl';
import { useEffect, useState } from 'react';

/**
 * Whether the map has drawn its boundaries (MapView's `data-map-ready` on the map's container): until
 * then it may still jump to fit the countries, which would undo a move made earlier.
 */
export function useMapReady(map: MaplibreMap | null): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (map === null) return;
    const container = map.getContainer();
    const check = () => setReady(container.dataset.mapReady === 'true');
    check();
    const observer = new MutationObserver(check);
    observer.observe(container, { attributes: true, attributeFilter: ['data-map-ready'] });
    return () => observer.disconnect();
  }, [map]);
  return ready;
}
