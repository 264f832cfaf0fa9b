import { NO_DATA_COLOR } from '../colorScales.ts';
import { FEATURE_STATE, type StyleLayer } from './styleLayer.ts';
import { SOURCE_IDS } from '../sources.ts';

export const GOVERNORATES_FILL_LAYER_ID = 'governorates-fill';

/**
 * The choropleth: governorate polygons coloured by the chosen metric. Each governorate's class
 * colour is in its feature state (set by `useChoropleth` once the summaries arrive): a new metric
 * or new figures only change feature state, which MapLibre redraws at once, where a new paint
 * expression would send the whole source through its worker again. The hovered one is drawn
 * more opaque, the selected one is outlined by the line layer.
 */
export const governoratesFillLayer: StyleLayer = {
  id: GOVERNORATES_FILL_LAYER_ID,
  slot: 'governorates-fill',
  build: () => ({
    id: GOVERNORATES_FILL_LAYER_ID,
    type: 'fill',
    source: SOURCE_IDS.governorates,
    paint: {
      // The outlines are drawn by their own line layer: no antialiased edge pass (one shader
      // program fewer to compile before the first draw, which counts on a slow graphics stack).
      'fill-antialias': false,
      'fill-color': ['to-color', ['feature-state', FEATURE_STATE.color], NO_DATA_COLOR],
      'fill-opacity': [
        'case',
        ['boolean', ['feature-state', FEATURE_STATE.hover], false],
        0.9,
        ['boolean', ['feature-state', FEATURE_STATE.selected], false],
        0.85,
        0.72,
      ],
    },
  }),
};
