import type { Role } from '@marsad/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers.ts';
import { formatYear } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { FormField, controlProps, useFields } from '../../ui/FormField.tsx';
import { LoadError } from '../../ui/LoadError.tsx';
import { approveDraft, createPlan, setPublished, startRevision, targetsXlsxUrl, type Plan, type PlanVersion } from './planningApi.ts';
import { mayApprove, mayDraft, mayPublish } from './planningRoles.ts';
import { TargetsUpload } from './TargetsUpload.tsx';
import { useChange, type ChangeNotice } from './useChange.ts';
import { usePlan } from './usePlanning.ts';
import { VersionComparison } from './VersionComparison.tsx';
import { VersionsTable } from './VersionsTable.tsx';

/** What the last change said, where it was made. */
export function ChangeNoticeLine({ notice, testId }: { notice: ChangeNotice; testId: string }) {
  if (notice === null) return null;
  return (
    <p role={notice.kind === 'done' ? 'status' : 'alert'} className={notice.kind === 'done' ? 'form-success' : 'panel-error'} data-testid={testId} data-kind={notice.kind}>
      <bdi>{notice.text}</bdi>
      {notice.detail !== undefined && (
        <span className="planning-detail">
          <bdi>{notice.detail}</bdi>
        </span>
      )}
    </p>
  );
}

interface PanelProps {
  country: string;
  year: number;
  role: Role;
  csrfToken: string;
  language: Language;
}

/** A note and a button: approving the draft (approvers), or starting a revision (drafters). */
function NoteAction({
  form,
  title,
  hint,
  noteLabel,
  noteHint,
  submit,
  submitting,
  disabled,
  onSubmit,
  pending,
  notice,
}: {
  form: 'approve' | 'revision';
  title: string;
  hint: string | null;
  noteLabel: string;
  noteHint?: string;
  submit: string;
  submitting: string;
  disabled: boolean;
  onSubmit: (note: string) => Promise<boolean>;
  pending: boolean;
  notice: ChangeNotice;
}) {
  const [note, setNote] = useState('');
  const fieldOf = useFields<'note'>(`plan-${form}`, () => undefined);
  const field = fieldOf('note', noteHint);
  const titleId = useId();
  return (
    <section className="planning-section" aria-labelledby={titleId} data-testid={`plan-${form}`}>
      <h3 id={titleId}>{title}</h3>
      {hint !== null && <p className="muted">{hint}</p>}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void onSubmit(note).then((ok) => ok && setNote(''));
        }}
      >
        <FormField field={field} label={noteLabel}>
          <textarea rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} {...controlProps(field)} />
        </FormField>
        <button type="submit" className="primary-button" disabled={disabled || pending} data-testid={`plan-${form}-submit`}>
          {pending ? submitting : submit}
        </button>
      </form>
      <ChangeNoticeLine notice={notice} testId={`plan-${form}-notice`} />
    </section>
  );
}

/**
 * One country-year's plan: whether it exists (drafters create it, or upload targets into it),
 * its publication, its versions, the draft's targets in and out, approval, revision and the
 * comparison of original and revised targets.
 */
