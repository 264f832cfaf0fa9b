import { OBSTACLE_SEVERITIES, type Obstacle } from '@marsad/contracts';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/language.ts';
import { controlProps, FormField } from '../../ui/FormField.tsx';
import { Options } from '../../ui/Options.tsx';
import { BodySelect } from './BodySelect.tsx';
import { changeObstacle } from './obstacleApi.ts';
import { changeDraftOf, checkObstacleChange, EDITABLE_STATUSES, needsResolutionNote, type ObstacleChangeDraft } from './obstacleRules.ts';
import { ObstacleFormFoot, useObstacleForm } from './useObstacleForm.tsx';

type Field = keyof ObstacleChangeDraft;
const FIELDS: readonly Field[] = ['status', 'severity', 'target_date', 'responsible_body_id', 'resolution_note'];

/**
 * Changes an obstacle as the work moves on: status, severity, target date, responsible body and the
 * resolution note (asked for, before sending, when the new status ends the obstacle). A 409 hands
 * back to the card, which reloads the obstacle and says so.
 */
export function ObstacleEditForm({
  obstacle,
  country,
  csrfToken,
  language,
  onSaved,
  onConflict,
  onCancel,
}: {
  obstacle: Obstacle;
  country: string;
  csrfToken: string;
  language: Language;
  onSaved: () => Promise<void>;
  onConflict: () => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { draft, set, fieldOf, failure, saving, onSubmit } = useObstacleForm({
    testPrefix: 'obstacle-edit',
    initial: (): ObstacleChangeDraft => changeDraftOf(obstacle),
    fields: FIELDS,
    check: (d: ObstacleChangeDraft) => checkObstacleChange(d, obstacle),
    send: async (body) => {
      await changeObstacle(obstacle.id, body, csrfToken);
      await onSaved();
    },
    onConflict,
  });
  const ending = needsResolutionNote(draft.status);

  const resolution = fieldOf('resolution_note', t('obstacles.form.resolutionHint'));
  return (
    <form className="obstacle-form" onSubmit={onSubmit} noValidate data-testid="obstacle-edit-form">
      <div className="form-row">
        <FormField field={fieldOf('status')} label={t('obstacles.form.status')}>
          <select value={draft.status} onChange={(e) => set('status')(e.target.value)} {...controlProps(fieldOf('status'))}>
            <Options values={EDITABLE_STATUSES} label={(s) => t(`obstacles.statuses.${s}`)} />
          </select>
        </FormField>
        <FormField field={fieldOf('severity')} label={t('obstacles.form.severity')}>
          <select value={draft.severity} onChange={(e) => set('severity')(e.target.value)} {...controlProps(fieldOf('severity'))}>
            <Options values={OBSTACLE_SEVERITIES} label={(s) => t(`obstacles.severities.${s}`)} />
          </select>
        </FormField>
      </div>
      <div className="form-row">
        <FormField field={fieldOf('target_date')} label={t('obstacles.form.targetDate')}>
          <input type="date" value={draft.target_date} onChange={(e) => set('target_date')(e.target.value)} {...controlProps(fieldOf('target_date'))} />
        </FormField>
        <FormField field={fieldOf('responsible_body_id')} label={t('obstacles.form.body')}>
          <BodySelect
            country={country}
            value={draft.responsible_body_id}
            current={obstacle.responsible_body}
            onChange={set('responsible_body_id')}
            language={language}
            controlProps={controlProps(fieldOf('responsible_body_id'))}
          />
        </FormField>
      </div>
      <FormField field={resolution} label={ending ? <strong>{t('obstacles.form.resolution')} *</strong> : t('obstacles.form.resolution')}>
        <textarea
          rows={2}
          maxLength={4000}
          required={ending}
          value={draft.resolution_note}
          onChange={(e) => set('resolution_note')(e.target.value)}
          {...controlProps(resolution)}
        />
      </FormField>
      <ObstacleFormFoot testPrefix="obstacle-edit" failure={failure} saving={saving} submitLabel={t('obstacles.save')} onCancel={onCancel} />
    </form>
  );
}
