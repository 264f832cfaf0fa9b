import { AttributionControl, type Map as MaplibreMap } from 'maplibre-gl';
import { useEffect, useState } from 'react';
import { mergeExternalBasemap } from './externalBasemap.ts';

/**
 * Puts an external MapLibre style under our layers when the server names one
 * (`basemapStyleUrl`; `null`: our own air-gapped basemap, `undefined`: not known yet). Returns
 * whether the basemap is settled: the external style is in place, or it failed to load and ours
 * stays. Until then the map's feature state (choropleth, selection) should wait, since a style
 * rebuilt from scratch would drop it.
 *
 * The style swap is a diff (`setStyle` with `transformStyle`), so our GeoJSON sources keep their
 * data and the deck.gl overlay, a control on its own canvas, is untouched.
 */
export function useExternalBasemap(map: MaplibreMap | null, basemapStyleUrl: string | null | undefined): boolean {
  const [settledUrl, setSettledUrl] = useState<string | null>(null);

  useEffect(() => {
    if (map === null || typeof basemapStyleUrl !== 'string') return;
    const attribution = new AttributionControl({ compact: true });
    const settle = () => {
      map.off('style.load', onLoad);
      map.off('error', onError);
      setSettledUrl(basemapStyleUrl);
    };
    const onLoad = () => {
      map.addControl(attribution);
      settle();
    };
    const onError = (event: { error?: { message?: string } }) => {
      console.warn(`External basemap ${basemapStyleUrl} not used: ${event.error?.message ?? 'unknown error'}; check BASEMAP_STYLE_URL.`);
      settle();
    };
    map.on('style.load', onLoad);
    map.on('error', onError);
    map.setStyle(basemapStyleUrl, {
      transformStyle: (previous, next) => mergeExternalBasemap(previous ?? map.getStyle(), next),
    });
    return () => {
      map.off('style.load', onLoad);
      map.off('error', onError);
      if (map.hasControl(attribution)) map.removeControl(attribution);
    };
  }, [map, basemapStyleUrl]);

  return basemapStyleUrl === null || (basemapStyleUrl !== undefined && settledUrl === basemapStyleUrl);
}
