import { useEffect, type KeyboardEvent, type RefObject } from 'react';

/**
 * Shows the `<dialog>` at `ref` modal while the component is mounted (focus stays inside, the page
 * under it is inert), and returns the props that route Escape to `onEscape`, whether a control in
 * the dialog had the focus (keydown) or nothing did (the browser's cancel event). Escape goes no
 * further: the page's own handler, which closes panels, skips prevented keys. A component that
 * closes itself should call `ref.current?.close()` first: a dialog closed only on unmount leaves
 * the page inert, and the opener could not take the focus back.
 */
export function useModalDialog(ref: RefObject<HTMLDialogElement | null>, onEscape: () => void) {
  useEffect(() => {
    const dialog = ref.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, [ref]);

  const escape = (event: { preventDefault(): void }) => {
    event.preventDefault();
    onEscape();
  };
  return {
    tabIndex: -1,
    onKeyDown: (event: KeyboardEvent<HTMLDialogElement>) => {
      if (event.key === 'Escape') escape(event);
    },
    onCancel: escape,
  };
}
