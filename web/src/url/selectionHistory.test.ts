import { describe, expect, it } from 'vitest';
import { currentSelection, readReturns, selectionKey, selectionStep, withReturns } from './selectionHistory.ts';
import { isNavigation } from './useViewState.ts';
import { DEFAULT_VIEW_STATE, type ViewState } from './viewState.ts';

const placed = { zoom: 6.5, lat: 34, lon: 38 };
const framed = { zoom: 10.2, lat: 33.5, lon: 36.3 };
const at = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW_STATE, ...patch });

describe('selection history', () => {
  it('makes choosing and closing a governorate or a project a history step, moving the map not', () => {
    expect(isNavigation(DEFAULT_VIEW_STATE, at({ governorate: 'SY-DI' }))).toBe(true);
    expect(isNavigation(at({ governorate: 'SY-DI' }), at({ governorate: 'SY-HL' }))).toBe(true);
    expect(isNavigation(at({ governorate: 'SY-DI' }), DEFAULT_VIEW_STATE)).toBe(true);
    expect(isNavigation(at({ governorate: 'SY-DI' }), at({ governorate: 'SY-DI', project: 12 }))).toBe(true);
    expect(isNavigation(at({ governorate: 'SY-DI' }), at({ governorate: 'SY-DI', camera: framed }))).toBe(false);
  });

  it('frames the innermost selection', () => {
    expect(currentSelection(at({ governorate: 'SY-DI', project: 12 }))).toEqual({ level: 'project', id: 12 });
    expect(currentSelection(at({ governorate: 'SY-DI', zone: 3 }))).toEqual({ level: 'zone', id: 3 });
    expect(selectionKey(currentSelection(at({ governorate: 'SY-DI' })))).toBe('governorate:SY-DI');
    expect(selectionKey(currentSelection(DEFAULT_VIEW_STATE))).toBe('');
  });

  it('remembers the camera a selection was opened from and goes back to it on closing', () => {
    const opened = selectionStep(at({ camera: placed }), at({ governorate: 'SY-DI', camera: placed }), {});
    expect(opened).toEqual({ returns: { governorate: placed }, move: { kind: 'fit' } });
    const closed = selectionStep(at({ governorate: 'SY-DI', camera: framed }), at({ camera: framed }), opened.returns);
    expect(closed).toEqual({ returns: {}, move: { kind: 'camera', camera: placed } });
  });

  it('keeps the first camera when switching governorates, and returns to the national view when the map was not moved', () => {
    const first = selectionStep(DEFAULT_VIEW_STATE, at({ governorate: 'SY-DI' }), {});
    expect(first.returns).toEqual({ governorate: null });
    const second = selectionStep(at({ governorate: 'SY-DI', camera: framed }), at({ governorate: 'SY-HL', camera: framed }), first.returns);
    expect(second).toEqual({ returns: { governorate: null }, move: { kind: 'fit' } });
    expect(selectionStep(at({ governorate: 'SY-HL', camera: framed }), at({ camera: framed }), second.returns).move).toEqual({ kind: 'camera', camera: null });
  });

  it('closing a selection the address was opened with goes to the national view, or frames what stays open', () => {
    expect(selectionStep(at({ governorate: 'SY-DI', camera: framed }), at({ camera: framed }), {}).move).toEqual({ kind: 'camera', camera: null });
    expect(selectionStep(at({ governorate: 'SY-DI', project: 4 }), at({ governorate: 'SY-DI' }), {}).move).toEqual({ kind: 'fit' });
  });

  it('nests: a project opened from a governorate goes back to the governorate, then closing that to where the reader was', () => {
    const gov = selectionStep(at({ camera: placed }), at({ governorate: 'SY-DI', camera: placed }), {});
    const project = selectionStep(at({ governorate: 'SY-DI', camera: framed }), at({ governorate: 'SY-DI', project: 7, camera: framed }), gov.returns);
    expect(project.returns).toEqual({ governorate: placed, project: framed });
    const back = selectionStep(at({ governorate: 'SY-DI', project: 7 }), at({ governorate: 'SY-DI' }), project.returns);
    expect(back).toEqual({ returns: { governorate: placed }, move: { kind: 'camera', camera: framed } });
    // Closing both at once (a click outside every governorate) goes back to before the governorate.
    expect(selectionStep(at({ governorate: 'SY-DI', project: 7 }), DEFAULT_VIEW_STATE, project.returns).move).toEqual({ kind: 'camera', camera: placed });
    // Choosing another governorate closes the project and frames the new governorate.
    expect(selectionStep(at({ governorate: 'SY-DI', project: 7 }), at({ governorate: 'SY-HL' }), project.returns)).toEqual({
      returns: { governorate: placed },
      move: { kind: 'fit' },
    });
  });

  it('asks nothing of the map for other history steps', () => {
    expect(selectionStep(at({ screen: 'map' }), at({ screen: 'plans' }), {}).move).toBeNull();
  });

  it('keeps the return cameras in the history entry beside what else it holds, and reads only well-formed ones', () => {
    const state = withReturns({ other: 1 }, { governorate: placed, project: null });
    expect(state).toEqual({ other: 1, marsadReturns: { governorate: placed, project: null } });
    expect(readReturns(state)).toEqual({ governorate: placed, project: null });
    expect(readReturns(null)).toEqual({});
    expect(readReturns({ marsadReturns: { governorate: { zoom: 'x' }, zone: 5 } })).toEqual({});
    expect(withReturns(null, {})).toEqual({ marsadReturns: {} });
  });
});
