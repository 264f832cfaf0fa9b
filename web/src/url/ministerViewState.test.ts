import { describe, expect, it } from 'vitest';
import { EMPTY_MINISTER_VIEW, formatObstacleCell, parseMinisterView, parseObstacleCell } from './ministerViewState.ts';
import { parseScreen } from './planViewState.ts';
import { isNavigation } from './useViewState.ts';
import { DEFAULT_VIEW_STATE, parseViewState, serializeViewState } from './viewState.ts';

describe("the minister's screens in the address", () => {
  it('reads the obstacles and meetings screens, the open cell and the open meeting', () => {
    expect(parseScreen(new URLSearchParams('view=obstacles'))).toBe('obstacles');
    expect(parseScreen(new URLSearchParams('view=meetings'))).toBe('meetings');
    expect(parseMinisterView(new URLSearchParams('obstacle_cell=sy-di:minister&meeting=12'))).toEqual({
      obstacleCell: { governorate: 'SY-DI', level: 'minister' },
      meeting: 12,
    });
  });

  it('ignores what it does not understand', () => {
    expect(parseScreen(new URLSearchParams('view=obstacle'))).toBe('map');
    for (const bad of ['SY-DI', 'SY-DI:mayor', 'SYRIA:minister', 'SY-DI:minister:x', ':minister', 'SY-DI:', "SY-DI:minister'--"]) {
      expect(parseObstacleCell(bad), bad).toBeNull();
    }
    expect(parseMinisterView(new URLSearchParams('meeting=0'))).toEqual(EMPTY_MINISTER_VIEW);
    expect(parseMinisterView(new URLSearchParams('meeting=-3'))).toEqual(EMPTY_MINISTER_VIEW);
    expect(parseMinisterView(new URLSearchParams('meeting=1e3'))).toEqual(EMPTY_MINISTER_VIEW);
  });

  it('round-trips through the whole view state, with the country shared with the plans screen', () => {
    const obstacles = '?view=obstacles&country=SYR&obstacle_cell=SY-HL:inter_ministerial&project=7';
    const state = parseViewState(obstacles);
    expect(state.screen).toBe('obstacles');
    expect(state.plan.country).toBe('SYR');
    expect(state.minister.obstacleCell).toEqual({ governorate: 'SY-HL', level: 'inter_ministerial' });
    expect(state.project).toBe(7);
    expect(serializeViewState(state)).toBe('?project=7&view=obstacles&country=SYR&obstacle_cell=SY-HL:inter_ministerial');
    expect(parseViewState(serializeViewState(state))).toEqual(state);

    const meetings = parseViewState('?lang=en&view=meetings&meeting=4');
    expect(meetings.minister.meeting).toBe(4);
    expect(serializeViewState(meetings)).toBe('?lang=en&view=meetings&meeting=4');
    expect(formatObstacleCell({ governorate: 'LY-MI', level: 'directorate' })).toBe('LY-MI:directorate');
  });

  it("leaves another screen's state out of the address", () => {
    const state = parseViewState('?view=meetings&meeting=4&obstacle_cell=SY-DI:minister');
    expect(serializeViewState(state)).toBe('?view=meetings&meeting=4');
    expect(serializeViewState({ ...state, screen: 'map' })).toBe('');
    expect(serializeViewState(DEFAULT_VIEW_STATE)).toBe('');
  });

  it('makes screens, cells and meetings steps of the browser history', () => {
    const obstacles = { ...DEFAULT_VIEW_STATE, screen: 'obstacles' as const };
    expect(isNavigation(DEFAULT_VIEW_STATE, obstacles)).toBe(true);
    const cell = { ...obstacles, minister: { ...EMPTY_MINISTER_VIEW, obstacleCell: { governorate: 'SY-DI', level: 'minister' as const } } };
    expect(isNavigation(obstacles, cell)).toBe(true);
    expect(isNavigation(cell, { ...cell, minister: { ...cell.minister, obstacleCell: { governorate: 'SY-DI', level: 'directorate' as const } } })).toBe(true);
    expect(isNavigation(cell, { ...cell, minister: { ...cell.minister, obstacleCell: { governorate: 'SY-DI', level: 'minister' as const } } })).toBe(false);
    const meeting = { ...DEFAULT_VIEW_STATE, screen: 'meetings' as const, minister: { ...EMPTY_MINISTER_VIEW, meeting: 3 } };
    expect(isNavigation({ ...meeting, minister: EMPTY_MINISTER_VIEW }, meeting)).toBe(true);
    expect(isNavigation(meeting, { ...meeting, language: 'en' })).toBe(false);
  });
});
