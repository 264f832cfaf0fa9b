/**
 * Unsent work kept on this device (localStorage): an engineer on a tablet whose connection drops,
 * or who closes the panel, finds the report or the edit where they left it. Drafts are small JSON;
 * photos are not kept (they would not fit, and are quickly taken again).
 */
const PREFIX = 'marsad:draft:';

export interface StoredDraft<T> {
  /** When it was last written, ISO 8601. */
  savedAt: string;
  value: T;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled by the browser's settings
  }
}

/** The draft under `key`, if there is one of the expected shape. */
export function readDraft<T>(key: string, isValid: (value: unknown) => value is T): StoredDraft<T> | null {
  const raw = storage()?.getItem(PREFIX + key);
  if (raw === null || raw === undefined) return null;
  try {
    const parsed = JSON.parse(raw) as { savedAt?: unknown; value?: unknown };
    if (typeof parsed.savedAt !== 'string' || !isValid(parsed.value)) return null;
    return { savedAt: parsed.savedAt, value: parsed.value };
  } catch {
    return null;
  }
}

/** Keeps `value` under `key`; a full or disabled storage loses the draft, never the page. */
export function writeDraft<T>(key: string, value: T, now: Date = new Date()): void {
  try {
    storage()?.setItem(PREFIX + key, JSON.stringify({ savedAt: now.toISOString(), value }));
  } catch {
    // Quota exceeded: the form still holds the value.
  }
}

export function clearDraft(key: string): void {
  try {
    storage()?.removeItem(PREFIX + key);
  } catch {
    // Nothing to clear.
  }
}
