import type { Map as MaplibreMap, MapLayerMouseEvent } from 'maplibre-gl';
import { useEffect, useState } from 'react';
import { GOVERNORATES_FILL_LAYER_ID } from './layers/governoratesFill.ts';
import { FEATURE_STATE } from './layers/styleLayer.ts';
import { SOURCE_IDS } from './sources.ts';

export interface HoveredGovernorate {
  code: string;
  /** Pointer position in pixels from the map's top-left corner. */
  x: number;
  y: number;
}

function hoveredCode(event: MapLayerMouseEvent): string | null {
  const id = event.features?.[0]?.id;
  return typeof id === 'string' ? id : null;
}

/** Highlights the governorate under the pointer and reports which one it is and where. */
export function useGovernorateHover(map: MaplibreMap | null): HoveredGovernorate | null {
  const [hovered, setHovered] = useState<HoveredGovernorate | null>(null);

  useEffect(() => {
    if (map === null) return;
    let current: string | null = null;
    const highlight = (code: string | null) => {
      if (code === current) return;
      if (current !== null) map.setFeatureState({ source: SOURCE_IDS.governorates, id: current }, { [FEATURE_STATE.hover]: false });
      if (code !== null) map.setFeatureState({ source: SOURCE_IDS.governorates, id: code }, { [FEATURE_STATE.hover]: true });
      current = code;
    };
    const onMove = (event: MapLayerMouseEvent) => {
      const code = hoveredCode(event);
      highlight(code);
      map.getCanvas().style.cursor = code === null ? '' : 'pointer';
      setHovered(code === null ? null : { code, x: event.point.x, y: event.point.y });
    };
    const onLeave = () => {
      highlight(null);
      map.getCanvas().style.cursor = '';
      setHovered(null);
    };
    map.on('mousemove', GOVERNORATES_FILL_LAYER_ID, onMove);
    map.on('mouseleave', GOVERNORATES_FILL_LAYER_ID, onLeave);
    return () => {
      map.off('mousemove', GOVERNORATES_FILL_LAYER_ID, onMove);
      map.off('mouseleave', GOVERNORATES_FILL_LAYER_ID, onLeave);
    };
  }, [map]);

  return hovered;
}
