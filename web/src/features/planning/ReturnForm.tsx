import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, ProblemError } from '../../api/http.ts';
import { formatNumber } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { controlProps, FormField, useFields } from '../../ui/FormField.tsx';
import { refreshEverything } from '../account/useSession.ts';
import { DraftNotice } from '../drafts/DraftNotice.tsx';
import { useDeviceDraft } from '../drafts/useDeviceDraft.ts';
import { formatPeriod } from './formatPeriod.ts';
import { submitReturn, type Indicator } from './planningApi.ts';
import { isReturnDraft, readNumber, validateReturn, type ReturnDraft, type ReturnField } from './returnDraft.ts';
import { rateValue, type PeriodRow } from './returnPeriods.ts';

type Outcome = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; text: string } | { kind: 'failed'; text: string };

/** The meaning of a rate's numerator and denominator (`tonnes collected / tonnes generated`). */
function useRateMeaning(indicator: Indicator) {
  const { t, i18n } = useTranslation();
  const key = i18n.exists(`planning.rate.${indicator.code}.numerator`) ? indicator.code : 'other';
  return { numerator: t(`planning.rate.${key}.numerator`), denominator: t(`planning.rate.${key}.denominator`) };
}

/**
 * A period's return: its value (for a rate, numerator and denominator with their meaning) and a
 * note. Sending again for a period already returned is a correction: it is appended, never
 * written over the original. What is typed is kept on the device until it is sent.
 */
export function ReturnForm({ indicator, governorate, row, userId, csrfToken, language }: { indicator: Indicator; governorate: string; row: PeriodRow; userId: number; csrfToken: string; language: Language }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const titleId = useId();
  const isRate = indicator.rollup === 'rate';
  const meaning = useRateMeaning(indicator);
  const latest = row.latest;
  const start = useCallback(
    (): ReturnDraft => ({ value: latest === null ? '' : String(latest.value), denominator: latest?.denominator === null || latest === null ? '' : String(latest.denominator), note: '' }),
    [latest],
  );
  const kept = useDeviceDraft(`return:${userId}:${governorate}:${indicator.code}:${row.period}`, start, isReturnDraft);
  const draft = kept.value;
  const [errors, setErrors] = useState<Partial<Record<ReturnField, string>>>({});
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const fieldOf = useFields<ReturnField>('return', (field) => errors[field]);
  const unit = language === 'ar' ? indicator.unit_ar : indicator.unit_en;
  const period = formatPeriod(row.period, language);
  const correcting = latest !== null;

  const set = (field: ReturnField) => (value: string) => {
    kept.set((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    if (outcome.kind !== 'saving') setOutcome({ kind: 'idle' });
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (outcome.kind === 'saving' || !row.open) return;
    const checked = validateReturn(draft, { indicator: indicator.code, governorate, period: row.period, isRate });
    if (!checked.ok) {
      const messages: Partial<Record<ReturnField, string>> = {};
      for (const [field, key] of Object.entries(checked.errors)) messages[field as ReturnField] = t(`planning.form.errors.${key}`);
      setErrors(messages);
      return;
    }
    setErrors({});
    setOutcome({ kind: 'saving' });
    try {
      const saved = await submitReturn(checked.body, csrfToken);
      // Cleared after the note is emptied, so that nothing sent stays kept as a draft.
      kept.set((d) => ({ ...d, note: '' }));
      kept.sent();
      setOutcome({
        kind: 'saved',
        text: saved.is_correction ? t('planning.form.corrected') : t('planning.form.saved', { state: t(saved.late ? 'planning.state.late' : 'planning.state.on_time') }),
      });
      refreshEverything(client);
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error);
      if (error instanceof ProblemError && error.status === null) setOutcome({ kind: 'failed', text: t('drafts.offline') });
      else if (error instanceof ProblemError && error.status === 403) setOutcome({ kind: 'failed', text: t('planning.form.forbidden') });
      else if (error instanceof ProblemError && error.status === 401) setOutcome({ kind: 'failed', text: t('planning.signedOut') });
      else if (error instanceof ProblemError && error.status === 400 && Object.keys(fieldErrors).some((f) => f in draft)) {
        setErrors(fieldErrors);
        setOutcome({ kind: 'idle' });
      } else setOutcome({ kind: 'failed', text: t('planning.failed', { detail: error instanceof Error ? error.message : String(error) }) });
    }
  };

  const numerator = readNumber(draft.value);
  const denominator = readNumber(draft.denominator);
  const rate = isRate && numerator !== null ? rateValue(numerator, denominator, indicator.rate_per) : null;
  const valueField = fieldOf('value');
  const denominatorField = fieldOf('denominator', t('planning.form.rateHint'));
  const noteField = fieldOf('note', t('planning.form.noteHint'));

  return (
    <section className="planning-section return-form" aria-labelledby={titleId} data-testid="return-form" data-period={row.period} data-correcting={correcting}>
      <h3 id={titleId}>{correcting ? t('planning.form.correction', { period }) : t('planning.form.title', { period })}</h3>
      {correcting && <p className="muted">{t('planning.form.correctionHint')}</p>}
      {!row.open && <p className="notice">{t('planning.form.notOpen')}</p>}
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <DraftNotice restoredAt={kept.restoredAt} onDiscard={kept.discard} language={language} testId="return-draft" />
        <div className="form-row">
          <FormField field={valueField} label={isRate ? t('planning.form.numerator', { meaning: meaning.numerator }) : t('planning.form.value', { unit })}>
            <input type="text" inputMode="decimal" dir="ltr" autoComplete="off" value={draft.value} onChange={(e) => set('value')(e.target.value)} {...controlProps(valueField)} />
          </FormField>
          {isRate && (
            <FormField field={denominatorField} label={t('planning.form.denominator', { meaning: meaning.denominator })}>
              <input type="text" inputMode="decimal" dir="ltr" autoComplete="off" value={draft.denominator} onChange={(e) => set('denominator')(e.target.value)} {...controlProps(denominatorField)} />
            </FormField>
          )}
        </div>
        {isRate && (
          <p className="muted" data-testid="return-rate">
            {t('planning.form.rate', { value: rate === null ? '—' : `${formatNumber(rate, language)} ${unit}` })}
          </p>
        )}
        <FormField field={noteField} label={t('planning.form.note')}>
          <textarea rows={2} maxLength={2000} value={draft.note} onChange={(e) => set('note')(e.target.value)} {...controlProps(noteField)} />
        </FormField>
        <button type="submit" className="primary-button" disabled={outcome.kind === 'saving' || !row.open} data-testid="return-submit">
          {outcome.kind === 'saving' ? t('planning.form.submitting') : correcting ? t('planning.form.submitCorrection') : t('planning.form.submit')}
        </button>
      </form>
      {outcome.kind === 'saved' && (
        <p role="status" className="form-success" data-testid="return-saved">
          {outcome.text}
        </p>
      )}
      {outcome.kind === 'failed' && (
        <p role="alert" className="panel-error" data-testid="return-failed">
          <bdi>{outcome.text}</bdi>
        </p>
      )}
    </section>
  );
}
