import { COLORS } from '../constants.ts';
import { SOURCE_IDS } from '../sources.ts';
import { fixedLayer } from './styleLayer.ts';

/** Country borders, drawn over the governorate outlines. */
export const countryLineLayer = fixedLayer('country-line', {
  id: 'country-line',
  type: 'line',
  source: SOURCE_IDS.countries,
  layout: { 'line-join': 'round' },
  paint: { 'line-color': COLORS.countryLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.8, 8, 2] },
});
