import { useCallback, useEffect, useRef, useState } from 'react';
import { isSelectionChange, readReturns, selectionStep, withReturns, type CameraMove } from './selectionHistory.ts';
import { parseViewState, serializeViewState, type ViewState } from './viewState.ts';

/**
 * Whether going from `before` to `after` is a step back/forward should return to: another screen,
 * another governorate, zone or project (chosen or closed), other plots in the zone, another cell's
 * obstacles, another meeting or another conflict. Moving the map is not.
 */
export function isNavigation(before: ViewState, after: ViewState): boolean {
  return (
    before.screen !== after.screen ||
    isSelectionChange(before, after) ||
    before.plots.join(',') !== after.plots.join(',') ||
    before.minister.meeting !== after.minister.meeting ||
    before.review.conflict !== after.review.conflict ||
    before.minister.obstacleCell?.governorate !== after.minister.obstacleCell?.governorate ||
    before.minister.obstacleCell?.level !== after.minister.obstacleCell?.level
  );
}

/** A camera move asked of the map, numbered so that the same move asked twice is done twice. */
export interface CameraCommand {
  seq: number;
  move: CameraMove;
}

/**
 * The view state, read from the address bar and written back to it: with `pushState` when another
 * screen, governorate, zone, project, plots, obstacle cell, meeting or conflict is chosen (so
 * back/forward step through them), otherwise with `replaceState`, so that panning (and the map's
 * own framing of a selection) does not fill the history. On back/forward the state is read again.
 *
 * The third value says how the map should follow (`useSelectionCamera`): frame a new selection, go
 * back to the camera a closed one was opened from (kept in the entry's `history.state`, see
 * `selectionHistory.ts`), or on back/forward take the entry's camera.
 */
export function useViewState(): [ViewState, (update: Partial<ViewState>) => void, CameraCommand] {
  const [state, setState] = useState<ViewState>(() => parseViewState(window.location.search));
  const [command, setCommand] = useState<CameraCommand>({ seq: 0, move: { kind: 'load' } });
  const written = useRef(state);

  useEffect(() => {
    const before = written.current;
    written.current = state;
    const query = serializeViewState(state);
    if (query === window.location.search) return;
    const { pathname, hash } = window.location;
    const url = `${pathname}${query}${hash}`;
    if (!isNavigation(before, state)) {
      window.history.replaceState(window.history.state, '', url);
      return;
    }
    const step = selectionStep(before, state, readReturns(window.history.state));
    window.history.pushState(withReturns(window.history.state, step.returns), '', url);
    const { move } = step;
    if (move !== null) setCommand((previous) => ({ seq: previous.seq + 1, move }));
  }, [state]);

  useEffect(() => {
    const onPopState = () => {
      const next = parseViewState(window.location.search);
      written.current = next;
      setState(next);
      setCommand((previous) => ({ seq: previous.seq + 1, move: { kind: 'sync' } }));
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const update = useCallback((patch: Partial<ViewState>) => {
    setState((previous) => ({ ...previous, ...patch }));
  }, []);

  return [state, update, command];
}
