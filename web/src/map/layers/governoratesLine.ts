import type { ExpressionSpecification } from 'maplibre-gl';
import { COLORS } from '../constants.ts';
import { SOURCE_IDS } from '../sources.ts';
import { FEATURE_STATE, fixedLayer } from './styleLayer.ts';

const selected: ExpressionSpecification = ['boolean', ['feature-state', FEATURE_STATE.selected], false];

/** Governorate outlines, thicker for the selected one. */
export const governoratesLineLayer = fixedLayer('governorates-line', {
  id: 'governorates-line',
  type: 'line',
  source: SOURCE_IDS.governorates,
  layout: { 'line-join': 'round' },
  paint: {
    'line-color': ['case', selected, COLORS.governorateSelected, COLORS.governorateLine],
    'line-width': ['interpolate', ['linear'], ['zoom'], 4, ['case', selected, 3, 0.5], 8, ['case', selected, 4, 1.2]],
  },
});
