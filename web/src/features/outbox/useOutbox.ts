import { useEffect, useSyncExternalStore } from 'react';
import { isUnsent, type OutboxItem } from './outboxItem.ts';
import { outboxItems, outboxState, subscribeOutbox, type VaultState } from './outboxSession.ts';

/** While the page is visible, the outbox tries again this often. */
const SEND_EVERY_MS = 30_000;

/** The signed-in user's outbox (or why there is none). */
export function useOutboxState(): VaultState {
  return useSyncExternalStore(subscribeOutbox, outboxState);
}

/**
 * Sends the open outbox on reconnect, when the page comes to the foreground, and every 30 s while
 * it is visible (opening and locking it: useOutboxLifecycle.ts). Mounted once (the header's button).
 */
export function useOutboxSending(): void {
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
