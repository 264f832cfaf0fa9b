import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers.ts';
import { useInterfaceLanguage } from '../../i18n/useInterfaceLanguage.ts';
import type { RowError } from './importApi.ts';

/** A file of thousands of bad rows has the same few mistakes: the first ones are enough to correct it. */
const SHOWN_ERRORS = 200;

/** The invalid rows: row number, field and the API's message as it gives it (English). */
export function RowErrorTable({ errors }: { errors: RowError[] }) {
  const { t } = useTranslation();
  const language = useInterfaceLanguage();
  const captionId = useId();
  const shown = errors.slice(0, SHOWN_ERRORS);
  return (
    <div className="import-errors">
      <div className="import-errors-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table data-testid="import-errors">
          <caption id={captionId}>{t('imports.errors.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('imports.errors.row')}</th>
              <th scope="col">{t('imports.errors.field')}</th>
              <th scope="col">{t('imports.errors.message')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((error, i) => (
              <tr key={i} data-row={error.row} data-field={error.field}>
                <td className="import-errors-row">{formatCount(error.row, language)}</td>
                <td>
                  <code dir="ltr">{error.field}</code>
                </td>
                <td>
                  <bdi>{error.message}</bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {errors.length > shown.length && (
        <p className="muted" data-testid="import-errors-truncated">
          {t('imports.errors.truncated', { shown: formatCount(shown.length, language), total: formatCount(errors.length, language) })}
        </p>
      )}
    </div>
  );
}
