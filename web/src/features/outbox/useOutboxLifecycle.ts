import { useEffect } from 'react';
import { useSession } from '../account/useSession.ts';
import { keyMayBeKept } from './keyKept.ts';

type OutboxSession = typeof import('./outboxSession.ts');
let loaded: Promise<OutboxSession> | null = null;

/** The outbox's code (engine, sealed store), loaded the first time someone signs in. */
export function loadOutboxSession(): Promise<OutboxSession> {
  loaded ??= import('./outboxSession.ts');
  return loaded;
}

/**
 * Opens the signed-in user's outbox and locks it when they sign out or their session is found
 * ended. Mounted once (the header), in the first view: the outbox itself loads only for a user
 * signed in, or to lock a key this device may still keep.
 */
export function useOutboxLifecycle(): void {
  const session = useSession();
  const userId = session.data?.user.id ?? null;
  const csrfToken = session.data?.csrfToken ?? null;
  const signedOut = session.data === null;
  useEffect(() => {
    if (userId !== null && csrfToken !== null) void loadOutboxSession().then((outbox) => outbox.openOutbox(userId, csrfToken));
    else if (signedOut && (loaded !== null || keyMayBeKept())) void loadOutboxSession().then((outbox) => outbox.closeOutbox());
  }, [userId, csrfToken, signedOut]);
}
