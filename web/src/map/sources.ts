import type { FeatureCollection } from 'geojson';
import type { GeoJSONSourceSpecification } from 'maplibre-gl';

/** Source ids, one per API boundary layer. */
export const SOURCE_IDS = {
  countries: 'countries',
  governorates: 'governorates',
  governorateLabels: 'governorate-labels',
} as const;

export type SourceId = (typeof SOURCE_IDS)[keyof typeof SOURCE_IDS];

/** Governorates are addressed by their ISO 3166-2 code, for hover and selection state. */
export const GOVERNORATE_ID_PROPERTY = 'code';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Boundary data already at hand when the map is created, by source. */
export type InitialBoundaries = Partial<Record<SourceId, FeatureCollection>>;

/**
 * The sources, with the boundaries already at hand (the page preloads them, so they are usually
 * there before the map is created: MapLibre's worker then reads them once, in its first pass);
 * the others start empty, and the map view fills them as the API answers.
 */
export function boundarySources(initial: InitialBoundaries = {}): Record<SourceId, GeoJSONSourceSpecification> {
  return {
    [SOURCE_IDS.countries]: { type: 'geojson', data: initial.countries ?? EMPTY },
    [SOURCE_IDS.governorates]: { type: 'geojson', data: initial.governorates ?? EMPTY, promoteId: GOVERNORATE_ID_PROPERTY },
    [SOURCE_IDS.governorateLabels]: { type: 'geojson', data: initial['governorate-labels'] ?? EMPTY, promoteId: GOVERNORATE_ID_PROPERTY },
  };
}
