import { useQuery } from '@tanstack/react-query';
import { useDataVersion } from '../../api/dataVersion.ts';
import { fetchCriticalProjects, obstacleKeys } from './obstacleApi.ts';

/**
 * Projects with an active critical obstacle, for the map's ring: asked for only when signed in
 * (the API has none for anonymous callers), and again whenever the data version moves (sign-in,
 * sign-out, a write such as an obstacle raised or resolved).
 */
export function useCriticalProjects(signedIn: boolean) {
  const version = useDataVersion();
  return useQuery({
    queryKey: obstacleKeys.critical(version),
    queryFn: ({ signal }) => fetchCriticalProjects(signal),
    enabled: signedIn,
    staleTime: 5 * 60_000,
    placeholderData: (previous) => previous,
  });
}
