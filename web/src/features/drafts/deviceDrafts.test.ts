import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearDraft, readDraft, writeDraft } from './deviceDrafts.ts';

/** A Storage kept in a Map, as the browser's localStorage behaves (vitest runs in Node). */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  full = false;
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('quota', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const isNote = (value: unknown): value is { note: string } =>
  typeof value === 'object' && value !== null && typeof (value as { note?: unknown }).note === 'string';

describe('drafts kept on the device', () => {
  let memory: MemoryStorage;
  beforeEach(() => {
    memory = new MemoryStorage();
    (globalThis as { localStorage?: unknown }).localStorage = memory;
  });
  afterEach(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it('keeps a value with the time it was saved, and forgets it when cleared', () => {
    writeDraft('progress:1:2', { note: 'الموقع مغلق' }, new Date('2026-11-22T21:30:00Z'));
    expect(readDraft('progress:1:2', isNote)).toEqual({ savedAt: '2026-11-22T21:30:00.000Z', value: { note: 'الموقع مغلق' } });
    expect(readDraft('progress:1:3', isNote)).toBeNull();
    clearDraft('progress:1:2');
    expect(readDraft('progress:1:2', isNote)).toBeNull();
  });

  it('ignores a draft of another shape or damaged JSON', () => {
    memory.setItem('marsad:draft:a', JSON.stringify({ savedAt: '2026-11-22T00:00:00Z', value: { note: 3 } }));
    memory.setItem('marsad:draft:b', '{not json');
    expect(readDraft('a', isNote)).toBeNull();
    expect(readDraft('b', isNote)).toBeNull();
  });

  it('survives a full storage and a browser without one', () => {
    memory.full = true;
    expect(() => writeDraft('k', { note: 'x' })).not.toThrow();
    expect(readDraft('k', isNote)).toBeNull();
    delete (globalThis as { localStorage?: unknown }).localStorage;
    expect(() => writeDraft('k', { note: 'x' })).not.toThrow();
    expect(readDraft('k', isNote)).toBeNull();
  });
});
