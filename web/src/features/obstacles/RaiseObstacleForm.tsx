import { OBSTACLE_CATEGORIES, OBSTACLE_SEVERITIES, type Obstacle } from '@marsad/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/language.ts';
import { controlProps, FormField, useFields } from '../../ui/FormField.tsx';
import { Options } from '../../ui/Options.tsx';
import { BodySelect } from './BodySelect.tsx';
import { raiseObstacle } from './obstacleApi.ts';
import { checkNewObstacle, emptyNewObstacle, type NewObstacleDraft } from './obstacleRules.ts';
import { FailureNotice } from './ObstacleParts.tsx';
import { splitFieldErrors, writeFailureOf, type WriteFailure } from './writeFailure.ts';

type Field = keyof NewObstacleDraft;
const FIELDS: readonly Field[] = ['title', 'description', 'category', 'severity', 'responsible_body_id', 'estimated_delay_days', 'target_date'];

/** "Raise an obstacle" on a project: checked as the API will before it is sent. */
export function RaiseObstacleForm({
  projectId,
  country,
  csrfToken,
  language,
  onRaised,
  onCancel,
}: {
  projectId: number;
  country: string;
  csrfToken: string;
  language: Language;
  /** The obstacle as recorded. */
  onRaised: (obstacle: Obstacle) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<NewObstacleDraft>(emptyNewObstacle);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<WriteFailure | null>(null);
  const [saving, setSaving] = useState(false);
  const fieldOf = useFields<Field>('obstacle-new', (field) => errors[field]);
  const props = (field: Field, hint?: string) => controlProps(fieldOf(field, hint));
  const set = (field: Field) => (value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    const checked = checkNewObstacle(draft, projectId);
    if (!checked.ok) {
      setErrors(Object.fromEntries(Object.entries(checked.errors).map(([field, key]) => [field, t(`obstacles.errors.${key}`)])));
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await onRaised(await raiseObstacle(checked.body, csrfToken));
    } catch (error) {
      const failed = writeFailureOf(error);
      if (failed.kind === 'fields') {
        const { own, other } = splitFieldErrors(failed.errors, FIELDS);
        setErrors(own);
        setFailure(other.length > 0 ? { kind: 'fields', errors: Object.fromEntries(other) } : null);
      } else setFailure(failed);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="obstacle-form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="obstacle-new-form">
      <FormField field={fieldOf('title')} label={t('obstacles.form.title')}>
        <input type="text" maxLength={200} value={draft.title} onChange={(e) => set('title')(e.target.value)} {...props('title')} />
      </FormField>
      <FormField field={fieldOf('description')} label={t('obstacles.form.description')}>
        <textarea rows={2} maxLength={4000} value={draft.description} onChange={(e) => set('description')(e.target.value)} {...props('description')} />
      </FormField>
      <div className="form-row">
        <FormField field={fieldOf('category')} label={t('obstacles.form.category')}>
          <select value={draft.category} onChange={(e) => set('category')(e.target.value)} {...props('category')}>
            <Options values={OBSTACLE_CATEGORIES} label={(c) => t(`obstacles.categories.${c}`)} />
          </select>
        </FormField>
        <FormField field={fieldOf('severity')} label={t('obstacles.form.severity')}>
          <select value={draft.severity} onChange={(e) => set('severity')(e.target.value)} {...props('severity')}>
            <Options values={OBSTACLE_SEVERITIES} label={(s) => t(`obstacles.severities.${s}`)} />
          </select>
        </FormField>
      </div>
      <FormField field={fieldOf('responsible_body_id')} label={t('obstacles.form.body')}>
        <BodySelect country={country} value={draft.responsible_body_id} onChange={set('responsible_body_id')} language={language} controlProps={props('responsible_body_id')} />
      </FormField>
      <div className="form-row">
        <FormField field={fieldOf('estimated_delay_days')} label={t('obstacles.form.delay')}>
          <input
            type="number"
            inputMode="numeric"
            min={0}
            max={3650}
            step={1}
            dir="ltr"
            lang={language}
            value={draft.estimated_delay_days}
            onChange={(e) => set('estimated_delay_days')(e.target.value)}
            {...props('estimated_delay_days')}
          />
        </FormField>
        <FormField field={fieldOf('target_date')} label={t('obstacles.form.targetDate')}>
          <input type="date" value={draft.target_date} onChange={(e) => set('target_date')(e.target.value)} {...props('target_date')} />
        </FormField>
      </div>
      <FailureNotice failure={failure} testId="obstacle-new-error" />
      <div className="form-actions">
        <button type="submit" className="primary-button" disabled={saving} data-testid="obstacle-new-submit">
          {saving ? t('obstacles.saving') : t('obstacles.raise')}
        </button>
        <button type="button" className="secondary-button" onClick={onCancel} disabled={saving}>
          {t('obstacles.cancel')}
        </button>
      </div>
    </form>
  );
}
