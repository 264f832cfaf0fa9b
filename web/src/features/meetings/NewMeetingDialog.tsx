import { ESCALATION_LEVELS, type EscalationLevel } from '@marsad/contracts';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGovernorates } from '../../api/useBoundaries.ts';
import { useDonors } from '../../api/useOrganizations.ts';
import { formatDualDate } from '../../format/dates.ts';
import type { Language } from '../../i18n/language.ts';
import { controlProps, FormField, useFields } from '../../ui/FormField.tsx';
import { Modal, ModalHeader } from '../../ui/Modal.tsx';
import { Options } from '../../ui/Options.tsx';
import { governorateName } from '../../data/governorateNames.ts';
import { nameIn } from '../obstacleOverview/names.ts';
import { addDays, emptyMeetingDraft, isCalendarDay, MEETING_FIELDS, meetingDraftProblems, parseProjectCodes, toNewMeeting, type MeetingDraft, type MeetingField, type Problems } from './meetingForms.ts';
import { createMeeting, findProjectByCode } from './meetingsApi.ts';
import { DialogFoot } from './DialogFoot.tsx';
import { sendFailure } from './sendFailure.ts';

/** The server's default freeze days, shown as the field's placeholder (MEETING_AGENDA_FREEZE_DAYS). */
const DEFAULT_FREEZE_DAYS = 7;

/**
 * A new meeting (organizers: admins, ministers, planners): level, titles, date, how many days
 * before it the agenda freezes, the governorates and projects it covers, the organizations taking
 * part. What is missing is said before sending; project codes are looked up first.
 */
