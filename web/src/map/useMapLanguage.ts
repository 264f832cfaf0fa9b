import type { Map as MaplibreMap } from 'maplibre-gl';
import { useEffect, useState } from 'react';
import type { Language } from '../i18n/language.ts';
import { GOVERNORATE_LABELS_LAYER_ID, labelTextField } from './layers/governorateLabels.ts';
import { SOURCE_IDS } from './sources.ts';
import { onceSourceDrawn } from './onceSourceDrawn.ts';

/**
 * Relabels the map when the language changes, and returns the language the labels are drawn in
 * once the map has finished drawing them. The map is created with its labels in `styled` (the
 * first language), drawn by the time it is handed out.
 */
export function useMapLanguage(map: MaplibreMap | null, language: Language, styled: Language): Language | null {
  const [drawn, setDrawn] = useState<Language | null>(null);

  useEffect(() => {
    if (map === null) return;
    map.setLayoutProperty(GOVERNORATE_LABELS_LAYER_ID, 'text-field', labelTextField(language));
    return onceSourceDrawn(map, SOURCE_IDS.governorateLabels, () => setDrawn(language));
  }, [map, language]);

  if (map === null) return null;
  return drawn ?? (language === styled ? language : null);
}
