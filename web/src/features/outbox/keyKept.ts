/**
 * Whether this device may keep a user's device key (outboxVault.ts keeps it while they are
 * signed in): a flag the first view reads without opening IndexedDB or loading the outbox, so a
 * visitor who never signed in here loads neither, and a session found ended still locks the vault.
 */
const MARK = 'marsad.deviceKeyKept';

export function markKeyKept(kept: boolean): void {
  try {
    if (kept) localStorage.setItem(MARK, '1');
    else localStorage.removeItem(MARK);
  } catch {
    // No storage (private mode, tests in Node): the first view then locks on every sign-out.
  }
}

export function keyMayBeKept(): boolean {
  try {
    return localStorage.getItem(MARK) !== null;
  } catch {
    return true;
  }
}
