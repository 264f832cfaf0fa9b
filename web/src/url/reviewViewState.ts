import { CONFLICT_STATES, type ConflictState } from '@marsad/contracts';
import { isOneOf } from '../data/vocabulary.ts';

/**
 * The review screen's part of the address (`?view=review&conflict_state=rejected&conflict=12`):
 * which conflicts are listed (pending unless said) and which one is open. Written only while the
 * review screen is shown, so another screen's address carries none of it.
 */
export interface ReviewViewState {
  /** The conflicts listed: those waiting for a decision, or those already accepted or rejected. */
  state: ConflictState;
  /** The id of the conflict whose detail is open. */
  conflict: number | null;
}

export const DEFAULT_CONFLICT_STATE: ConflictState = 'pending';
export const EMPTY_REVIEW_VIEW: ReviewViewState = { state: DEFAULT_CONFLICT_STATE, conflict: null };

const PARAM = { state: 'conflict_state', conflict: 'conflict' } as const;
const ID = /^[1-9]\d{0,14}$/;

export function parseReviewView(params: URLSearchParams): ReviewViewState {
  const state = params.get(PARAM.state);
  const conflict = params.get(PARAM.conflict);
  return {
    state: isOneOf(CONFLICT_STATES, state) ? state : DEFAULT_CONFLICT_STATE,
    conflict: conflict !== null && ID.test(conflict) ? Number(conflict) : null,
  };
}

export function serializeReviewView(screen: string, state: ReviewViewState, params: URLSearchParams): void {
  if (screen !== 'review') return;
  if (state.state !== DEFAULT_CONFLICT_STATE) params.set(PARAM.state, state.state);
  if (state.conflict !== null) params.set(PARAM.conflict, String(state.conflict));
}
