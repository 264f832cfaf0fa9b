import { useCallback, useState } from 'react';
import { clearDraft, readDraft, writeDraft } from './deviceDrafts.ts';

export interface DeviceDraft<T> {
  value: T;
  /** Changes the value and keeps it on the device (or forgets it once it equals the start again). */
  set: (update: (current: T) => T) => void;
  /** When the value came from an earlier visit, when it was saved; otherwise `null`. */
  restoredAt: string | null;
  /** Throws the kept draft away and starts again from `start`. */
  discard: () => void;
  /** Forgets the kept draft after it was sent; the value stays as it is. */
  sent: () => void;
}

/**
 * Form state that survives a closed panel, a reload or a dead connection: it starts from the draft
 * kept under `key` when there is one, and from `start()` otherwise.
 */
export function useDeviceDraft<T>(key: string, start: () => T, isValid: (value: unknown) => value is T): DeviceDraft<T> {
  const [state, setState] = useState(() => {
    const kept = readDraft(key, isValid);
    return { value: kept?.value ?? start(), restoredAt: kept?.savedAt ?? null };
  });

  const set = useCallback(
    (update: (current: T) => T) => {
      setState((current) => {
        const value = update(current.value);
        if (JSON.stringify(value) === JSON.stringify(start())) clearDraft(key);
        else writeDraft(key, value);
        return { ...current, value };
      });
    },
    [key, start],
  );
  // Storage is cleared at once (the caller may be unmounting: its updaters would never run) and
  // again inside the updater, after any `set` queued before it.
  const discard = useCallback(() => {
    clearDraft(key);
    setState(() => {
      clearDraft(key);
      return { value: start(), restoredAt: null };
    });
  }, [key, start]);
  const sent = useCallback(() => {
    clearDraft(key);
    setState((current) => {
      clearDraft(key);
      return { ...current, restoredAt: null };
    });
  }, [key]);

  return { value: state.value, set, restoredAt: state.restoredAt, discard, sent };
}
