import { COLORS } from '../constants.ts';
import { SOURCE_IDS } from '../sources.ts';
import { fixedLayer } from './styleLayer.ts';

/** Land: the country polygons, under everything else; their edges are drawn by the country line layer (so no antialiased edge pass). */
export const countriesLayer = fixedLayer('countries', {
  id: 'countries-land',
  type: 'fill',
  source: SOURCE_IDS.countries,
  paint: { 'fill-color': COLORS.land, 'fill-antialias': false },
});
