import type { Map as MaplibreMap } from 'maplibre-gl';
import { useEffect, useState } from 'react';
import type { Language } from '../i18n/language.ts';
import { GOVERNORATE_LABELS_LAYER_ID, labelTextField } from './layers/governorateLabels.ts';

/**
 * Relabels the map when the language changes, and returns the language the labels are drawn in
 * once the map has finished drawing them.
 */
export function useMapLanguage(map: MaplibreMap | null, language: Language): Language | null {
  const [drawn, setDrawn] = useState<Language | null>(null);

  useEffect(() => {
    if (map === null) return;
    map.setLayoutProperty(GOVERNORATE_LABELS_LAYER_ID, 'text-field', labelTextField(language));
    const onIdle = () => setDrawn(language);
    map.once('idle', onIdle);
    map.triggerRepaint();
    return () => {
      map.off('idle', onIdle);
    };
  }, [map, language]);

  return drawn;
}
