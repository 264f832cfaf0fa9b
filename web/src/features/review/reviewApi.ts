import { ConflictDecision, FieldConflict, FieldConflictCount, FieldConflictPage, type ConflictState, type Role } from '@marsad/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { request, withQuery } from '../../api/http.ts';
import { refreshEverything } from '../account/useSession.ts';
import { useViewerKey } from '../obstacleOverview/obstacleOverviewApi.ts';

export type { ConflictKind, ConflictState, FieldConflict, FieldConflictPage } from '@marsad/contracts';

/**
 * The review screen's calls (`/api/conflicts`, contracts/src/fieldSync.ts): the conflicts of one
 * state, one conflict, the pending count for the header, and the two decisions. What they hold
 * depends on who asks (engineers: their governorates' projects; the ministry: all), so the viewer
 * is in every key; nothing is asked while the session is not known.
 */

/** Who is shown conflicts at all: everyone signed in but donors (who see none). */
export function mayReview(role: Role | undefined): boolean {
  return role !== undefined && role !== 'donor';
}

/**
 * Who decides: whoever may write the project (api/src/access/conflictAccess.ts), that is admins
 * and the engineers of its governorate — an engineer sees only those. The rest of the ministry reads.
 */
const DECIDERS: readonly Role[] = ['admin', 'engineer'];
export function mayDecide(role: Role | undefined): boolean {
  return role !== undefined && DECIDERS.includes(role);
}

/** How many conflicts one page of the list shows. */
export const CONFLICT_PAGE_SIZE = 50;
/** The header's count is asked again this often while the page is open (and after every decision). */
export const COUNT_POLL_MS = 60_000;

const conflictsKey = (viewer: number | null) => ['conflicts', viewer] as const;

export function fetchConflicts(state: ConflictState, limit: number, signal?: AbortSignal): Promise<FieldConflictPage> {
  const query = new URLSearchParams({ state, limit: String(limit) }).toString();
  return request(withQuery('/api/conflicts', query), { schema: FieldConflictPage, signal });
}

export function fetchConflict(id: number, signal?: AbortSignal): Promise<FieldConflict> {
  return request(`/api/conflicts/${id}`, { schema: FieldConflict, signal });
}

export function fetchConflictCount(signal?: AbortSignal): Promise<FieldConflictCount> {
  return request('/api/conflicts/count', { schema: FieldConflictCount, signal });
}

/** Accepts (applied as a fresh write at the current version) or rejects (a note required) a conflict. */
export function decideConflict(id: number, decision: 'accept' | 'reject', note: string, csrfToken: string): Promise<FieldConflict> {
  const body = ConflictDecision.parse(note.trim() === '' ? {} : { note: note.trim() });
  return request(`/api/conflicts/${id}/${decision}`, { method: 'POST', body, csrfToken, schema: FieldConflict });
}

export function useConflicts(state: ConflictState, enabled: boolean, limit = CONFLICT_PAGE_SIZE) {
  const viewer = useViewerKey();
  return useQuery({
    queryKey: [...conflictsKey(viewer), 'list', state, limit],
    queryFn: ({ signal }) => fetchConflicts(state, limit, signal),
    enabled: viewer !== null && viewer !== 0 && enabled,
    staleTime: 30_000,
  });
}

export function useConflict(id: number | null) {
  const viewer = useViewerKey();
  return useQuery({
    queryKey: [...conflictsKey(viewer), 'detail', id],
    queryFn: ({ signal }) => fetchConflict(id ?? 0, signal),
    enabled: viewer !== null && viewer !== 0 && id !== null,
    staleTime: 30_000,
  });
}

/** The pending count, polled lightly (not while the tab is hidden). */
export function useConflictCount(enabled: boolean) {
  const viewer = useViewerKey();
  return useQuery({
    queryKey: [...conflictsKey(viewer), 'count'],
    queryFn: ({ signal }) => fetchConflictCount(signal),
    enabled: viewer !== null && viewer !== 0 && enabled,
    staleTime: 15_000,
    refetchInterval: COUNT_POLL_MS,
    refetchIntervalInBackground: false,
  });
}

/** After a decision: the conflicts and the count, and — an accepted one changed a project — everything else, tiles too. */
export function useConflictDecided(): () => void {
  const client = useQueryClient();
  return useCallback(() => refreshEverything(client), [client]);
}
