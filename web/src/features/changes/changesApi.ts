import { ChangesAnswer } from '@marsad/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { request, withQuery } from '../../api/http.ts';
import { useDataVersion } from '../../api/dataVersion.ts';

/** The changes since `since` (week, month or a date) under the dashboard's filters (`filterQuery`). */
export function useChanges(since: string | null, filters: string) {
  const version = useDataVersion();
  const query = [filters, since === null ? '' : `since=${encodeURIComponent(since)}`].filter((part) => part !== '').join('&');
  return useQuery({
    queryKey: ['changes', query, version],
    queryFn: ({ signal }) => request(withQuery('/api/changes', query), { schema: ChangesAnswer, signal }),
    enabled: since !== null,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}
