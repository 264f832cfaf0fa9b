import { VisitAnswer } from '@marsad/contracts';
import { useQuery } from '@tanstack/react-query';
import { request } from '../../api/http.ts';

/**
 * The signed-in user's previous visit: asking records this one (`POST /api/changes/visit`), once
 * per user per page load (the answer is kept for the page's life). `null` user: nothing asked.
 */
export function useVisit(user: { id: number; csrfToken: string } | null) {
  return useQuery({
    queryKey: ['changes', 'visit', user?.id ?? null],
    queryFn: ({ signal }) => request('/api/changes/visit', { method: 'POST', body: {}, csrfToken: user!.csrfToken, schema: VisitAnswer, signal }),
    enabled: user !== null,
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
}
