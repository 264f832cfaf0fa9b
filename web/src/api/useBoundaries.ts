import { useQuery } from '@tanstack/react-query';
import { fetchCountries, fetchGovernorateLabels, fetchGovernorates, type BoundaryLayer } from './boundaries.ts';

/** Boundaries do not change while the page is open. */
const BOUNDARY_QUERY_OPTIONS = { staleTime: Infinity, gcTime: Infinity } as const;

function boundaryKey(layer: BoundaryLayer) {
  return ['boundaries', layer] as const;
}

export function useCountries() {
  return useQuery({
    queryKey: boundaryKey('countries'),
    queryFn: ({ signal }) => fetchCountries(signal),
    ...BOUNDARY_QUERY_OPTIONS,
  });
}

export function useGovernorates() {
  return useQuery({
    queryKey: boundaryKey('governorates'),
    queryFn: ({ signal }) => fetchGovernorates(signal),
    ...BOUNDARY_QUERY_OPTIONS,
  });
}

export function useGovernorateLabels() {
  return useQuery({
    queryKey: boundaryKey('labels'),
    queryFn: ({ signal }) => fetchGovernorateLabels(signal),
    ...BOUNDARY_QUERY_OPTIONS,
  });
}
