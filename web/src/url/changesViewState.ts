/**
 * The "what changed" panel's part of the address (`?changes=week`, `?changes=month`,
 * `?changes=visit`): open, and since when; absent, closed. Written only on the map screen. "Since
 * my last visit" is resolved by the page (the server remembers each user's previous visit); a
 * reader who is not signed in gets last week instead.
 */
export const CHANGE_SINCE = ['week', 'month', 'visit'] as const;
export type ChangeSince = (typeof CHANGE_SINCE)[number];

export interface ChangesViewState {
  /** The period the panel lists, or `null` when it is closed. */
  since: ChangeSince | null;
}

export const EMPTY_CHANGES_VIEW: ChangesViewState = { since: null };

const PARAM = 'changes';

export function parseChangesView(params: URLSearchParams): ChangesViewState {
  const value = params.get(PARAM);
  return { since: (CHANGE_SINCE as readonly string[]).includes(value ?? '') ? (value as ChangeSince) : null };
}

export function serializeChangesView(screen: string, state: ChangesViewState, params: URLSearchParams): void {
  if (screen === 'map' && state.since !== null) params.set(PARAM, state.since);
}
