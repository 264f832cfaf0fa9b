import { useEffect } from 'react';

/** Escape closes the topmost open panel: `closers` are tried in order, the first that is set wins. */
export function useEscapeToClose(closers: readonly ((() => void) | null)[]): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const close = closers.find((c) => c !== null);
      if (close) {
        event.preventDefault();
        close();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [closers]);
}