export function NewMeetingDialog({
  country,
  csrfToken,
  language,
  onCreated,
  onClose,
}: {
  country: string;
  csrfToken: string;
  language: Language;
  onCreated: (id: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState<MeetingDraft>(() => emptyMeetingDraft());
  const [problems, setProblems] = useState<Problems<MeetingField>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const governorates = useGovernorates();
  const donors = useDonors();
  const choices = useMemo(
    () => (governorates.data?.features ?? []).map((f) => f.properties).filter((p) => p.country_iso3 === country),
    [governorates.data, country],
  );
  const fieldOf = useFields<MeetingField>('new-meeting', (name) => {
    const problem = problems[name];
    if (problem === undefined) return undefined;
    return problem.startsWith('server:') ? problem.slice(7) : t(`meetings.problem.${problem}`);
  });
  // A field changed is no longer wrong until the next check.
  const set = (patch: Partial<MeetingDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setProblems((p) => Object.fromEntries(Object.entries(p).filter(([name]) => !(name in patch) && !(name === 'governorates' && ('project_codes' in patch || 'governorates' in patch)))));
  };
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
  const close = () => {
    ref.current?.close();
    onClose();
  };

  const freezeDays = draft.freeze_days.trim() === '' ? DEFAULT_FREEZE_DAYS : Number(draft.freeze_days);
  const freezesOn = isCalendarDay(draft.held_on) && Number.isInteger(freezeDays) && freezeDays >= 0 ? formatDualDate(addDays(draft.held_on, -freezeDays), language) : null;

  const send = async () => {
    const found = meetingDraftProblems(draft);
    setProblems(found);
    setBanner(null);
    if (Object.keys(found).length > 0) return;
    setSending(true);
    try {
      const codes = parseProjectCodes(draft.project_codes);
      const ids = await Promise.all(codes.map((code) => findProjectByCode(code)));
      const unknown = codes.filter((_, i) => ids[i] === null);
      if (unknown.length > 0) {
        setProblems({ project_codes: `server:${t('meetings.problem.unknownProjects', { codes: unknown.join('، ') })}` });
        return;
      }
      const meeting = await createMeeting(toNewMeeting(draft, country, ids.filter((id): id is number => id !== null)), csrfToken);
      ref.current?.close();
      onCreated(meeting.id);
    } catch (error) {
      const failure = sendFailure(error, MEETING_FIELDS, t);
      setProblems(Object.fromEntries(Object.entries(failure.fields).map(([k, v]) => [k, `server:${String(v)}`])));
      setBanner(failure.banner);
    } finally {
      setSending(false);
    }
  };

  const level = fieldOf('level');
  const titleAr = fieldOf('title_ar');
  const titleEn = fieldOf('title_en');
  const heldOn = fieldOf('held_on');
  const freeze = fieldOf('freeze_days', t('meetings.create.freezeHint'));
  const scope = fieldOf('governorates');
  const projects = fieldOf('project_codes', t('meetings.create.projectsHint'));

  return (
    <Modal ref={ref} onEscape={close} className="meeting-dialog" testId="new-meeting-dialog" aria-labelledby="new-meeting-title">
      <ModalHeader titleId="new-meeting-title" title={t('meetings.create.title')} close={{ label: t('meetings.create.cancel'), onClick: close, disabled: sending, testId: 'new-meeting-cancel' }} />
      <form
        noValidate
        className="meeting-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <div className="form-row">
          <FormField field={level} label={t('meetings.create.level')}>
            <select value={draft.level} onChange={(e) => set({ level: e.target.value as EscalationLevel })} {...controlProps(level)}>
              <Options values={ESCALATION_LEVELS} label={(l) => t(`obstacles.levels.${l}`)} />
            </select>
          </FormField>
          <FormField field={heldOn} label={t('meetings.create.heldOn')}>
            <input type="date" value={draft.held_on} onChange={(e) => set({ held_on: e.target.value })} {...controlProps(heldOn)} />
          </FormField>
          <FormField field={freeze} label={t('meetings.create.freezeDays')}>
            <input type="number" min={0} max={60} inputMode="numeric" placeholder={String(DEFAULT_FREEZE_DAYS)} value={draft.freeze_days} onChange={(e) => set({ freeze_days: e.target.value })} {...controlProps(freeze)} />
          </FormField>
        </div>
        {freezesOn !== null && (
          <p className="muted" data-testid="new-meeting-freezes-on">
            {t('meetings.create.freezesOn', { date: `${freezesOn.gregorian} (${freezesOn.hijri})` })}
          </p>
        )}
        <FormField field={titleAr} label={t('meetings.create.titleAr')}>
          <input type="text" dir="rtl" lang="ar" value={draft.title_ar} onChange={(e) => set({ title_ar: e.target.value })} {...controlProps(titleAr)} />
        </FormField>
        <FormField field={titleEn} label={t('meetings.create.titleEn')}>
          <input type="text" dir="ltr" lang="en" value={draft.title_en} onChange={(e) => set({ title_en: e.target.value })} {...controlProps(titleEn)} />
        </FormField>
        <fieldset className="choice-group" aria-describedby={scope.error === undefined ? undefined : `${scope.id}-error`} data-testid="new-meeting-governorates">
          <legend>{t('meetings.create.governorates')}</legend>
          <div className="choice-grid">
            {choices.map((g) => (
              <label key={g.code} className="choice">
                <input type="checkbox" checked={draft.governorates.includes(g.code)} onChange={() => set({ governorates: toggle(draft.governorates, g.code) })} data-testid="new-meeting-governorate" data-code={g.code} />{' '}
                {governorateName(g, language)}
              </label>
            ))}
          </div>
          {scope.error !== undefined && (
            <span id={`${scope.id}-error`} className="field-error" data-testid="new-meeting-governorates-error">
              {scope.error}
            </span>
          )}
        </fieldset>
        {(donors.data?.items.length ?? 0) > 0 && (
          <fieldset className="choice-group" data-testid="new-meeting-organizations">
            <legend>{t('meetings.create.organizations')}</legend>
            <div className="choice-grid">
              {donors.data?.items.map((o) => (
                <label key={o.slug} className="choice">
                  <input type="checkbox" checked={draft.organizations.includes(o.slug)} onChange={() => set({ organizations: toggle(draft.organizations, o.slug) })} data-testid="new-meeting-organization" data-slug={o.slug} />{' '}
                  {nameIn(language, o)}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <FormField field={projects} label={t('meetings.create.projects')}>
          <input type="text" dir="ltr" value={draft.project_codes} onChange={(e) => set({ project_codes: e.target.value })} {...controlProps(projects)} />
        </FormField>
        <DialogFoot banner={banner} sending={sending} testId="new-meeting" label={t(sending ? 'meetings.create.sending' : 'meetings.create.submit')} />
      </form>
    </Modal>
  );
}
