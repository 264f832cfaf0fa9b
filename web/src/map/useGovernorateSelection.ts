import type { Map as MaplibreMap } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { FEATURE_STATE } from './layers/styleLayer.ts';
import { SOURCE_IDS } from './sources.ts';

/** Marks the selected governorate on the map (its outline); clicks are handled by `useMapPointer`. */
export function useGovernorateSelection(map: MaplibreMap | null, selected: string | null, sourceReady: boolean): void {
  const marked = useRef<string | null>(null);

  useEffect(() => {
    if (map === null || !sourceReady || marked.current === selected) return;
    if (marked.current !== null) {
      map.setFeatureState({ source: SOURCE_IDS.governorates, id: marked.current }, { [FEATURE_STATE.selected]: false });
    }
    if (selected !== null) {
      map.setFeatureState({ source: SOURCE_IDS.governorates, id: selected }, { [FEATURE_STATE.selected]: true });
    }
    marked.current = selected;
  }, [map, selected, sourceReady]);
}
