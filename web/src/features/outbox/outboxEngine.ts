import { IDEMPOTENCY_KEY_HEADER } from '@marsad/contracts';
import { groupOf, isUnsent, rebaseAfter, requestOf, type NewOutboxItem, type OutboxItem, type OutboxItemFacts, type OutboxOutcome } from './outboxItem.ts';
import type { UserVault } from './outboxVault.ts';
import { sha256Hex, uploadPhoto } from './photoUpload.ts';
import { answerStep, type SendStep, type Transport } from './sendStep.ts';

/** A photo handed to a new report: its bytes (already downscaled) and type. */
export interface NewPhoto {
  bytes: Uint8Array<ArrayBuffer>;
  type: string;
}

export interface EngineOptions {
  now?: () => number;
  /** Called after any item changed (for the page to read the list again). */
  onChange?: () => void;
  /** Parts of photo uploads (tests use small parts to cut mid-photo). */
  partBytes?: number;
}

/** The first wait after a failure, and the longest. */
const FIRST_BACKOFF_MS = 15_000;
const LONGEST_BACKOFF_MS = 15 * 60_000;

/**
 * How long an item waits after its `attempts`-th failure. A busy or failing server (an answer:
 * 5xx, 429) is given a growing wait; a cut (no answer at all) is the field's normal state and
 * waits no longer than the first step — an engineer who spent an hour offline must not find their
 * reports waiting another fifteen minutes once the connection is back.
 */
