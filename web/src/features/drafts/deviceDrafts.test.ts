import { describe, expect, it } from 'vitest';
import { migrateLegacyDrafts, type DraftSink } from './deviceDrafts.ts';

/** A Storage kept in a Map, as the browser's localStorage behaves (vitest runs in Node). */
class MemoryStorage {
  readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

class Sink implements DraftSink {
  readonly written: [string, unknown, string][] = [];
  constructor(readonly userId: number) {}
  writeDraft(name: string, value: unknown, savedAt: Date) {
    this.written.push([name, value, savedAt.toISOString()]);
    return Promise.resolve();
  }
}

describe('plain-text drafts of earlier releases', () => {
  it("move into the signed-in user's store and leave localStorage; other users' stay", async () => {
    const memory = new MemoryStorage();
    memory.items.set('marsad:draft:progress:7:12', JSON.stringify({ savedAt: '2026-11-22T21:30:00.000Z', value: { note: 'الموقع مغلق' } }));
    memory.items.set('marsad:draft:editor:7:new', '{not json');
    memory.items.set('marsad:draft:progress:8:12', JSON.stringify({ savedAt: '2026-11-22T21:30:00.000Z', value: { note: 'other' } }));
    memory.items.set('marsad.signedIn', '1');
    const sink = new Sink(7);
    expect(await migrateLegacyDrafts(sink, memory)).toBe(1);
    expect(sink.written).toEqual([['progress:7:12', { note: 'الموقع مغلق' }, '2026-11-22T21:30:00.000Z']]);
    expect([...memory.items.keys()].sort()).toEqual(['marsad.signedIn', 'marsad:draft:progress:8:12']);
  });

  it('does nothing without a storage', async () => {
    expect(await migrateLegacyDrafts(new Sink(7), null)).toBe(0);
  });
});
