import { useRef, useState } from 'react';

/**
 * The create and edit forms of an admin tab, and the notice a closed form leaves. A new item and a
 * changed one are separate forms, so opening one never discards the other's input; `editing` is the
 * item as its row showed it when Edit was pressed (the form's draft, and the change it sends, start
 * from it). The button that opened a form gets the focus back when it closes.
 */
export function useFormPanels<T>() {
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<T | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const newOpener = useRef<HTMLButtonElement | null>(null);
  const editOpener = useRef<HTMLButtonElement | null>(null);

  return {
    creating,
    editing,
    notice,
    startNew: (button: HTMLButtonElement) => {
      newOpener.current = button;
      setNotice(null);
      setCreating(true);
    },
    closeNew: (message: string | null) => {
      setCreating(false);
      setNotice(message);
      newOpener.current?.focus();
    },
    startEdit: (item: T, button: HTMLButtonElement) => {
      editOpener.current = button;
      setNotice(null);
      setEditing(item);
    },
    closeEdit: (message: string | null) => {
      setEditing(null);
      setNotice(message);
      editOpener.current?.focus();
    },
  };
}
