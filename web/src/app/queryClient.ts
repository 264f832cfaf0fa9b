import { QueryClient } from '@tanstack/react-query';
import { readRetryDelay, retryRead } from '../api/retry.ts';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // offlineFirst: without a connection a query still asks once, and the service worker answers
      // from what the device keeps (prepared for the field); only its retries wait for the network.
      // The default ('online') would leave every screen loading as soon as the browser went offline.
      // A busy server (503 with Retry-After) is waited out as it asks; a refusal is not asked again.
      queries: { refetchOnWindowFocus: false, networkMode: 'offlineFirst', retry: retryRead, retryDelay: readRetryDelay },
    },
  });
}
