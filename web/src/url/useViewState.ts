import { useCallback, useEffect, useRef, useState } from 'react';
import { parseViewState, serializeViewState, type ViewState } from './viewState.ts';

/**
 * Whether going from `before` to `after` is a step back/forward should return to: another screen,
 * another zone or other plots in it, another cell's obstacles, another meeting or another conflict.
 */
export function isNavigation(before: ViewState, after: ViewState): boolean {
  return (
    before.screen !== after.screen ||
    before.zone !== after.zone ||
    before.plots.join(',') !== after.plots.join(',') ||
    before.minister.meeting !== after.minister.meeting ||
    before.review.conflict !== after.review.conflict ||
    before.minister.obstacleCell?.governorate !== after.minister.obstacleCell?.governorate ||
    before.minister.obstacleCell?.level !== after.minister.obstacleCell?.level
  );
}

/**
 * The view state, read from the address bar and written back to it: with `pushState` when another
 * screen, zone, plots, obstacle cell, meeting or conflict is chosen (so back/forward step through them), otherwise with
 * `replaceState`, so that panning does not fill the history. On back/forward the state is read
 * again; the map itself only takes its camera from the address when it is created.
 */
export function useViewState(): [ViewState, (update: Partial<ViewState>) => void] {
  const [state, setState] = useState<ViewState>(() => parseViewState(window.location.search));
  const written = useRef(state);

  useEffect(() => {
    const before = written.current;
    written.current = state;
    const query = serializeViewState(state);
    if (query === window.location.search) return;
    const { pathname, hash } = window.location;
    const url = `${pathname}${query}${hash}`;
    if (isNavigation(before, state)) window.history.pushState(window.history.state, '', url);
    else window.history.replaceState(window.history.state, '', url);
  }, [state]);

  useEffect(() => {
    const onPopState = () => {
      const next = parseViewState(window.location.search);
      written.current = next;
      setState(next);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const update = useCallback((patch: Partial<ViewState>) => {
    setState((previous) => ({ ...previous, ...patch }));
  }, []);

  return [state, update];
}
