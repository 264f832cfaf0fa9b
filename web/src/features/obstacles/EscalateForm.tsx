import type { Obstacle } from '@marsad/contracts';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/language.ts';
import { controlProps, FormField } from '../../ui/FormField.tsx';
import { Options } from '../../ui/Options.tsx';
import { escalateObstacle } from './obstacleApi.ts';
import { checkEscalation, escalationDraftOf, levelsAbove, type EscalationDraft } from './obstacleRules.ts';
import { useProposalReason } from './ObstacleParts.tsx';
import { ObstacleFormFoot, useObstacleForm } from './useObstacleForm.tsx';

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
  const { draft, set, fieldOf, failure, saving, onSubmit } = useObstacleForm({
    testPrefix: 'obstacle-escalate',
    initial: (): EscalationDraft =>
      escalationDraftOf(obstacle, obstacle.proposal === null ? '' : t('obstacles.proposal.hint', { reason: reasonOf(obstacle.proposal) })),
    fields: FIELDS,
    check: (d: EscalationDraft) => checkEscalation(d, obstacle),
    send: async (body) => {
      await escalateObstacle(obstacle.id, body, csrfToken);
      await onEscalated();
    },
    onConflict,
  });

  const reason = fieldOf('reason', t('obstacles.form.reasonHint'));
  return (
    <form className="obstacle-form" onSubmit={onSubmit} noValidate data-testid="obstacle-escalate-form">
      <FormField field={fieldOf('to_level')} label={t('obstacles.form.toLevel')}>
        <select value={draft.to_level} onChange={(e) => set('to_level')(e.target.value)} {...controlProps(fieldOf('to_level'))}>
          <Options values={levelsAbove(obstacle.level)} label={(l) => t(`obstacles.levels.${l}`)} />
        </select>
      </FormField>
      <FormField field={reason} label={t('obstacles.form.reason')}>
        <textarea rows={3} maxLength={2000} required value={draft.reason} onChange={(e) => set('reason')(e.target.value)} {...controlProps(reason)} />
      </FormField>
      <ObstacleFormFoot testPrefix="obstacle-escalate" failure={failure} saving={saving} submitLabel={t('obstacles.escalate')} onCancel={onCancel} />
    </form>
  );
}
