import { ObstacleOverview, ObstaclePage, type EscalationLevel } from '@marsad/contracts';
import { useQuery } from '@tanstack/react-query';
import { request, withQuery } from '../../api/http.ts';
import { useSession } from '../account/useSession.ts';

export type { Obstacle, ObstacleOverview, ObstaclePage } from '@marsad/contracts';

/**
 * The minister's view's calls: the overview of a country (`GET /api/obstacles/overview`), the
 * active obstacles of one governorate at one level and those proposed for escalation
 * (`GET /api/obstacles`). What they hold depends
 * on who asks (obstacleVisibility), so the viewer is in every key; nothing is asked while the
 * session is not known yet.
 */

/** Obstacles change with every escalation: half a minute is fresh enough. */
const OPTIONS = { staleTime: 30_000 } as const;

/** Who asks: the user's id, 0 for nobody, `null` while the session is not known. */
export function useViewerKey(): number | null {
  const session = useSession();
  return session.isPending ? null : (session.data?.user.id ?? 0);
}

export function fetchOverview(country: string, signal?: AbortSignal): Promise<ObstacleOverview> {
  return request(withQuery('/api/obstacles/overview', new URLSearchParams({ country }).toString()), { schema: ObstacleOverview, signal });
}

/** The list a cell of the table opens: active obstacles of the governorate at the level, a page of them. */
export const CELL_PAGE_SIZE = 100;

export function fetchCellObstacles(governorate: string, level: EscalationLevel, signal?: AbortSignal): Promise<ObstaclePage> {
  const query = new URLSearchParams({ governorate, level, status: 'active', limit: String(CELL_PAGE_SIZE) }).toString();
  return request(withQuery('/api/obstacles', query), { schema: ObstaclePage, signal });
}

/** Active obstacles of a country the system proposes to escalate (the first page). */
export const PROPOSALS_PAGE_SIZE = 20;

export function fetchProposals(country: string, signal?: AbortSignal): Promise<ObstaclePage> {
  const query = new URLSearchParams({ country, status: 'active', proposed: 'true', limit: String(PROPOSALS_PAGE_SIZE) }).toString();
  return request(withQuery('/api/obstacles', query), { schema: ObstaclePage, signal });
}

export function useProposals(country: string | null) {
  const viewer = useViewerKey();
  return useQuery({
    queryKey: ['obstacles', viewer, 'proposals', country],
    queryFn: ({ signal }) => fetchProposals(country ?? '', signal),
    enabled: viewer !== null && viewer !== 0 && country !== null,
    ...OPTIONS,
  });
}

export function useObstacleOverview(country: string | null) {
  const viewer = useViewerKey();
  return useQuery({
    queryKey: ['obstacles', viewer, 'overview', country],
    queryFn: ({ signal }) => fetchOverview(country ?? '', signal),
    enabled: viewer !== null && viewer !== 0 && country !== null,
    ...OPTIONS,
  });
}

export function useCellObstacles(governorate: string, level: EscalationLevel) {
  const viewer = useViewerKey();
  return useQuery({
    queryKey: ['obstacles', viewer, 'cell', governorate, level],
    queryFn: ({ signal }) => fetchCellObstacles(governorate, level, signal),
    enabled: viewer !== null && viewer !== 0,
    ...OPTIONS,
  });
}
