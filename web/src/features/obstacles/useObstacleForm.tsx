import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFields, type Field as FieldProps } from '../../ui/FormField.tsx';
import type { Checked } from './obstacleRules.ts';
import { FailureNotice } from './ObstacleParts.tsx';
import { splitFieldErrors, writeFailureOf, type WriteFailure } from './writeFailure.ts';

/**
 * What every obstacle form does the same way: the draft as typed, its field errors (checked as the
 * API will before sending, then the API's own), the failure notice and the saving state. A 409 goes
 * to `onConflict` when the form has one (the card reloads the obstacle), else it is said like any failure.
 */
export function useObstacleForm<F extends Extract<keyof D, string>, D, B>({
  testPrefix,
  initial,
  fields,
  check,
  send,
  onConflict,
}: {
  /** `obstacle-new`, `obstacle-edit`…: the prefix of the form's test ids. */
  testPrefix: string;
  initial: D | (() => D);
  /** The fields the form shows; the API's errors on other fields go to the failure notice. */
  fields: readonly F[];
  check: (draft: D) => Checked<B, F>;
  send: (body: B) => Promise<void>;
  onConflict?: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<D>(initial);
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [failure, setFailure] = useState<WriteFailure | null>(null);
  const [saving, setSaving] = useState(false);
  const fieldOf: (name: F, hint?: string) => FieldProps = useFields<F>(testPrefix, (field) => errors[field]);
  const set = (field: F) => (value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    const checked = check(draft);
    if (!checked.ok) {
      setErrors(Object.fromEntries(Object.entries(checked.errors).map(([field, key]) => [field, t(`obstacles.errors.${String(key)}`)])) as Partial<Record<F, string>>);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await send(checked.body);
    } catch (error) {
      const failed = writeFailureOf(error);
      if (failed.kind === 'conflict' && onConflict !== undefined) await onConflict();
      else if (failed.kind === 'fields') {
        const { own, other } = splitFieldErrors(failed.errors, fields);
        setErrors(own);
        setFailure(other.length > 0 ? { kind: 'fields', errors: Object.fromEntries(other) } : null);
      } else setFailure(failed);
    } finally {
      setSaving(false);
    }
  };

  return { draft, set, fieldOf, failure, saving, onSubmit: (event: FormEvent<HTMLFormElement>) => void onSubmit(event) };
}

/** The foot of an obstacle form: what failed, then send (its label while saving) and cancel. */
export function ObstacleFormFoot({
  testPrefix,
  failure,
  saving,
  submitLabel,
  onCancel,
}: {
  testPrefix: string;
  failure: WriteFailure | null;
  saving: boolean;
  submitLabel: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <FailureNotice failure={failure} testId={`${testPrefix}-error`} />
      <div className="form-actions">
        <button type="submit" className="primary-button" disabled={saving} data-testid={`${testPrefix}-submit`}>
          {saving ? t('obstacles.saving') : submitLabel}
        </button>
        <button type="button" className="secondary-button" onClick={onCancel} disabled={saving}>
          {t('obstacles.cancel')}
        </button>
      </div>
    </>
  );
}
