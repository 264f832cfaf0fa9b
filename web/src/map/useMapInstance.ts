import { Map as MaplibreMap, type MapOptions } from 'maplibre-gl';
import { useEffect, useState, type RefObject } from 'react';
import type { Language } from '../i18n/language.ts';
import type { Camera } from '../url/viewState.ts';
import { buildStyle } from './buildStyle.ts';
import { FIT_PADDING, INITIAL_BOUNDS, MAX_ZOOM, MIN_ZOOM } from './constants.ts';
import { fontsUrl } from './fontsUrl.ts';
import { ensureBundledWorker } from './worker.ts';

export interface MapInstanceOptions {
  language: Language;
  camera: Camera | null;
}

function cameraOptions(camera: Camera | null): Pick<MapOptions, 'bounds' | 'fitBoundsOptions' | 'center' | 'zoom'> {
  if (camera === null) return { bounds: INITIAL_BOUNDS, fitBoundsOptions: { padding: FIT_PADDING } };
  return { center: [camera.lon, camera.lat], zoom: camera.zoom };
}

/**
 * Creates the MapLibre map in `containerRef` once, with the language and camera it is first given,
 * and returns it after its style has loaded (`null` before that). Later changes are applied by the
 * other map hooks, not by recreating the map.
 */
export function useMapInstance(
  containerRef: RefObject<HTMLDivElement | null>,
  options: MapInstanceOptions,
): MaplibreMap | null {
  const [initial] = useState(options);
  const [map, setMap] = useState<MaplibreMap | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (container === null) return;
    ensureBundledWorker();
    const instance = new MaplibreMap({
      container,
      style: buildStyle(initial.language, { fontsUrl: fontsUrl() }),
      ...cameraOptions(initial.camera),
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      renderWorldCopies: false,
    });
    instance.touchZoomRotate.disableRotation();
    instance.keyboard.disableRotation();
    instance.once('load', () => setMap(instance));
    return () => {
      setMap(null);
      instance.remove();
    };
  }, [containerRef, initial]);

  return map;
}
