import { Map as MaplibreMap, type MapOptions } from 'maplibre-gl';
import { useEffect, useState, type RefObject } from 'react';
import type { Language } from '../i18n/language.ts';
import type { Camera } from '../url/viewState.ts';
import { buildStyle } from './buildStyle.ts';
import { FIT_PADDING, INITIAL_BOUNDS, MAX_ZOOM, MIN_ZOOM, type Bbox } from './constants.ts';
import { fontsUrl } from './fontsUrl.ts';
import type { InitialBoundaries } from './sources.ts';
import { ensureBundledWorker } from './worker.ts';

/** The map's container element, which holds its map (`maplibreMap`) for browser tests. */
export type MapContainer = HTMLElement & { maplibreMap?: MaplibreMap };

export interface MapInstanceOptions {
  language: Language;
  camera: Camera | null;
  /** The boundaries already at hand (drawn from the start, not set again). */
  boundaries: InitialBoundaries;
  /** Without a camera, the extent the map starts fitted to (the countries', when at hand). */
  bounds: Bbox | null;
}

function cameraOptions(camera: Camera | null, bounds: Bbox | null): Pick<MapOptions, 'bounds' | 'fitBoundsOptions' | 'center' | 'zoom'> {
  if (camera === null) return { bounds: bounds ?? INITIAL_BOUNDS, fitBoundsOptions: { padding: FIT_PADDING } };
  return { center: [camera.lon, camera.lat], zoom: camera.zoom };
}

/**
 * Creates the MapLibre map in `containerRef` once `create` is true, with the options it is given
 * then, and returns it after its style has loaded (`null` before that). Later changes are applied
 * by the other map hooks, not by recreating the map.
 */
export function useMapInstance(
  containerRef: RefObject<HTMLDivElement | null>,
  options: MapInstanceOptions,
  create = true,
): MaplibreMap | null {
  const [initial, setInitial] = useState<MapInstanceOptions | null>(create ? options : null);
  if (create && initial === null) setInitial(options);
  const [map, setMap] = useState<MaplibreMap | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (container === null || initial === null) return;
    ensureBundledWorker();
    const instance = new MaplibreMap({
      container,
      style: buildStyle(initial.language, { fontsUrl: fontsUrl(), origin: window.location.origin, boundaries: initial.boundaries }),
      ...cameraOptions(initial.camera, initial.bounds),
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      renderWorldCopies: false,
      fadeDuration: 0,
    });
    instance.touchZoomRotate.disableRotation();
    instance.keyboard.disableRotation();
    // For the browser tests and for debugging from the console: the map on its container element.
    (container as MapContainer).maplibreMap = instance;
    instance.once('load', () => setMap(instance));
    return () => {
      setMap(null);
      delete (container as MapContainer).maplibreMap;
      instance.remove();
    };
  }, [containerRef, initial]);

  return map;
}
