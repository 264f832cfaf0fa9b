import { MAX_NOTE_LENGTH } from '@marsad/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isNoAnswer } from '../../api/http.ts';
import { controlProps, FormField, useFields } from '../../ui/FormField.tsx';
import { decideConflict } from './reviewApi.ts';

export type Decision = 'accept' | 'reject';

type Outcome = { kind: 'idle' } | { kind: 'sending'; decision: Decision } | { kind: 'failed'; message: string };

/**
 * Accept (applied as a fresh write at the record's current version; lifecycle rules still apply)
 * or reject (a note saying why is required, and asked for before anything is sent). The API's own
 * words when it refuses (a status change no longer allowed, say) are shown here; what was decided,
 * by the conflict (`onDecided`).
 */
export function DecisionForm({ conflictId, csrfToken, onDecided }: { conflictId: number; csrfToken: string; onDecided: (decision: Decision) => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const fieldOf = useFields<'note'>('conflict-decision', () => noteError);
  const noteField = fieldOf('note');

  const decide = async (decision: Decision) => {
    if (decision === 'reject' && note.trim() === '') {
      setNoteError(t('review.decision.noteRequired'));
      return;
    }
    setNoteError(undefined);
    setOutcome({ kind: 'sending', decision });
    try {
      await decideConflict(conflictId, decision, note, csrfToken);
      onDecided(decision);
    } catch (error) {
      if (isNoAnswer(error)) setOutcome({ kind: 'failed', message: t('review.decision.offline') });
      else setOutcome({ kind: 'failed', message: t('review.decision.failed', { detail: error instanceof Error ? error.message : String(error) }) });
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void decide('accept');
  };
  const sending = outcome.kind === 'sending';

  return (
    <form className="conflict-decision" onSubmit={onSubmit} noValidate data-testid="conflict-decision">
      <h4>{t('review.decision.heading')}</h4>
      <FormField field={noteField} label={t('review.decision.note')}>
        <textarea
          rows={3}
          maxLength={MAX_NOTE_LENGTH}
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
            setNoteError(undefined);
          }}
          {...controlProps(noteField)}
        />
      </FormField>
      {outcome.kind === 'failed' && (
        <p role="alert" className="panel-error" data-testid="conflict-decision-problem">
          {outcome.message}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary-button" disabled={sending} data-testid="conflict-accept">
          {sending && outcome.decision === 'accept' ? t('review.decision.sending') : t('review.decision.accept')}
        </button>
        <button type="button" className="secondary-button" disabled={sending} onClick={() => void decide('reject')} data-testid="conflict-reject">
          {sending && outcome.decision === 'reject' ? t('review.decision.sending') : t('review.decision.reject')}
        </button>
      </div>
    </form>
  );
}
