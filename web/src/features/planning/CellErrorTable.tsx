import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import type { CellError } from './planningApi.ts';

/** A workbook of thousands of bad cells has the same few mistakes: the first ones are enough to correct it. */
const SHOWN_ERRORS = 500;

/** Every bad cell of an uploaded workbook: the cell as Excel names it (`F7`), its sheet, and the API's message. */
export function CellErrorTable({ errors, language }: { errors: CellError[]; language: Language }) {
  const { t } = useTranslation();
  const captionId = useId();
  const shown = errors.slice(0, SHOWN_ERRORS);
  return (
    <div className="planning-errors">
      <div className="planning-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="data-table" data-testid="plan-upload-errors">
          <caption id={captionId}>{t('planning.upload.errors.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('planning.upload.errors.cell')}</th>
              <th scope="col">{t('planning.upload.errors.sheet')}</th>
              <th scope="col">{t('planning.upload.errors.message')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((error, i) => (
              <tr key={i} data-cell={error.cell} data-row={error.row}>
                <td>
                  {/* A cell reference is Latin, as Excel writes it, in either language. */}
                  <code dir="ltr">{error.cell === '' ? t('planning.upload.errors.whole') : error.cell}</code>
                </td>
                <td>
                  <bdi>{error.sheet}</bdi>
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
        <p className="muted" data-testid="plan-upload-errors-truncated">
          {t('planning.upload.errors.truncated', { shown: formatCount(shown.length, language), total: formatCount(errors.length, language) })}
        </p>
      )}
    </div>
  );
}
