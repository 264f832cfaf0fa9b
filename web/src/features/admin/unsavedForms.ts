import { createContext, useContext, useEffect, useId } from 'react';

/**
 * The forms in the administration dialog that hold input not saved yet, by id. The dialog asks
 * before closing while there is one; a form on the hidden tab counts too (both tabs stay mounted).
 */
export type UnsavedForms = Set<string>;

export const UnsavedFormsContext = createContext<UnsavedForms | null>(null);

/** Tells the dialog around the form whether closing it now would throw input away. */
export function useReportUnsaved(unsaved: boolean): void {
  const forms = useContext(UnsavedFormsContext);
  const id = useId();
  useEffect(() => {
    if (forms === null || !unsaved) return;
    forms.add(id);
    return () => {
      forms.delete(id);
    };
  }, [forms, id, unsaved]);
}
