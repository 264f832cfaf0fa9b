import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // offlineFirst: without a connection a query still asks once, and the service worker answers
      // from what the device keeps (prepared for the field); only its retries wait for the network.
      // The default ('online') would leave every screen loading as soon as the browser went offline.
      queries: { refetchOnWindowFocus: false, networkMode: 'offlineFirst' },
    },
  });
}
