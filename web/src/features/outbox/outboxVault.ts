import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { importDeviceKey, openBytes, openJson, sealBytes, sealJson, type Sealed } from './sealed.ts';
import type { OutboxItem } from './outboxItem.ts';
import { markKeyKept } from './keyKept.ts';

/**
 * What this device keeps for each user (IndexedDB): their outbox and their drafts, sealed under
 * their device key. The key itself is kept here only while they are signed in, so the page can
 * open their outbox with no connection; signing out forgets it, and the items stay on the device,
 * locked, until the same user signs in again (the server gives the same key back).
 */
const DB_NAME = 'marsad-device';

interface DeviceSchema extends DBSchema {
  keys: { key: number; value: { userId: number; key: CryptoKey } };
  items: { key: string; value: { id: string; userId: number; seq: number; meta: Sealed; photos: Sealed[] }; indexes: { user: number } };
  drafts: { key: [number, string]; value: { userId: number; name: string; sealed: Sealed }; indexes: { user: number } };
}

let opened: Promise<IDBPDatabase<DeviceSchema>> | null = null;

function database(): Promise<IDBPDatabase<DeviceSchema>> {
  opened ??= openDB<DeviceSchema>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore('keys', { keyPath: 'userId' });
      db.createObjectStore('items', { keyPath: 'id' }).createIndex('user', 'userId');
      db.createObjectStore('drafts', { keyPath: ['userId', 'name'] }).createIndex('user', 'userId');
    },
  });
  return opened;
}

/** A draft as it was last written. */
export interface StoredDraft<T> {
  /** When it was last written, ISO 8601. */
  savedAt: string;
  value: T;
}

/** One user's outbox and drafts, open with their key. */
export class UserVault {
  constructor(
    readonly userId: number,
    private readonly key: CryptoKey,
    private readonly db: IDBPDatabase<DeviceSchema>,
  ) {}

  /** Every item of this user, in the order they were made. */
  async items(): Promise<OutboxItem[]> {
    const rows = await this.db.getAllFromIndex('items', 'user', this.userId);
    const items = await Promise.all(rows.map(async (row) => (await openJson(this.key, row.meta)) as OutboxItem));
    return items.sort((a, b) => a.seq - b.seq);
  }

  async item(id: string): Promise<OutboxItem | null> {
    const row = await this.db.get('items', id);
    return row === undefined || row.userId !== this.userId ? null : ((await openJson(this.key, row.meta)) as OutboxItem);
  }

  /** An item's photos, in its order. */
  async photos(id: string): Promise<Uint8Array<ArrayBuffer>[]> {
    const row = await this.db.get('items', id);
    if (row === undefined || row.userId !== this.userId) return [];
    return Promise.all(row.photos.map((sealed) => openBytes(this.key, sealed)));
  }

  async add(item: OutboxItem, photos: readonly Uint8Array<ArrayBuffer>[]): Promise<void> {
    const sealedPhotos = await Promise.all(photos.map((bytes) => sealBytes(this.key, bytes)));
    await this.db.put('items', { id: item.id, userId: this.userId, seq: item.seq, meta: await sealJson(this.key, item), photos: sealedPhotos });
  }

  /** Keeps the item's new state; its photos stay as they are. */
  async update(item: OutboxItem): Promise<void> {
    const meta = await sealJson(this.key, item);
    const tx = this.db.transaction('items', 'readwrite');
    const row = await tx.store.get(item.id);
    if (row !== undefined && row.userId === this.userId) await tx.store.put({ ...row, meta });
    await tx.done;
  }

  async remove(id: string): Promise<void> {
    const tx = this.db.transaction('items', 'readwrite');
    const row = await tx.store.get(id);
    if (row !== undefined && row.userId === this.userId) await tx.store.delete(id);
    await tx.done;
  }

  async readDraft<T>(name: string, isValid: (value: unknown) => value is T): Promise<StoredDraft<T> | null> {
    const row = await this.db.get('drafts', [this.userId, name]);
    if (row === undefined) return null;
    try {
      const kept = (await openJson(this.key, row.sealed)) as { savedAt?: unknown; value?: unknown };
      return typeof kept.savedAt === 'string' && isValid(kept.value) ? { savedAt: kept.savedAt, value: kept.value } : null;
    } catch {
      return null; // sealed under an older key: nothing to restore
    }
  }

  async writeDraft(name: string, value: unknown, now: Date = new Date()): Promise<void> {
    const sealed = await sealJson(this.key, { savedAt: now.toISOString(), value });
    await this.db.put('drafts', { userId: this.userId, name, sealed });
  }

  async clearDraft(name: string): Promise<void> {
    await this.db.delete('drafts', [this.userId, name]);
  }
}

/**
 * Opens `userId`'s vault with the key the API gave: the key is kept (non-extractable) for the
 * next start with no connection, and any other user's key is forgotten — one user at a time.
 */
export async function unlockVault(userId: number, deviceKey: string): Promise<UserVault> {
  const key = await importDeviceKey(deviceKey);
  const db = await database();
  const tx = db.transaction('keys', 'readwrite');
  for (const kept of await tx.store.getAllKeys()) if (kept !== userId) await tx.store.delete(kept);
  await tx.store.put({ userId, key });
  await tx.done;
  markKeyKept(true);
  return new UserVault(userId, key, db);
}

/** `userId`'s vault with the key kept since their sign-in, or `null` when none is kept. */
export async function resumeVault(userId: number): Promise<UserVault | null> {
  const db = await database();
  const kept = await db.get('keys', userId);
  return kept === undefined ? null : new UserVault(userId, kept.key, db);
}

/** Forgets every kept key (sign-out, or a session found ended): the items stay, locked. */
export async function lockVaults(): Promise<void> {
  const db = await database();
  await db.clear('keys');
  markKeyKept(false);
}
