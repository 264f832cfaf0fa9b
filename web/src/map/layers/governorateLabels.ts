import type { ExpressionSpecification } from 'maplibre-gl';
import type { Language } from '../../i18n/language.ts';
import { COLORS, MAP_FONT } from '../constants.ts';
import { COUNT_BADGES_MAXZOOM } from '../countBadges.ts';
import { SOURCE_IDS } from '../sources.ts';
import type { StyleLayer } from './styleLayer.ts';

export const GOVERNORATE_LABELS_LAYER_ID = 'governorate-labels';

/** The label text: the short Arabic name in Arabic, the English name in English. */
export function labelTextField(language: Language): ExpressionSpecification {
  return language === 'ar'
    ? ['coalesce', ['get', 'name_ar_short'], ['get', 'name_ar']]
    : ['get', 'name_en'];
}

/** Governorate names at their interior points. */
export const governorateLabelsLayer: StyleLayer = {
  id: GOVERNORATE_LABELS_LAYER_ID,
  slot: 'labels',
  build: ({ language }) => ({
    id: GOVERNORATE_LABELS_LAYER_ID,
    type: 'symbol',
    source: SOURCE_IDS.governorateLabels,
    layout: {
      'text-field': labelTextField(language),
      'text-font': [MAP_FONT],
      'text-size': ['interpolate', ['linear'], ['zoom'], 4, 11, 8, 15],
      'text-max-width': 7,
      'text-padding': 3,
      // While the count badges sit on the label points (below COUNT_BADGES_MAXZOOM), the names
      // stand just above them instead of under them.
      'text-offset': ['step', ['zoom'], ['literal', [0, -1.7]], COUNT_BADGES_MAXZOOM, ['literal', [0, 0]]],
    },
    paint: {
      'text-color': COLORS.labelText,
      'text-halo-color': COLORS.labelHalo,
      'text-halo-width': 1.4,
      'text-halo-blur': 0.3,
    },
  }),
};
