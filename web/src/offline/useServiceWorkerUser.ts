import { useEffect } from 'react';
import { useSession } from '../features/account/useSession.ts';
import { tellServiceWorker } from './serviceWorkerUser.ts';

/**
 * Keeps the service worker told who is signed in: at every load once the session is known, at
 * sign-in and at sign-out. It keeps each user's reads in a cache of their own and deletes the
 * others' when told (sw/sw.ts).
 */
export function useServiceWorkerUser(): void {
  const session = useSession();
  const userId = session.isPending ? undefined : (session.data?.user.id ?? null);
  useEffect(() => {
    if (userId !== undefined) void tellServiceWorker(userId);
  }, [userId]);
}
