import { describe, expect, it } from 'vitest';
import { parseScreen } from './planViewState.ts';
import { EMPTY_REVIEW_VIEW, parseReviewView } from './reviewViewState.ts';
import { isNavigation } from './useViewState.ts';
import { parseViewState, serializeViewState } from './viewState.ts';

describe('the review screen in the address', () => {
  it('reads the screen, the listed state and the open conflict', () => {
    expect(parseScreen(new URLSearchParams('view=review'))).toBe('review');
    expect(parseReviewView(new URLSearchParams('conflict_state=rejected&conflict=12'))).toEqual({ state: 'rejected', conflict: 12 });
    expect(parseReviewView(new URLSearchParams(''))).toEqual(EMPTY_REVIEW_VIEW);
  });

  it('ignores what it does not understand', () => {
    for (const bad of ['conflict_state=done', 'conflict_state=PENDING', 'conflict=0', 'conflict=-3', 'conflict=1e3', "conflict=4'--"]) {
      expect(parseReviewView(new URLSearchParams(bad)), bad).toEqual(EMPTY_REVIEW_VIEW);
    }
  });

  it('round-trips, leaves the default state out, and writes nothing for another screen', () => {
    const state = parseViewState('?lang=en&view=review&conflict_state=accepted&conflict=9&project=7');
    expect(state.review).toEqual({ state: 'accepted', conflict: 9 });
    expect(serializeViewState(state)).toBe('?lang=en&project=7&view=review&conflict_state=accepted&conflict=9');
    expect(parseViewState(serializeViewState(state))).toEqual(state);
    expect(serializeViewState(parseViewState('?view=review&conflict_state=pending'))).toBe('?view=review');
    expect(serializeViewState({ ...state, screen: 'map' })).toBe('?lang=en&project=7');
  });

  it('opening another conflict is a step back returns to', () => {
    const list = parseViewState('?view=review');
    expect(isNavigation(list, { ...list, review: { ...list.review, conflict: 3 } })).toBe(true);
    expect(isNavigation(list, { ...list, review: { ...list.review, state: 'rejected' } })).toBe(false);
  });
});
