import { DeviceKey } from '@marsad/contracts';
import { request } from '../../api/http.ts';
import { migrateLegacyDrafts } from '../drafts/deviceDrafts.ts';
import { OutboxEngine } from './outboxEngine.ts';
import { isUnsent, type OutboxItem } from './outboxItem.ts';
import { lockVaults, resumeVault, unlockVault, type UserVault } from './outboxVault.ts';

/**
 * The page's one outbox: opened for whoever signs in (with the key kept since their sign-in, or
 * asked of the server), locked when they sign out. Not React: the header, the forms and the
 * drafts read it through `useOutbox.ts`.
 */
export type VaultState =
  /** Signed in; the key is on its way. */
  | { kind: 'opening' }
  | { kind: 'open'; userId: number; vault: UserVault; engine: OutboxEngine }
  /** Nobody signed in, or no key to be had (offline on a device never signed in to): drafts stay in memory. */
  | { kind: 'none' };

/** Items sent or held more than this long ago leave the list. */
const KEEP_SETTLED_MS = 7 * 24 * 3600_000;

let state: VaultState = { kind: 'none' };
let opening: number | null = null;
let csrfToken = '';
const listeners = new Set<() => void>();
/** The open outbox's items, read (and unsealed) once per change for every reader of the page. */
let items: readonly OutboxItem[] = [];
let reading: Promise<void> | null = null;
let readAgain = false;

function notify(): void {
  for (const listener of listeners) listener();
}

export function subscribeOutbox(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const outboxState = (): VaultState => state;
export const outboxItems = (): readonly OutboxItem[] => items;
/** How many items still wait to be sent (the sign-out warning). */
export const unsentCount = (): number => items.filter(isUnsent).length;

/** Reads `engine`'s items again after a change; changes during a read make it read once more. */
function readItems(engine: OutboxEngine): void {
  if (reading !== null) {
    readAgain = true;
    return;
  }
  reading = (async () => {
    do {
      readAgain = false;
      const list = await engine.items().catch(() => null);
      if (list !== null && state.kind === 'open' && state.engine === engine) {
        items = list;
        notify();
      }
    } while (readAgain);
  })().finally(() => {
    reading = null;
  });
}

/** What the page's outbox sends through: fetch, same origin, with the session's CSRF token. */
function pageTransport(path: string, init: RequestInit): Promise<Response> {
  return fetch(path, { ...init, credentials: 'same-origin', headers: { ...(init.headers as Record<string, string>), 'x-csrf-token': csrfToken } });
}

async function vaultFor(userId: number): Promise<UserVault | null> {
  const kept = await resumeVault(userId);
  if (kept !== null) return kept;
  try {
    const key = await request('/api/me/device-key', { schema: DeviceKey });
    return key.user_id === userId ? await unlockVault(userId, key.key) : null;
  } catch {
    return null; // offline, and this device never kept the user's key
  }
}

/** The user is signed in (again): their outbox opens, and whatever waits in it is sent. */
export async function openOutbox(userId: number, token: string): Promise<void> {
  csrfToken = token;
  if (state.kind === 'open' && state.userId === userId) {
    state.engine.signInNeeded = false;
    void state.engine.flush(true);
    return;
  }
  if (opening === userId) return;
  opening = userId;
  state = { kind: 'opening' };
  items = [];
  notify();
  try {
    const vault = typeof indexedDB === 'undefined' ? null : await vaultFor(userId).catch(() => null);
    if (opening !== userId) return; // signed out meanwhile
    if (vault === null) {
      state = { kind: 'none' };
    } else {
      await migrateLegacyDrafts(vault);
      const engine: OutboxEngine = new OutboxEngine(vault, pageTransport, { onChange: () => readItems(engine) });
      await engine.prune(KEEP_SETTLED_MS);
      state = { kind: 'open', userId, vault, engine };
      readItems(engine);
      void engine.flush();
    }
  } finally {
    if (opening === userId) opening = null;
    notify();
  }
}

/** Signed out (or the session ended): the key is forgotten; the items stay on the device, locked. */
export async function closeOutbox(): Promise<void> {
  opening = null;
  const wasOpen = state.kind !== 'none';
  state = { kind: 'none' };
  items = [];
  if (wasOpen) notify();
  if (typeof indexedDB !== 'undefined') await lockVaults().catch(() => undefined);
}

/** Asks the browser to keep this site's storage under pressure (once, at the first item). */
export function askPersistentStorage(): void {
  if (typeof navigator !== 'undefined' && navigator.storage?.persist !== undefined) {
    void navigator.storage.persisted().then((already) => (already ? true : navigator.storage.persist())).catch(() => false);
  }
}
