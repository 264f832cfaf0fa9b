import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers.ts';
import { useInterfaceLanguage } from '../../i18n/useInterfaceLanguage.ts';
import type { DryRun } from './importApi.ts';
import { MAX_IMPORT_BYTES } from './importApi.ts';
import { isClean, type Activity, type Refusal } from './importState.ts';
import { RowErrorTable } from './RowErrorTable.tsx';

const megabytes = (bytes: number) => Math.ceil((10 * bytes) / 1024 / 1024) / 10;

/** What a dry run found: rows, valid rows (the projects a commit would create), rows with errors and which. */
function DryRunSummary({ dryRun }: { dryRun: DryRun }) {
  const { t } = useTranslation();
  const language = useInterfaceLanguage();
  const clean = isClean(dryRun);
  const figures = [
    ['rows', dryRun.rows],
    ['valid', dryRun.valid],
    ['failed', dryRun.rows - dryRun.valid],
  ] as const;
  return (
    <section className="import-result" data-testid="import-dry-run" data-clean={clean} data-valid={dryRun.valid} data-rows={dryRun.rows}>
      <dl className="import-figures">
        {figures.map(([key, value]) => (
          <div key={key} data-figure={key} data-alert={key === 'failed' && value > 0}>
            <dt>{t(`imports.result.${key}`)}</dt>
            <dd>{formatCount(value, language)}</dd>
          </div>
        ))}
      </dl>
      <p role="status" className={clean ? 'form-success' : 'panel-error'} data-testid="import-verdict">
        {t(clean ? 'imports.result.clean' : 'imports.result.dirty')}
      </p>
      {dryRun.errors.length > 0 && <RowErrorTable errors={dryRun.errors} />}
    </section>
  );
}

function RefusalNotice({ action, reason }: { action: 'check' | 'commit'; reason: Refusal }) {
  const { t } = useTranslation();
  const language = useInterfaceLanguage();
  const detail =
    reason.kind === 'tooLarge'
      ? t('imports.refused.tooLarge', { size: formatCount(megabytes(reason.bytes), language), max: formatCount(MAX_IMPORT_BYTES / 1024 / 1024, language) })
      : reason.kind === 'noAnswer'
        ? t('imports.refused.noAnswer')
        : reason.status === 401
          ? t('imports.refused.signedOut')
          : reason.detail;
  return (
    <section className="import-result" data-testid="import-refused" data-status={reason.kind === 'problem' ? reason.status : reason.kind}>
      <div role="alert" className="panel-error">
        <strong>{t(action === 'check' ? 'imports.refused.check' : 'imports.refused.commit')}</strong>
        {/* The API's detail is English; bdi keeps its punctuation in place inside Arabic. */}
        <p data-testid="import-refused-detail">
          <bdi>{detail}</bdi>
        </p>
      </div>
      {reason.kind === 'problem' && reason.errors.length > 0 && <RowErrorTable errors={reason.errors} />}
    </section>
  );
}

/** The outcome of the last check or import, below the buttons. */
export function ImportResult({ dryRun, activity }: { dryRun: DryRun | null; activity: Activity }) {
  const { t } = useTranslation();
  const language = useInterfaceLanguage();
  if (activity.kind === 'refused') return <RefusalNotice action={activity.action} reason={activity.reason} />;
  if (activity.kind === 'imported') {
    const created = activity.result.created;
    return (
      <section className="import-result" data-testid="import-created" data-created={created}>
        <p role="status" className="form-success">
          {t('imports.result.created', { count: created, formatted: formatCount(created, language) })} {t('imports.result.createdHint')}
        </p>
      </section>
    );
  }
  return dryRun === null ? null : <DryRunSummary dryRun={dryRun} />;
}
