import type { Obstacle } from '@marsad/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/language.ts';
import { controlProps, FormField, useFields } from '../../ui/FormField.tsx';
import { Options } from '../../ui/Options.tsx';
import { escalateObstacle } from './obstacleApi.ts';
import { checkEscalation, escalationDraftOf, levelsAbove, type EscalationDraft } from './obstacleRules.ts';
import { FailureNotice, useProposalReason } from './ObstacleParts.tsx';
import { splitFieldErrors, writeFailureOf, type WriteFailure } from './writeFailure.ts';

type Field = keyof EscalationDraft;
const FIELDS: readonly Field[] = ['to_level', 'reason'];

/** Escalates an obstacle with a reason; when the system proposes it, the form starts from the proposal. */
export function EscalateForm({
  obstacle,
  csrfToken,
  language,
  onEscalated,
  onConflict,
  onCancel,
}: {
  obstacle: Obstacle;
  csrfToken: string;
  language: Language;
  onEscalated: () => Promise<void>;
  onConflict: () => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const reasonOf = useProposalReason(language);
  const [draft, setDraft] = useState<EscalationDraft>(() =>
    escalationDraftOf(obstacle, obstacle.proposal === null ? '' : t('obstacles.proposal.hint', { reason: reasonOf(obstacle.proposal) })),
  );
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<WriteFailure | null>(null);
  const [saving, setSaving] = useState(false);
  const fieldOf = useFields<Field>('obstacle-escalate', (field) => errors[field]);
  const set = (field: Field) => (value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    const checked = checkEscalation(draft, obstacle);
    if (!checked.ok) {
      setErrors(Object.fromEntries(Object.entries(checked.errors).map(([field, key]) => [field, t(`obstacles.errors.${key}`)])));
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await escalateObstacle(obstacle.id, checked.body, csrfToken);
      await onEscalated();
    } catch (error) {
      const failed = writeFailureOf(error);
      if (failed.kind === 'conflict') await onConflict();
      else if (failed.kind === 'fields') {
        const { own, other } = splitFieldErrors(failed.errors, FIELDS);
        setErrors(own);
        setFailure(other.length > 0 ? { kind: 'fields', errors: Object.fromEntries(other) } : null);
      } else setFailure(failed);
    } finally {
      setSaving(false);
    }
  };

  const reason = fieldOf('reason', t('obstacles.form.reasonHint'));
  return (
    <form className="obstacle-form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="obstacle-escalate-form">
      <FormField field={fieldOf('to_level')} label={t('obstacles.form.toLevel')}>
        <select value={draft.to_level} onChange={(e) => set('to_level')(e.target.value)} {...controlProps(fieldOf('to_level'))}>
          <Options values={levelsAbove(obstacle.level)} label={(l) => t(`obstacles.levels.${l}`)} />
        </select>
      </FormField>
      <FormField field={reason} label={t('obstacles.form.reason')}>
        <textarea rows={3} maxLength={2000} required value={draft.reason} onChange={(e) => set('reason')(e.target.value)} {...controlProps(reason)} />
      </FormField>
      <FailureNotice failure={failure} testId="obstacle-escalate-error" />
      <div className="form-actions">
        <button type="submit" className="primary-button" disabled={saving} data-testid="obstacle-escalate-submit">
          {saving ? t('obstacles.saving') : t('obstacles.escalate')}
        </button>
        <button type="button" className="secondary-button" onClick={onCancel} disabled={saving}>
          {t('obstacles.cancel')}
        </button>
      </div>
    </form>
  );
}
