import { ProblemError } from '../../api/http.ts';
import type { Language } from '../../i18n/language.ts';
import { titleIn } from '../obstacleOverview/names.ts';
import type { NewPhoto } from './outboxEngine.ts';
import { requestOf, type NewOutboxItem, type OutboxItem } from './outboxItem.ts';
import { askPersistentStorage, outboxState, subscribeOutbox, type VaultState } from './outboxSession.ts';

/** What became of a write a form handed to the outbox, as the form tells it. */
export type WriteResult =
  /** Applied; `answer` is the API's. */
  | { kind: 'applied'; item: OutboxItem; answer: unknown }
  /** Stored by the server and held for review (202). */
  | { kind: 'held'; item: OutboxItem }
  /** Not sent yet (no connection, a busy server, or the session ended): it waits in the outbox. */
  | { kind: 'queued'; item: OutboxItem; signIn: boolean }
  /** Refused: the form shows why, keeps what was typed, and the item leaves the outbox. */
  | { kind: 'refused'; error: ProblemError };

/** The outbox once it is open (or `null` when there can be none: no key to be had). */
function openedOutbox(): Promise<Extract<VaultState, { kind: 'open' }> | null> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const state = outboxState();
      if (state.kind === 'opening') return false;
      resolve(state.kind === 'open' ? state : null);
      return true;
    };
    if (check()) return;
    const stop = subscribeOutbox(() => {
      if (check()) stop();
    });
  });
}

/** The label of a project's item: its code and its title in the reader's language. */
export function projectLabel(project: { code: string; title_ar: string; title_en: string | null }, language: Language): string {
  return `${project.code} · ${titleIn(language, project)}`;
}

/** Photos (already downscaled) as the outbox keeps them: their bytes and type. */
export function photosOf(blobs: readonly Blob[]): Promise<NewPhoto[]> {
  return Promise.all(blobs.map(async (blob) => ({ bytes: new Uint8Array(await blob.arrayBuffer()), type: blob.type })));
}

let askedPersistence = false;

/**
 * Every write of the page goes this way: kept in the outbox under its key, then sent at once.
 * Online the form learns the outcome right away; offline the item waits and sends itself later.
 */
export async function submitWrite(write: NewOutboxItem, photos: readonly NewPhoto[] = []): Promise<WriteResult> {
  const outbox = await openedOutbox();
  if (outbox === null) throw new ProblemError('/api/me/device-key', null, 'the outbox of this device cannot be opened (no connection and no kept key)');
  if (!askedPersistence) {
    askedPersistence = true;
    askPersistentStorage();
  }
  const item = await outbox.engine.submit(write, photos);
  switch (item.state) {
    case 'sent':
      return { kind: 'applied', item, answer: item.outcome?.answer };
    case 'held':
      return { kind: 'held', item };
    case 'refused': {
      await outbox.engine.discard(item.id);
      const outcome = item.outcome ?? { status: null };
      return { kind: 'refused', error: new ProblemError(requestOf(item).path, outcome.status, outcome.detail ?? '', outcome.problem ?? {}) };
    }
    default:
      return { kind: 'queued', item, signIn: outbox.engine.signInNeeded };
  }
}
