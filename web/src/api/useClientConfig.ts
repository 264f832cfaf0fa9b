import { useQuery } from '@tanstack/react-query';
import { fetchClientConfig } from './clientConfig.ts';

/** The server's settings for the page; they do not change while it is open. */
export function useClientConfig() {
  return useQuery({
    queryKey: ['config'],
    queryFn: ({ signal }) => fetchClientConfig(signal),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: 1,
  });
}