export function PlanPanel({ country, year, role, csrfToken, language }: PanelProps) {
  const { t } = useTranslation();
  const plan = usePlan(country, year);
  const lifecycle = useChange();
  const publication = useChange();

  if (plan.isPending) return <p className="muted">…</p>;
  if (plan.error !== null) return <LoadError error={plan.error} />;
  const current: Plan | null = plan.data ?? null;
  const versions = current?.versions ?? [];
  const draft: PlanVersion | undefined = versions.find((v) => v.status === 'draft');
  const approved: PlanVersion | undefined = versions.find((v) => v.status === 'approved');
  const drafter = mayDraft(role);

  return (
    <div className="planning-plan" data-testid="plan" data-exists={current !== null} data-published={current?.is_published ?? false}>
      {current === null ? (
        <section className="planning-section" data-testid="plan-none">
          <p>
            <strong>{t('planning.plan.none', { year: formatYear(year, language) })}</strong>
          </p>
          {drafter && <p className="muted">{t('planning.plan.noneHint')}</p>}
          {drafter && (
            <button
              type="button"
              className="primary-button"
              disabled={lifecycle.pending}
              onClick={() => void lifecycle.run(() => createPlan(country, year, csrfToken), () => t('planning.plan.created'))}
              data-testid="plan-create"
            >
              {lifecycle.pending ? t('planning.plan.creating') : t('planning.plan.create')}
            </button>
          )}
          <ChangeNoticeLine notice={lifecycle.notice} testId="plan-notice" />
        </section>
      ) : (
        <section className="planning-section planning-status">
          <p data-testid="plan-publication">
            <span className="planning-badge" data-published={current.is_published}>
              {current.is_published ? t('planning.plan.published') : t('planning.plan.unpublished')}
            </span>
          </p>
          {mayPublish(role) && (
            <>
              <button
                type="button"
                className="secondary-button"
                disabled={publication.pending}
                onClick={() =>
                  void publication.run(
                    () => setPublished(country, year, !current.is_published, csrfToken),
                    (p) => (p.is_published ? t('planning.plan.published') : t('planning.plan.unpublished')),
                  )
                }
                data-testid="plan-publish"
              >
                {current.is_published ? t('planning.plan.unpublish') : t('planning.plan.publish')}
              </button>
              <span className="muted">{t('planning.plan.publishHint')}</span>
              <ChangeNoticeLine notice={publication.notice} testId="plan-publish-notice" />
            </>
          )}
        </section>
      )}

      {(current !== null || drafter) && (
        <p className="planning-download">
          <a href={targetsXlsxUrl(country, year)} download className="secondary-button" data-testid="plan-download">
            {current === null || versions.every((v) => v.targets === 0) ? t('planning.plan.downloadTemplate') : t('planning.plan.download')}
          </a>{' '}
          <span className="muted">{t('planning.plan.downloadHint')}</span>
        </p>
      )}

      {current !== null && <VersionsTable country={country} year={year} versions={versions} language={language} />}

      {drafter && (current === null || draft !== undefined) && (
        <TargetsUpload country={country} year={year} draftVersion={draft?.version ?? null} csrfToken={csrfToken} language={language} />
      )}

      {draft !== undefined && mayApprove(role) && (
        <NoteAction
          form="approve"
          title={t('planning.approve.title')}
          hint={draft.targets === 0 ? t('planning.approve.empty') : null}
          noteLabel={t('planning.approve.note')}
          noteHint={t('planning.approve.noteHint')}
          submit={t('planning.approve.submit', { number: formatCount(draft.number, language) })}
          submitting={t('planning.approve.submitting')}
          disabled={draft.targets === 0}
          pending={lifecycle.pending}
          notice={lifecycle.notice}
          onSubmit={(note) =>
            lifecycle.run(
              () => approveDraft(country, year, { version: draft.version, ...(note.trim() === '' ? {} : { note: note.trim() }) }, csrfToken),
              () => t('planning.approve.done', { number: formatCount(draft.number, language) }),
            )
          }
        />
      )}

      {draft === undefined && approved !== undefined && drafter && (
        <NoteAction
          form="revision"
          title={t('planning.revision.title')}
          hint={t('planning.revision.hint')}
          noteLabel={t('planning.revision.note')}
          submit={t('planning.revision.submit')}
          submitting={t('planning.revision.submitting')}
          disabled={false}
          pending={lifecycle.pending}
          notice={lifecycle.notice}
          onSubmit={(note) =>
            lifecycle.run(
              () => startRevision(country, year, note.trim() === '' ? {} : { note: note.trim() }, csrfToken),
              (p) => t('planning.revision.done', { number: formatCount(p.versions.find((v) => v.status === 'draft')?.number ?? 0, language) }),
            )
          }
        />
      )}
      {/* After the approval the approve form goes; what it said stays here. */}
      {current !== null && draft === undefined && !(approved !== undefined && drafter) && <ChangeNoticeLine notice={lifecycle.notice} testId="plan-notice" />}

      {current !== null && <VersionComparison country={country} year={year} versions={versions} language={language} />}
    </div>
  );
}
