import { COLORS } from '../constants.ts';
import { SOURCE_IDS } from '../sources.ts';
import { FEATURE_STATE, type StyleLayer } from './styleLayer.ts';

/** Governorate outlines, thicker for the selected one. */
export const governoratesLineLayer: StyleLayer = {
  id: 'governorates-line',
  slot: 'governorates-line',
  build: () => ({
    id: 'governorates-line',
    type: 'line',
    source: SOURCE_IDS.governorates,
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': [
        'case',
        ['boolean', ['feature-state', FEATURE_STATE.selected], false],
        COLORS.governorateSelected,
        COLORS.governorateLine,
      ],
      'line-width': [
        'interpolate',
        ['linear'],
        ['zoom'],
        4,
        ['case', ['boolean', ['feature-state', FEATURE_STATE.selected], false], 3, 0.5],
        8,
        ['case', ['boolean', ['feature-state', FEATURE_STATE.selected], false], 4, 1.2],
      ],
    },
  }),
};
