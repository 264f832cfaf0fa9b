import type { StyleSpecification } from 'maplibre-gl';
import type { Language } from '../i18n/language.ts';
import { fontFaces } from './fonts.ts';
import { slotIndex } from './layerOrder.ts';
import { backgroundLayer } from './layers/background.ts';
import { countriesLayer } from './layers/countries.ts';
import { countryLineLayer } from './layers/countryLine.ts';
import { governorateLabelsLayer } from './layers/governorateLabels.ts';
import { governoratesFillLayer } from './layers/governoratesFill.ts';
import { governoratesLineLayer } from './layers/governoratesLine.ts';
import { AGGREGATE_LAYERS, aggregateSources } from './layers/projectAggregates.ts';
import type { StyleLayer } from './layers/styleLayer.ts';
import { boundarySources, type InitialBoundaries } from './sources.ts';

/** Every layer of the basemap; `buildStyle` puts them in `LAYER_ORDER`. */
export const BASEMAP_LAYERS: readonly StyleLayer[] = [
  backgroundLayer,
  countriesLayer,
  governoratesFillLayer,
  governoratesLineLayer,
  countryLineLayer,
  governorateLabelsLayer,
  ...AGGREGATE_LAYERS,
];

export interface StyleOptions {
  /** Absolute URL of the self-hosted font folder, ending with `/`. */
  fontsUrl: string;
  /** The page's origin, for the project cluster tiles (MapLibre needs absolute URLs). */
  origin: string;
  /** The boundaries already at hand, drawn from the start. */
  boundaries?: InitialBoundaries;
}

/**
 * The whole map style, built from our own data only: no basemap, glyph or sprite server. The
 * boundary sources hold what is at hand (`boundaries`) and are filled by the map view.
 */
export function buildStyle(language: Language, { fontsUrl, origin, boundaries }: StyleOptions): StyleSpecification {
  const layers = [...BASEMAP_LAYERS].sort((a, b) => slotIndex(a.slot) - slotIndex(b.slot));
  return {
    version: 8,
    name: 'Marsad basemap',
    sources: { ...boundarySources(boundaries), ...aggregateSources(origin) },
    'font-faces': fontFaces(fontsUrl),
    layers: layers.map((layer) => layer.build({ language })),
  };
}
