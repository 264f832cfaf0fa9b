import type { Map as MaplibreMap } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import type { ChoroplethScale } from './choroplethScale.ts';
import { colorForValue } from './colorScales.ts';
import { FEATURE_STATE } from './layers/styleLayer.ts';
import { SOURCE_IDS } from './sources.ts';

/**
 * Colours the governorates by the scale: each governorate's class colour goes into its
 * feature state, which the fill layer draws (`layers/governoratesFill.ts`). Needs the governorate
 * source filled (`sourceReady`), since feature state only sticks to features that exist.
 */
export function useChoropleth(map: MaplibreMap | null, scale: ChoroplethScale | null, sourceReady: boolean): void {
  // The governorates coloured last time: one the new figures leave out goes back to "no data".
  const coloured = useRef(new Set<string>());
  useEffect(() => {
    if (map === null || scale === null || !sourceReady) return;
    for (const code of coloured.current) {
      if (!scale.values.has(code)) map.removeFeatureState({ source: SOURCE_IDS.governorates, id: code }, FEATURE_STATE.color);
    }
    for (const [code, value] of scale.values) {
      map.setFeatureState({ source: SOURCE_IDS.governorates, id: code }, { [FEATURE_STATE.color]: colorForValue(value, scale.breaks, scale.colors) });
    }
    coloured.current = new Set(scale.values.keys());
  }, [map, scale, sourceReady]);
}
