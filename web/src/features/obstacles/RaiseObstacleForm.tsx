import { OBSTACLE_CATEGORIES, OBSTACLE_SEVERITIES, type Obstacle } from '@marsad/contracts';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/language.ts';
import { controlProps, FormField } from '../../ui/FormField.tsx';
import { Options } from '../../ui/Options.tsx';
import { BodySelect } from './BodySelect.tsx';
import { raiseObstacle } from './obstacleApi.ts';
import { checkNewObstacle, emptyNewObstacle, type NewObstacleDraft } from './obstacleRules.ts';
import { ObstacleFormFoot, useObstacleForm } from './useObstacleForm.tsx';

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
  const { draft, set, fieldOf, failure, saving, onSubmit } = useObstacleForm({
    testPrefix: 'obstacle-new',
    initial: emptyNewObstacle,
    fields: FIELDS,
    check: (d: NewObstacleDraft) => checkNewObstacle(d, projectId),
    send: async (body) => onRaised(await raiseObstacle(body, csrfToken)),
  });
  const props = (field: Field, hint?: string) => controlProps(fieldOf(field, hint));

  return (
    <form className="obstacle-form" onSubmit={onSubmit} noValidate data-testid="obstacle-new-form">
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
      <ObstacleFormFoot testPrefix="obstacle-new" failure={failure} saving={saving} submitLabel={t('obstacles.raise')} onCancel={onCancel} />
    </form>
  );
}
