import { useEffect, type DialogHTMLAttributes, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

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

type DialogProps = Omit<DialogHTMLAttributes<HTMLDialogElement>, 'className' | 'onKeyDown' | 'onCancel' | 'tabIndex' | 'children'>;

/**
 * The one modal dialog of the page (sign-in, import, administration): a `<dialog class="modal-dialog">`
 * shown modal while mounted, Escape routed to `onEscape`. Close it with `ref.current?.close()`
 * before unmounting it (see `useModalDialog`).
 */
export function Modal({
  ref,
  onEscape,
  className,
  testId,
  children,
  ...rest
}: DialogProps & { ref: RefObject<HTMLDialogElement | null>; onEscape: () => void; className: string; testId: string; children: ReactNode }) {
  const modal = useModalDialog(ref, onEscape);
  return (
    <dialog ref={ref} {...modal} {...rest} className={`modal-dialog ${className}`} data-testid={testId}>
      {children}
    </dialog>
  );
}

/** A dialog's title with its close button beside it. */
export function ModalHeader({
  titleId,
  title,
  className,
  close,
}: {
  titleId: string;
  title: ReactNode;
  className?: string;
  close: { label: string; onClick: () => void; disabled?: boolean; testId: string };
}) {
  return (
    <header className={className === undefined ? 'modal-dialog-header' : `modal-dialog-header ${className}`}>
      <h2 id={titleId}>{title}</h2>
      <button type="button" className="secondary-button" onClick={close.onClick} disabled={close.disabled} data-testid={close.testId}>
        {close.label}
      </button>
    </header>
  );
}
