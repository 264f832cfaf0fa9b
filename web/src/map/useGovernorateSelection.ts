import type { Map as MaplibreMap, MapMouseEvent } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { governoratesFillLayer } from './layers/governoratesFill.ts';
import { FEATURE_STATE } from './layers/styleLayer.ts';
import { SOURCE_IDS } from './sources.ts';

/**
 * Marks the selected governorate on the map and reports clicks: the code of the governorate
 * clicked, or `null` for a click outside every governorate.
 */
export function useGovernorateSelection(
  map: MaplibreMap | null,
  selected: string | null,
  onSelect: (code: string | null) => void,
): void {
  const marked = useRef<string | null>(null);

  useEffect(() => {
    if (map === null || marked.current === selected) return;
    if (marked.current !== null) {
      map.setFeatureState({ source: SOURCE_IDS.governorates, id: marked.current }, { [FEATURE_STATE.selected]: false });
    }
    if (selected !== null) {
      map.setFeatureState({ source: SOURCE_IDS.governorates, id: selected }, { [FEATURE_STATE.selected]: true });
    }
    marked.current = selected;
  }, [map, selected]);

  useEffect(() => {
    if (map === null) return;
    const onClick = (event: MapMouseEvent) => {
      const [feature] = map.queryRenderedFeatures(event.point, { layers: [governoratesFillLayer.id] });
      onSelect(typeof feature?.id === 'string' ? feature.id : null);
    };
    map.on('click', onClick);
    return () => {
      map.off('click', onClick);
    };
  }, [map, onSelect]);
}
