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

/** The sources start empty; the map view fills them as the API answers. */
export function boundarySources(): Record<SourceId, GeoJSONSourceSpecification> {
  return {
    [SOURCE_IDS.countries]: { type: 'geojson', data: EMPTY },
    [SOURCE_IDS.governorates]: { type: 'geojson', data: EMPTY, promoteId: GOVERNORATE_ID_PROPERTY },
    [SOURCE_IDS.governorateLabels]: { type: 'geojson', data: EMPTY, promoteId: GOVERNORATE_ID_PROPERTY },
  };
}