export function backoffMs(attempts: number, answered = true): number {
  if (!answered) return FIRST_BACKOFF_MS;
  return Math.min(LONGEST_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
}

/**
 * The outbox that sends itself (pure TypeScript, no React: the page and the tests run the same
 * one). Items of one project (or zone) go one at a time in the order they were made; a refused or
 * held item does not stop the next; a cut or a busy server leaves the item waiting with a growing
 * wait; a 401 stops everything until the user signs in again (the items stay).
 */
export class OutboxEngine {
  private running: Promise<void> | null = null;
  private rerun = false;
  private forceNext = false;
  private seqBase = 0;
  /** The server answered 401: sending waits for a new sign-in. */
  signInNeeded = false;

  constructor(
    readonly vault: UserVault,
    private readonly transport: Transport,
    private readonly options: EngineOptions = {},
  ) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private changed(): void {
    this.options.onChange?.();
  }

  items(): Promise<OutboxItem[]> {
    return this.vault.items();
  }

  /** Keeps a new write (its key chosen now) and its photos on the device; it is not sent yet. */
  async add(write: NewOutboxItem, photos: readonly NewPhoto[] = []): Promise<OutboxItem> {
    const facts = await Promise.all(photos.map(async (p) => ({ sha256: await sha256Hex(p.bytes), type: p.type, size: p.bytes.byteLength })));
    const now = this.now();
    // Made in this order, even within one millisecond.
    this.seqBase = Math.max(this.seqBase + 1, now * 1000);
    const item = { ...write, id: crypto.randomUUID(), createdAt: new Date(now).toISOString(), seq: this.seqBase, state: 'waiting', attempts: 0, nextAttemptAt: null, outcome: null, photos: facts } as OutboxItem;
    await this.vault.add(
      item,
      photos.map((p) => p.bytes),
    );
    this.changed();
    return item;
  }

  /** Keeps a write and sends it at once (the online path): the item as it stands after that attempt. */
  async submit(write: NewOutboxItem, photos: readonly NewPhoto[] = []): Promise<OutboxItem> {
    const item = await this.add(write, photos);
    await this.flush(true);
    return (await this.vault.item(item.id)) ?? item;
  }

  /**
   * Sends what is due (everything waiting when `force`, "send now"). Calls during a run join it
   * and make it go round once more.
   */
  flush(force = false): Promise<void> {
    if (force) this.forceNext = true;
    if (this.running !== null) {
      this.rerun = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.rerun = false;
          const forced = this.forceNext;
          this.forceNext = false;
          if (forced) this.signInNeeded = false;
          await this.runOnce(forced);
        } while (this.rerun && !this.signInNeeded);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** A refused item, sent again as it is (same key). */
  async retry(id: string): Promise<void> {
    const item = await this.vault.item(id);
    if (item === null || item.state !== 'refused') return;
    await this.vault.update({ ...item, state: 'waiting', nextAttemptAt: null });
    this.changed();
    await this.flush(true);
  }

  /** Throws an item away (the panel asks first). */
  async discard(id: string): Promise<void> {
    await this.vault.remove(id);
    this.changed();
  }

  /** Forgets items that reached the server more than `olderThanMs` ago. */
  async prune(olderThanMs: number): Promise<void> {
    const cut = this.now() - olderThanMs;
    for (const item of await this.vault.items()) {
      if ((item.state === 'sent' || item.state === 'held') && Date.parse(item.createdAt) < cut) await this.vault.remove(item.id);
    }
  }

  private async runOnce(force: boolean): Promise<void> {
    const groups = new Map<string, OutboxItem[]>();
    for (const item of await this.vault.items()) {
      if (!isUnsent(item)) continue;
      const key = groupOf(item);
      groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    await Promise.all([...groups.values()].map((items) => this.sendGroup(items, force)));
  }

  private async sendGroup(items: OutboxItem[], force: boolean): Promise<void> {
    let queue = items;
    while (queue.length > 0 && !this.signInNeeded) {
      const [item, ...rest] = queue as [OutboxItem, ...OutboxItem[]];
      // The first waiting item decides for its record: the later ones never overtake it.
      if (!force && item.nextAttemptAt !== null && item.nextAttemptAt > this.now()) return;
      const step = await this.sendOne(item);
      if (step.kind === 'retry' || step.kind === 'signIn') return;
      if (step.kind === 'done') {
        queue = await Promise.all(
          rest.map(async (later) => {
            const rebased = rebaseAfter(item, step.answer, later);
            if (rebased !== later) await this.vault.update(rebased);
            return rebased;
          }),
        );
      } else {
        queue = rest;
      }
    }
  }

  private async settle(item: OutboxItem, change: Partial<OutboxItemFacts>): Promise<void> {
    await this.vault.update({ ...item, ...change });
    this.changed();
  }

  private async sendOne(start: OutboxItem): Promise<SendStep> {
    const item: OutboxItem = { ...start, state: 'sending', attempts: start.attempts + 1 };
    await this.settle(item, {});
    const step = await this.attempt(item);
    const outcome = (o: OutboxOutcome) => ({ outcome: o });
    switch (step.kind) {
      case 'done':
        await this.settle(item, { state: 'sent', nextAttemptAt: null, outcome: { status: step.status ?? 200, answer: step.answer } });
        break;
      case 'held':
        await this.settle(item, { state: 'held', nextAttemptAt: null, outcome: { status: step.status, ...(step.conflictId === undefined ? {} : { conflictId: step.conflictId }) } });
        break;
      case 'refused':
        await this.settle(item, { state: 'refused', nextAttemptAt: null, ...outcome(step.outcome) });
        break;
      case 'signIn':
        this.signInNeeded = true;
        await this.settle(item, { state: 'waiting', nextAttemptAt: null, ...outcome(step.outcome) });
        break;
      case 'retry':
        await this.settle(item, { state: 'waiting', nextAttemptAt: this.now() + (step.retryAfterMs ?? backoffMs(item.attempts, step.outcome.status !== null)), ...outcome(step.outcome) });
        break;
    }
    return step;
  }

  /** Photos first, then the write itself under its key. */
  private async attempt(item: OutboxItem): Promise<SendStep> {
    if (item.kind === 'progress_report' && item.photos.length > 0) {
      const bytes = await this.vault.photos(item.id);
      for (const [i, photo] of item.photos.entries()) {
        const photoBytes = bytes[i];
        if (photoBytes === undefined) return { kind: 'refused', outcome: { status: null, detail: 'a photo of this report is missing on this device' } };
        const step = await uploadPhoto(this.transport, photo.sha256, photoBytes, this.options.partBytes === undefined ? {} : { partBytes: this.options.partBytes });
        if (step.kind !== 'done') return step;
      }
    }
    const { method, path, body } = requestOf(item);
    let response: Response;
    try {
      response = await this.transport(path, {
        method,
        headers: { accept: 'application/json', 'content-type': 'application/json', [IDEMPOTENCY_KEY_HEADER]: item.id },
        body: JSON.stringify(body),
      });
    } catch {
      return { kind: 'retry', outcome: { status: null, detail: `${path}: no answer from the server` } };
    }
    return answerStep(response, path, this.now());
  }
}
