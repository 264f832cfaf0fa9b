import { useQuery } from '@tanstack/react-query';
import { fetchDonors, fetchOrganizations } from './organizations.ts';

/** The donors, for the funder filter. Organizations change rarely; ten minutes is fresh enough. */
export function useDonors() {
  return useQuery({
    queryKey: ['organizations', 'donor'],
    queryFn: ({ signal }) => fetchDonors(signal),
    staleTime: 600_000,
    retry: 1,
  });
}

/** Every organization, for the funders of a project in the editor. */
export function useOrganizations() {
  return useQuery({
    queryKey: ['organizations', 'all'],
    queryFn: ({ signal }) => fetchOrganizations(signal),
    staleTime: 600_000,
    retry: 1,
  });
}
