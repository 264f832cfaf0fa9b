import { useCallback, useEffect, useState } from 'react';
import { parseViewState, serializeViewState, type ViewState } from './viewState.ts';

/**
 * The view state, read from the address bar and written back to it (with `replaceState`, so that
 * panning does not fill the history). On back/forward the state is read again; the map itself
 * only takes its camera from the address when it is created.
 */
export function useViewState(): [ViewState, (update: Partial<ViewState>) => void] {
  const [state, setState] = useState<ViewState>(() => parseViewState(window.location.search));

  useEffect(() => {
    const query = serializeViewState(state);
    if (query === window.location.search) return;
    const { pathname, hash } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${query}${hash}`);
  }, [state]);

  useEffect(() => {
    const onPopState = () => setState(parseViewState(window.location.search));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const update = useCallback((patch: Partial<ViewState>) => {
    setState((previous) => ({ ...previous, ...patch }));
  }, []);

  return [state, update];
}
