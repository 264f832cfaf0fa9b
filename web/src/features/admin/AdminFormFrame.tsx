import { useId, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormProblem } from './formProblem.ts';
import { SaveProblem } from './SaveProblem.tsx';

/** How an admin form closes: after a save, with the sentence that says what was saved, or cancelled. */
export interface FormDone {
  onSaved: (notice: string) => void;
  onCancel: () => void;
}

interface Props {
  /** Names the form's strings (`admin.<name>Form.create`, `.save`, `.conflict`) and test ids (`<name>-form`, `<name>-submit`, `<name>-cancel`). */
  name: 'organization' | 'user';
  mode: 'new' | 'edit';
  title: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  problem: FormProblem | null;
  saving: boolean;
  onCancel: () => void;
  /** The fields. */
  children: ReactNode;
}

/** An admin form: its title, its fields, why the last save failed, and the buttons to save and to cancel. */
export function AdminFormFrame({ name, mode, title, onSubmit, problem, saving, onCancel, children }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="admin-form" aria-labelledby={titleId} data-testid={`${name}-form`} data-mode={mode}>
      <h3 id={titleId}>{title}</h3>
      <form onSubmit={onSubmit} noValidate>
        {children}
        {problem !== null && <SaveProblem problem={problem} conflict={t(`admin.${name}Form.conflict`)} testId={`${name}-form-problem`} />}
        <div className="form-actions">
          <button type="submit" className="primary-button" disabled={saving} data-testid={`${name}-submit`}>
            {saving ? t('admin.saving') : mode === 'new' ? t(`admin.${name}Form.create`) : t(`admin.${name}Form.save`)}
          </button>
          <button type="button" className="secondary-button" onClick={onCancel} data-testid={`${name}-cancel`}>
            {t('admin.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
