import { describe, expect, it } from 'vitest';
import { EMPTY_CHANGES_VIEW, parseChangesView } from './changesViewState.ts';
import { parseViewState, serializeViewState } from './viewState.ts';

describe('the "what changed" panel in the address', () => {
  it('reads the period', () => {
    for (const since of ['week', 'month', 'visit'] as const) {
      expect(parseChangesView(new URLSearchParams(`changes=${since}`))).toEqual({ since });
    }
    expect(parseChangesView(new URLSearchParams(''))).toEqual(EMPTY_CHANGES_VIEW);
  });

  it('ignores what it does not understand', () => {
    for (const bad of ['changes=year', 'changes=WEEK', 'changes=', 'changes=2026-01-01']) {
      expect(parseChangesView(new URLSearchParams(bad)), bad).toEqual(EMPTY_CHANGES_VIEW);
    }
  });

  it('round-trips with the rest of the view, and is left out on other screens and when closed', () => {
    const state = parseViewState('?lang=en&changes=month&project=7');
    expect(state.changes).toEqual({ since: 'month' });
    expect(serializeViewState(state)).toBe('?lang=en&project=7&changes=month');
    expect(parseViewState(serializeViewState(state))).toEqual(state);
    expect(serializeViewState({ ...state, changes: EMPTY_CHANGES_VIEW })).toBe('?lang=en&project=7');
    expect(serializeViewState({ ...state, screen: 'plans' })).not.toContain('changes=');
  });
});
