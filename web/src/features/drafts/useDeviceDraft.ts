import { useCallback, useEffect, useRef, useState } from 'react';
import { useOutboxState } from '../outbox/useOutbox.ts';
import type { UserVault } from '../outbox/outboxVault.ts';

export interface DeviceDraft<T> {
  value: T;
  /** Changes the value and keeps it on the device (or forgets it once it equals the start again). */
  set: (update: (current: T) => T) => void;
  /** When the value came from an earlier visit, when it was saved; otherwise `null`. */
  restoredAt: string | null;
  /** Whether the kept draft, if any, was read (the user's store opens and reads asynchronously). */
  loaded: boolean;
  /** Throws the kept draft away and starts again from `start`. */
  discard: () => void;
  /** Forgets the kept draft after it was sent; the value stays as it is. */
  sent: () => void;
}

/**
 * Form state that survives a closed panel, a reload or a dead connection: it starts from the draft
 * kept under `key` in the signed-in user's sealed store when there is one, and from `start()`
 * otherwise. Without a store (no key to be had), drafts live as long as the page.
 */
export function useDeviceDraft<T>(key: string, start: () => T, isValid: (value: unknown) => value is T): DeviceDraft<T> {
  const outbox = useOutboxState();
  const vault: UserVault | null = outbox.kind === 'open' ? outbox.vault : null;
  const [state, setState] = useState(() => ({ value: start(), restoredAt: null as string | null, touched: false, read: false }));
  const vaultRef = useRef(vault);
  useEffect(() => {
    vaultRef.current = vault;
  }, [vault]);
  // Writes one after the other, so the last one typed is the one kept.
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const later = useCallback((op: (v: UserVault) => Promise<unknown>) => {
    const v = vaultRef.current;
    if (v !== null) chain.current = chain.current.then(() => op(v)).catch(() => undefined);
  }, []);

  useEffect(() => {
    if (vault === null) return;
    let live = true;
    void vault
      .readDraft(key, isValid)
      .catch(() => null)
      .then((kept) => {
        if (!live) return;
        // What was typed meanwhile wins over what was kept.
        setState((s) => (s.touched || kept === null ? { ...s, read: true } : { value: kept.value, restoredAt: kept.savedAt, touched: false, read: true }));
      });
    return () => {
      live = false;
    };
  }, [vault, key, isValid]);

  const set = useCallback(
    (update: (current: T) => T) => {
      setState((current) => {
        const value = update(current.value);
        if (JSON.stringify(value) === JSON.stringify(start())) later((v) => v.clearDraft(key));
        else later((v) => v.writeDraft(key, value));
        return { ...current, value, touched: true };
      });
    },
    [key, start, later],
  );
  // Storage is cleared at once (the caller may be unmounting: its updaters would never run) and
  // again inside the updater, after any `set` queued before it.
  const discard = useCallback(() => {
    later((v) => v.clearDraft(key));
    setState((current) => {
      later((v) => v.clearDraft(key));
      return { ...current, value: start(), restoredAt: null, touched: true };
    });
  }, [key, start, later]);
  const sent = useCallback(() => {
    later((v) => v.clearDraft(key));
    setState((current) => {
      later((v) => v.clearDraft(key));
      return { ...current, restoredAt: null };
    });
  }, [key, later]);

  const loaded = outbox.kind === 'none' || (vault !== null && state.read);
  return { value: state.value, set, restoredAt: state.restoredAt, loaded, discard, sent };
}
