import type { FieldConflict } from '@marsad/contracts';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/language.ts';
import { useShowValue } from '../project/showValue.ts';
import { conflictRows } from './conflictRows.ts';
import { fieldLabel } from './fieldLabel.ts';

/**
 * A conflict's values side by side: what its writer saw, what the record holds now, and what they
 * proposed, in reading order (right to left in Arabic). A value that moved since the writer saw it
 * is marked, and so is a proposal that would change what is there now.
 */
export function ConflictValues({ conflict, language }: { conflict: FieldConflict; language: Language }) {
  const { t } = useTranslation();
  const show = useShowValue(language);
  const plot = conflict.kind === 'plot_status';
  const rows = conflictRows(conflict);
  return (
    <table className="data-table conflict-values" data-testid="conflict-values">
      <caption className="muted">{t('review.values')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('review.field')}</th>
          <th scope="col">{t('review.base')}</th>
          <th scope="col">{t('review.current')}</th>
          <th scope="col">{t('review.proposed')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.field} data-testid="conflict-row" data-field={row.field} data-moved={row.moved} data-changes={row.changes}>
            <th scope="row">{fieldLabel(t, row.field)}</th>
            <td data-testid="conflict-base">
              {conflict.base === null ? <span className="muted">—</span> : <bdi>{show(row.field, row.base, { plot })}</bdi>}
            </td>
            <td data-testid="conflict-current" className={row.moved ? 'conflict-moved' : undefined}>
              <bdi>{show(row.field, row.current, { plot })}</bdi>
              {row.moved && <span className="conflict-flag"> · {t('review.moved')}</span>}
            </td>
            <td data-testid="conflict-proposed" className={row.changes ? 'conflict-proposed' : undefined}>
              <bdi>{show(row.field, row.proposed, { plot })}</bdi>
            </td>
          </tr>
        ))}
      </tbody>
      {conflict.base === null && (
        <tfoot>
          <tr>
            <td colSpan={4} className="muted">
              {t('review.noBase')}
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
