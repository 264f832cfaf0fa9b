import { useEffect, useSyncExternalStore } from 'react';
import { useSession } from '../account/useSession.ts';
import { isUnsent, type OutboxItem } from './outboxItem.ts';
import { closeOutbox, openOutbox, outboxItems, outboxState, subscribeOutbox, type VaultState } from './outboxSession.ts';

/** While the page is visible, the outbox tries again this often. */
const SEND_EVERY_MS = 30_000;

/** The signed-in user's outbox (or why there is none). */
export function useOutboxState(): VaultState {
  return useSyncExternalStore(subscribeOutbox, outboxState);
}

/**
 * Opens the outbox for whoever is signed in and locks it on sign-out; sends on reconnect, when the
 * page comes to the foreground, and every 30 s while it is visible. Mounted once (the header).
 */
export function useOutboxSession(): void {
  const session = useSession();
  const userId = session.data?.user.id ?? null;
  const csrfToken = session.data?.csrfToken ?? null;
  const signedOut = session.data === null;
  useEffect(() => {
    if (userId !== null && csrfToken !== null) void openOutbox(userId, csrfToken);
    else if (signedOut) void closeOutbox();
  }, [userId, csrfToken, signedOut]);

  useEffect(() => {
    const send = (force: boolean) => {
      const now = outboxState();
      if (now.kind === 'open' && document.visibilityState === 'visible') void now.engine.flush(force);
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') send(false);
    };
    // The connection is back: what waited for it goes now, whatever its wait after a cut.
    const onOnline = () => send(true);
    window.addEventListener('online', onOnline);
    document.addEventListener('visibilitychange', onVisible);
    const timer = window.setInterval(() => send(false), SEND_EVERY_MS);
    return () => {
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
      window.clearInterval(timer);
    };
  }, []);
}

/** The outbox's items (none while it is not open), read once per change for the whole page. */
export function useOutboxItems(): readonly OutboxItem[] {
  return useSyncExternalStore(subscribeOutbox, outboxItems);
}

/** How many items still wait to be sent (the header's count, the sign-out warning). */
export function useUnsentCount(): number {
  return useOutboxItems().filter(isUnsent).length;
}
