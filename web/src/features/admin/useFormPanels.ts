import { useRef, useState } from 'react';

/** One form of a tab: what it is open for (`null` when closed), and the button that opened it. */
function useFormPanel<T>(setNotice: (message: string | null) => void) {
  const [open, setOpen] = useState<T | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  return {
    open,
    start: (item: T, button: HTMLButtonElement) => {
      opener.current = button;
      setNotice(null);
      setOpen(item);
    },
    close: (message: string | null) => {
      setOpen(null);
      setNotice(message);
      opener.current?.focus();
    },
  };
}

/**
 * The create and edit forms of an admin tab, and the notice a closed form leaves. A new item and a
 * changed one are separate forms, so opening one never discards the other's input; `editing` is the
 * item as its row showed it when Edit was pressed (the form's draft, and the change it sends, start
 * from it). The button that opened a form gets the focus back when it closes.
 */
export function useFormPanels<T>() {
  const [notice, setNotice] = useState<string | null>(null);
  const newForm = useFormPanel<true>(setNotice);
  const editForm = useFormPanel<T>(setNotice);
  return {
    creating: newForm.open !== null,
    editing: editForm.open,
    notice,
    startNew: (button: HTMLButtonElement) => newForm.start(true, button),
    closeNew: newForm.close,
    startEdit: editForm.start,
    closeEdit: editForm.close,
  };
}
