import type { Map as MaplibreMap, MapLibreEvent } from 'maplibre-gl';
import { useEffect } from 'react';
import { roundCamera, type Camera } from '../url/viewState.ts';
import { PROGRAMMATIC_MOVE } from './constants.ts';

/** Reports where the map looks after each move the user made (not the map's own fitting). */
export function useCameraReport(map: MaplibreMap | null, onCameraChange: (camera: Camera) => void): void {
  useEffect(() => {
    if (map === null) return;
    const onMoveEnd = (event: MapLibreEvent) => {
      if (Object.hasOwn(event, PROGRAMMATIC_MOVE)) return;
      const { lng, lat } = map.getCenter();
      onCameraChange(roundCamera({ zoom: map.getZoom(), lat, lon: lng }));
    };
    map.on('moveend', onMoveEnd);
    return () => {
      map.off('moveend', onMoveEnd);
    };
  }, [map, onCameraChange]);
}
