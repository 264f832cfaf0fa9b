import type { Map as MaplibreMap } from 'maplibre-gl';
import { useEffect } from 'react';
import type { ChoroplethScale } from './choroplethScale.ts';
import { choroplethColorExpression } from './colorScales.ts';
import { GOVERNORATES_FILL_LAYER_ID } from './layers/governoratesFill.ts';
import { FEATURE_STATE } from './layers/styleLayer.ts';
import { SOURCE_IDS } from './sources.ts';

/**
 * Colours the governorates by the scale: each governorate's value goes into its feature state,
 * and the fill colour becomes the scale's step expression. Needs the governorate source filled
 * (`sourceReady`), since feature state only sticks to features that exist.
 */
export function useChoropleth(map: MaplibreMap | null, scale: ChoroplethScale | null, sourceReady: boolean): void {
  useEffect(() => {
    if (map === null || scale === null || !sourceReady) return;
    for (const [code, value] of scale.values) {
      map.setFeatureState({ source: SOURCE_IDS.governorates, id: code }, { [FEATURE_STATE.value]: value ?? -1 });
    }
    map.setPaintProperty(
      GOVERNORATES_FILL_LAYER_ID,
      'fill-color',
      choroplethColorExpression(FEATURE_STATE.value, scale.breaks, scale.colors),
    );
  }, [map, scale, sourceReady]);
}
