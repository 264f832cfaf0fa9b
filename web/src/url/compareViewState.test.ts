import { describe, expect, it } from 'vitest';
import { EMPTY_COMPARE_VIEW, parseCompareView } from './compareViewState.ts';
import { DEFAULT_VIEW_STATE, parseViewState, serializeViewState } from './viewState.ts';

describe('the ranking of governorates in the address', () => {
  it('reads the open ranking and its sort', () => {
    for (const sort of ['-value', 'value', 'name', '-name'] as const) {
      expect(parseCompareView(new URLSearchParams(`compare=${sort}`))).toEqual({ sort });
    }
    expect(parseViewState('?metric=delayed&compare=value')).toEqual({ ...DEFAULT_VIEW_STATE, metric: 'delayed', compare: { sort: 'value' } });
  });

  it('keeps the ranking closed for what it does not understand', () => {
    for (const bad of ['', 'compare=', 'compare=budget', 'compare=-VALUE', 'compare=value,name', "compare=name'--"]) {
      expect(parseCompareView(new URLSearchParams(bad)), bad).toEqual(EMPTY_COMPARE_VIEW);
    }
  });

  it('round-trips with the rest of the map view, and leaves the address of other screens alone', () => {
    const state = parseViewState('?lang=en&metric=delayed&gov=SY-DI&compare=-name');
    expect(state.compare.sort).toBe('-name');
    expect(serializeViewState(state)).toBe('?lang=en&metric=delayed&gov=SY-DI&compare=-name');
    expect(parseViewState(serializeViewState(state))).toEqual(state);
    expect(serializeViewState({ ...state, compare: EMPTY_COMPARE_VIEW })).toBe('?lang=en&metric=delayed&gov=SY-DI');
    expect(serializeViewState({ ...state, screen: 'plans' })).not.toContain('compare=');
  });
});
