import type { Decision, Meeting, SessionUser } from '@marsad/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/language.ts';
import { controlProps, FormField, useFields } from '../../ui/FormField.tsx';
import { Modal, ModalHeader } from '../../ui/Modal.tsx';
import { nameIn, titleIn } from '../obstacleOverview/names.ts';
import { closingProblem, DECISION_FIELDS, decisionDraftProblems, emptyDecisionDraft, toNewDecision, type DecisionDraft, type DecisionField, type Problems } from './meetingForms.ts';
import { closeDecision, recordDecision, useResponsibleBodies } from './meetingsApi.ts';
import { DialogFoot } from './DialogFoot.tsx';
import { sendFailure } from './sendFailure.ts';

/** A problem key of the form's own checks, or the server's words (`server:` before them). */
function problemText(problem: string | undefined, t: (key: string) => string): string | undefined {
  if (problem === undefined) return undefined;
  return problem.startsWith('server:') ? problem.slice(7) : t(`meetings.problem.${problem}`);
}

/**
 * Record a decision taken in the meeting: its text, who must act (a responsible body of the
 * country, or the organizer), its due date, and optionally the agenda's obstacle it answers.
 */
export function RecordDecisionDialog({
  meeting,
  user,
  csrfToken,
  language,
  onSaved,
  onStale,
  onClose,
}: {
  meeting: Meeting;
  user: SessionUser;
  csrfToken: string;
  language: Language;
  onSaved: () => void;
  onStale: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const bodies = useResponsibleBodies(meeting.country_iso3);
  const [draft, setDraft] = useState<DecisionDraft>(emptyDecisionDraft);
  const [problems, setProblems] = useState<Problems<DecisionField>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const fieldOf = useFields<DecisionField>('decision', (name) => problemText(problems[name], t));
  const set = (patch: Partial<DecisionDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setProblems((p) => Object.fromEntries(Object.entries(p).filter(([name]) => !(name in patch))));
  };
  const close = () => {
    ref.current?.close();
    onClose();
  };

  const send = async () => {
    const found = decisionDraftProblems(draft);
    setProblems(found);
    setBanner(null);
    if (Object.keys(found).length > 0) return;
    setSending(true);
    try {
      await recordDecision(meeting.id, toNewDecision(draft, meeting.agenda), csrfToken);
      ref.current?.close();
      onSaved();
    } catch (error) {
      const failure = sendFailure(error, [...DECISION_FIELDS, 'owner_body_id', 'owner_user_id', 'obstacle_id'] as const, t);
      const fields = failure.fields as Record<string, string>;
      const owner = fields.owner ?? fields.owner_body_id ?? fields.owner_user_id;
      setProblems({
        ...(fields.text === undefined ? {} : { text: `server:${fields.text}` }),
        ...(owner === undefined ? {} : { owner: `server:${owner}` }),
        ...(fields.due_date === undefined ? {} : { due_date: `server:${fields.due_date}` }),
        ...((fields.obstacle ?? fields.obstacle_id) === undefined ? {} : { obstacle: `server:${fields.obstacle ?? fields.obstacle_id}` }),
      });
      setBanner(failure.banner);
      if (failure.stale) onStale();
    } finally {
      setSending(false);
    }
  };

  const text = fieldOf('text');
  const owner = fieldOf('owner');
  const due = fieldOf('due_date');
  const obstacle = fieldOf('obstacle');
  return (
    <Modal ref={ref} onEscape={close} className="meeting-dialog" testId="decision-dialog" aria-labelledby="decision-dialog-title">
      <ModalHeader
        titleId="decision-dialog-title"
        title={t('meetings.record.title', { meeting: titleIn(language, meeting) })}
        close={{ label: t('meetings.record.cancel'), onClick: close, disabled: sending, testId: 'decision-cancel' }}
      />
      <form
        noValidate
        className="meeting-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <FormField field={text} label={t('meetings.record.text')}>
          <textarea rows={3} value={draft.text} onChange={(e) => set({ text: e.target.value })} {...controlProps(text)} />
        </FormField>
        <div className="form-row">
          <FormField field={owner} label={t('meetings.record.owner')}>
            <select value={draft.owner} onChange={(e) => set({ owner: e.target.value })} {...controlProps(owner)}>
              <option value="">{t('meetings.record.ownerPick')}</option>
              <optgroup label={t('meetings.record.bodies')}>
                {(bodies.data?.items ?? [])
                  .filter((b) => b.is_active)
                  .map((b) => (
                    <option key={b.id} value={`body:${b.id}`}>
                      {nameIn(language, b)} · {t(`obstacles.bodyKinds.${b.kind}`)}
                    </option>
                  ))}
              </optgroup>
              <optgroup label={t('meetings.record.people')}>
                <option value={`user:${user.id}`}>{t('meetings.record.myself', { name: user.display_name })}</option>
              </optgroup>
            </select>
          </FormField>
          <FormField field={due} label={t('meetings.record.due')}>
            <input type="date" value={draft.due_date} onChange={(e) => set({ due_date: e.target.value })} {...controlProps(due)} />
          </FormField>
        </div>
        <FormField field={obstacle} label={t('meetings.record.obstacle')}>
          <select value={draft.obstacle} onChange={(e) => set({ obstacle: e.target.value })} {...controlProps(obstacle)}>
            <option value="">{t('meetings.record.noObstacle')}</option>
            {meeting.agenda.map((item) => (
              <option key={item.obstacle_id} value={String(item.obstacle_id)}>
                {item.position}. {item.title} — {item.project.code}
              </option>
            ))}
          </select>
        </FormField>
        <DialogFoot banner={banner} sending={sending} testId="decision" label={t(sending ? 'meetings.record.sending' : 'meetings.record.submit')} />
      </form>
    </Modal>
  );
}

/**
 * Close a decision: the closing note is required (the dialog says so before sending, and refuses
 * an empty one itself), a document reference optional. A 409 (someone changed it) reloads.
 */
export function CloseDecisionDialog({
  decision,
  csrfToken,
  onSaved,
  onStale,
  onClose,
}: {
  decision: Decision;
  csrfToken: string;
  onSaved: () => void;
  onStale: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const [note, setNote] = useState('');
  const [document, setDocument] = useState('');
  const [problems, setProblems] = useState<Problems<'closing_note' | 'closing_document'>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const fieldOf = useFields<'closing_note' | 'closing_document'>('close-decision', (name) => problemText(problems[name], t));
  const close = () => {
    ref.current?.close();
    onClose();
  };

  const send = async () => {
    const problem = closingProblem(note);
    setBanner(null);
    if (problem !== null) {
      setProblems({ closing_note: problem });
      return;
    }
    setProblems({});
    setSending(true);
    try {
      await closeDecision(decision.id, { closing_note: note.trim(), closing_document: document.trim() === '' ? null : document.trim(), version: decision.version }, csrfToken);
      ref.current?.close();
      onSaved();
    } catch (error) {
      const failure = sendFailure(error, ['closing_note', 'closing_document'] as const, t);
      setProblems(Object.fromEntries(Object.entries(failure.fields).map(([k, v]) => [k, `server:${String(v)}`])));
      setBanner(failure.banner);
      if (failure.stale) onStale();
    } finally {
      setSending(false);
    }
  };

  const noteField = fieldOf('closing_note');
  const documentField = fieldOf('closing_document', t('meetings.close.documentHint'));
  return (
    <Modal ref={ref} onEscape={close} className="meeting-dialog" testId="close-decision-dialog" aria-labelledby="close-decision-title">
      <ModalHeader titleId="close-decision-title" title={t('meetings.close.title')} close={{ label: t('meetings.close.cancel'), onClick: close, disabled: sending, testId: 'close-decision-cancel' }} />
      <form
        noValidate
        className="meeting-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <blockquote className="decision-quote">{decision.text}</blockquote>
        <p className="form-notice" data-testid="close-decision-explain">
          {t('meetings.close.explain')}
        </p>
        <FormField field={noteField} label={t('meetings.close.note')}>
          <textarea rows={3} required aria-required="true" value={note} onChange={(e) => setNote(e.target.value)} {...controlProps(noteField)} />
        </FormField>
        <FormField field={documentField} label={t('meetings.close.document')}>
          <input type="text" value={document} onChange={(e) => setDocument(e.target.value)} {...controlProps(documentField)} />
        </FormField>
        <DialogFoot banner={banner} sending={sending} testId="close-decision" label={t(sending ? 'meetings.close.sending' : 'meetings.close.submit')} />
      </form>
    </Modal>
  );
}
