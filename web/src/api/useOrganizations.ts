import { useQuery } from '@tanstack/react-query';
import { fetchDonors, fetchOrganizations } from './organizations.ts';

/** Organizations change rarely; ten minutes is fresh enough. */
const ORGANIZATION_QUERY_OPTIONS = { staleTime: 600_000, retry: 1 } as const;

/** The donors, for the funder filter. */
export function useDonors() {
  return useQuery({ queryKey: ['organizations', 'donor'], queryFn: ({ signal }) => fetchDonors(signal), ...ORGANIZATION_QUERY_OPTIONS });
}

/** Every organization, for the funders of a project in the editor. */
export function useOrganizations() {
  return useQuery({ queryKey: ['organizations', 'all'], queryFn: ({ signal }) => fetchOrganizations(signal), ...ORGANIZATION_QUERY_OPTIONS });
}
