import type { ReactNode } from 'react';

interface FieldText {
  /** The control's id; the hint and the error hang off it. */
  id: string;
  hint?: string | undefined;
  error?: string | undefined;
}

/** The accessible wiring of a control: its id, whether it is invalid, and what describes it. */
export function controlProps({ id, hint, error }: FieldText) {
  const describedBy = [hint === undefined ? null : `${id}-hint`, error === undefined ? null : `${id}-error`].filter((x) => x !== null);
  return {
    id,
    'aria-invalid': error !== undefined,
    'aria-describedby': describedBy.length > 0 ? describedBy.join(' ') : undefined,
  };
}

/** A labelled form control with its hint and its error (give the control `controlProps` of the same text). */
export function FormField({ id, label, hint, error, testId, children }: FieldText & { label: string; testId: string; children: ReactNode }) {
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
