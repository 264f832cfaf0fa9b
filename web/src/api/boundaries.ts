import { CountryCollection, GovernorateCollection, GovernorateLabelCollection } from '@marsad/contracts';
import { request } from './http.ts';

export type { CountryCollection, CountryProperties, GovernorateCollection, GovernorateFeature, GovernorateLabelCollection, GovernorateProperties } from '@marsad/contracts';

/** The boundary layers the API serves, by the last segment of their address. */
export const BOUNDARY_LAYERS = ['countries', 'governorates', 'labels'] as const;
export type BoundaryLayer = (typeof BOUNDARY_LAYERS)[number];

export function boundariesUrl(layer: BoundaryLayer): string {
  return `/api/boundaries/${layer}`;
}

export function fetchCountries(signal?: AbortSignal): Promise<CountryCollection> {
  return request(boundariesUrl('countries'), { schema: CountryCollection, signal });
}

export function fetchGovernorates(signal?: AbortSignal): Promise<GovernorateCollection> {
  return request(boundariesUrl('governorates'), { schema: GovernorateCollection, signal });
}

export function fetchGovernorateLabels(signal?: AbortSignal): Promise<GovernorateLabelCollection> {
  return request(boundariesUrl('labels'), { schema: GovernorateLabelCollection, signal });
}
