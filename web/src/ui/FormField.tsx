import { useId, type ReactNode } from 'react';

/**
 * The one way a form wires a field: a control with an id, a label for it, an optional hint and
 * an optional error under it, both tied to the control for screen readers (`aria-describedby`),
 * and test ids `<form>-<field>` and `<form>-<field>-error`.
 *
 * ```tsx
 * const fieldOf = useFields('progress', (name) => errors[name]);
 * const note = fieldOf('note');
 * <FormField field={note} label={t('progress.note')}>
 *   <textarea value={draft.note} onChange={…} {...controlProps(note)} />
 * </FormField>
 * ```
 */
export interface Field {
  /** The control's id; the hint and the error hang off it. */
  id: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** The control's `data-testid`; its error's is `${testId}-error`. */
  testId: string;
}

/** The props that wire a control to its field: id, whether it is invalid, what describes it, its test id. */
export function controlProps({ id, hint, error, testId }: Field) {
  const describedBy = [hint === undefined ? null : `${id}-hint`, error === undefined ? null : `${id}-error`].filter((x) => x !== null);
  return {
    id,
    'aria-invalid': error !== undefined,
    'aria-describedby': describedBy.length > 0 ? describedBy.join(' ') : undefined,
    'data-testid': testId,
  };
}

/** The fields of one form: ids from one base, errors by field name, test ids `${testPrefix}-${name}`. */
export function useFields<F extends string>(testPrefix: string, errorOf: (name: F) => string | undefined): (name: F, hint?: string) => Field {
  const base = useId();
  return (name, hint) => ({ id: `${base}-${name}`, hint, error: errorOf(name), testId: `${testPrefix}-${name}` });
}

/** A labelled form control with its hint and its error (give the control `controlProps(field)`). */
export function FormField({ field, label, children }: { field: Field; label: ReactNode; children: ReactNode }) {
  const { id, hint, error, testId } = field;
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint !== undefined && (
        <span id={`${id}-hint`} className="muted">
          {hint}
        </span>
      )}
      {error !== undefined && (
        <span id={`${id}-error`} className="field-error" data-testid={`${testId}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
