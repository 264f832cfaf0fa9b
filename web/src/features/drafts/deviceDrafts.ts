/**
 * Unsent work kept on this device: an engineer on a tablet whose connection drops, or who closes
 * the panel, finds the report or the edit where they left it. Drafts live in the signed-in user's
 * sealed store (outbox/outboxVault.ts), under their device key; the next user of the tablet cannot
 * read them. Drafts of earlier releases lay in plain text in localStorage: each user's are moved
 * into their store once, when they sign in, and deleted there.
 */
const LEGACY_PREFIX = 'marsad:draft:';

/** Where the moved drafts go: the user's store. */
export interface DraftSink {
  readonly userId: number;
  writeDraft(name: string, value: unknown, savedAt: Date): Promise<void>;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled by the browser's settings
  }
}

/**
 * Moves the plain-text drafts of `sink`'s user (`progress:<user>:…`, `editor:<user>:…`, …) into
 * their store and deletes them; other users' stay until they sign in. How many were moved.
 */
export async function migrateLegacyDrafts(sink: DraftSink, store: Pick<Storage, 'length' | 'key' | 'getItem' | 'removeItem'> | null = storage()): Promise<number> {
  if (store === null) return 0;
  const names: string[] = [];
  for (let i = 0; i < store.length; i += 1) {
    const key = store.key(i);
    if (key?.startsWith(LEGACY_PREFIX) && key.slice(LEGACY_PREFIX.length).split(':')[1] === String(sink.userId)) names.push(key.slice(LEGACY_PREFIX.length));
  }
  let moved = 0;
  for (const name of names) {
    try {
      const kept = JSON.parse(store.getItem(LEGACY_PREFIX + name) ?? 'null') as { savedAt?: unknown; value?: unknown } | null;
      if (kept !== null && typeof kept.savedAt === 'string' && kept.value !== undefined) {
        await sink.writeDraft(name, kept.value, new Date(kept.savedAt));
        moved += 1;
      }
    } catch {
      // Damaged JSON: nothing worth keeping.
    }
    store.removeItem(LEGACY_PREFIX + name);
  }
  return moved;
}
