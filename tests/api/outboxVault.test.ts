import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type Client } from '../support/client.ts';
import { clientTransport, deviceKeyOf, vaultOf } from '../support/outboxFixtures.ts';
import { testApp, type TestApp } from '../support/testApp.ts';
import { OutboxEngine } from '../../web/src/features/outbox/outboxEngine.ts';
import { lockVaults, resumeVault } from '../../web/src/features/outbox/outboxVault.ts';

/**
 * What the device keeps for a user, on a tablet shared by two: the second user's sign-in cannot
 * read the first one's outbox or drafts (the raw IndexedDB holds no plaintext), sign-out leaves
 * them locked, and the same user's next sign-in opens them again.
 */
describe("a user's outbox and drafts on a shared device", () => {
  let t: TestApp;
  let first: Client;
  let second: Client;

  beforeAll(async () => {
    t = await testApp('demo');
    first = await t.as(DEMO.engineer);
    second = await t.as(DEMO.aleppoEngineer);
  });
  afterAll(() => t.close());

  const NOTE = 'سرّي: الموقع مغلق بسبب نزاع على الأرض';

  /** Every value of the device's database, as a browser's storage inspector shows it. */
  const rawDump = async (): Promise<string> => {
    const names = ['keys', 'items', 'drafts'];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('marsad-device');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const values: unknown[] = [];
    for (const name of names) {
      values.push(
        await new Promise((resolve) => {
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => resolve(req.result);
        }),
      );
    }
    db.close();
    const bytesAsText = (value: unknown): string =>
      value instanceof ArrayBuffer || ArrayBuffer.isView(value)
        ? new TextDecoder('utf-8', { fatal: false }).decode(value instanceof ArrayBuffer ? value : new Uint8Array(value.buffer))
        : typeof value === 'object' && value !== null
          ? Object.values(value).map(bytesAsText).join(' ')
          : String(value);
    return bytesAsText(values);
  };

  it('seals items and drafts: another user sees none of them, the same user after signing in again sees all', async () => {
    const mine = await vaultOf(first);
    const engine = new OutboxEngine(mine, clientTransport(first));
    const item = await engine.add({
      kind: 'progress_report',
      projectId: 1,
      label: 'project 1',
      body: { reported_on: '2026-12-01', status: 'in_progress', physical_progress: 40, financial_progress: 30, note: NOTE, version: 1, base: { status: 'in_progress', physical_progress: 30, financial_progress: 30 } },
    });
    await mine.writeDraft('progress:1', { note: NOTE });
    expect((await mine.items()).map((i) => i.id)).toContain(item.id);
    expect(await rawDump()).not.toContain(NOTE);
    expect(await rawDump()).not.toContain('الموقع');

    // Signing out forgets the key: nothing opens the vault until the user signs in again.
    await lockVaults();
    expect(await resumeVault(mine.userId)).toBeNull();

    // The next user on the tablet: their vault is empty, and the first one's rows do not open with their key.
    const theirs = await vaultOf(second);
    expect(theirs.userId).not.toBe(mine.userId);
    expect(await theirs.items()).toEqual([]);
    expect(await theirs.readDraft('progress:1', (_value): _value is unknown => true)).toBeNull();
    expect(await resumeVault(mine.userId)).toBeNull();
    expect(await rawDump()).not.toContain(NOTE);

    // The first user signs in again: the same key from the server, the same items and drafts.
    expect((await deviceKeyOf(first)).key).toBe((await deviceKeyOf(first)).key);
    const again = await vaultOf(first);
    expect((await again.items()).find((i) => i.id === item.id)?.kind).toBe('progress_report');
    expect((await again.items()).find((i) => i.id === item.id)).toMatchObject({ body: { note: NOTE }, state: 'waiting' });
    expect(await again.readDraft('progress:1', (v): v is { note: string } => typeof v === 'object')).toMatchObject({ value: { note: NOTE } });
    // …and the other user's key is no longer kept.
    expect(await resumeVault(theirs.userId)).toBeNull();
    await again.remove(item.id);
    await again.clearDraft('progress:1');
  });
});
