import { COLORS } from '../constants.ts';
import { SOURCE_IDS } from '../sources.ts';
import { FEATURE_STATE, type StyleLayer } from './styleLayer.ts';

/** Governorate polygons; the selected and hovered one are coloured through feature state. */
export const governoratesFillLayer: StyleLayer = {
  id: 'governorates-fill',
  slot: 'governorates-fill',
  build: () => ({
    id: 'governorates-fill',
    type: 'fill',
    source: SOURCE_IDS.governorates,
    paint: {
      'fill-color': [
        'case',
        ['boolean', ['feature-state', FEATURE_STATE.selected], false],
        COLORS.governorateSelected,
        ['boolean', ['feature-state', FEATURE_STATE.hover], false],
        COLORS.governorateHover,
        COLORS.governorateFill,
      ],
      'fill-opacity': [
        'case',
        ['boolean', ['feature-state', FEATURE_STATE.selected], false],
        0.55,
        ['boolean', ['feature-state', FEATURE_STATE.hover], false],
        0.7,
        0.6,
      ],
    },
  }),
};
