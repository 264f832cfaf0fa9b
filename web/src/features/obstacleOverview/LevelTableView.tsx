import { ESCALATION_LEVELS, type EscalationLevel } from '@marsad/contracts';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import type { ObstacleCell } from '../../url/ministerViewState.ts';
import type { LevelCell, LevelTable } from './levelTable.ts';

/**
 * Active obstacles by governorate (rows) and escalation level (columns, lowest first), critical
 * ones in brackets and marked; each cell with obstacles is a button that opens their list.
 */
export function LevelTableView({
  table,
  language,
  nameOf,
  selected,
  onOpenCell,
}: {
  table: LevelTable;
  language: Language;
  nameOf: (governorate: string) => string;
  selected: ObstacleCell | null;
  onOpenCell: (cell: ObstacleCell) => void;
}) {
  const { t } = useTranslation();
  const count = (cell: LevelCell) => (
    <>
      <span className="level-count">{formatCount(cell.count, language)}</span>
      {cell.critical > 0 && (
        <span className="level-critical" title={t('obstacleOverview.table.critical', { n: formatCount(cell.critical, language) })}>
          {' '}({formatCount(cell.critical, language)})
        </span>
      )}
    </>
  );
  if (table.rows.length === 0) return <p className="obstacle-empty" data-testid="obstacle-table-empty">{t('obstacleOverview.table.empty')}</p>;
  return (
    <div className="level-table-scroll">
      <table className="level-table" data-testid="obstacle-level-table">
        <caption>{t('obstacleOverview.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('obstacleOverview.table.governorate')}</th>
            {ESCALATION_LEVELS.map((level) => (
              <th key={level} scope="col">
                {t(`obstacles.levels.${level}`)}
              </th>
            ))}
            <th scope="col">{t('obstacleOverview.table.total')}</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.governorate} data-testid="obstacle-level-row" data-governorate={row.governorate}>
              <th scope="row">{nameOf(row.governorate)}</th>
              {ESCALATION_LEVELS.map((level: EscalationLevel) => {
                const cell = row.cells[level];
                const isSelected = selected?.governorate === row.governorate && selected.level === level;
                return (
                  <td key={level} className={cell.critical > 0 ? 'has-critical' : cell.count === 0 ? 'is-empty' : undefined}>
                    {cell.count === 0 ? (
                      <span aria-hidden="true">·</span>
                    ) : (
                      <button
                        type="button"
                        className="level-cell"
                        aria-pressed={isSelected}
                        aria-label={t('obstacleOverview.table.cellLabel', {
                          governorate: nameOf(row.governorate),
                          level: t(`obstacles.levels.${level}`),
                          n: formatCount(cell.count, language),
                          critical: formatCount(cell.critical, language),
                        })}
                        data-testid="obstacle-level-cell"
                        data-level={level}
                        data-count={cell.count}
                        data-critical={cell.critical}
                        onClick={() => onOpenCell({ governorate: row.governorate, level })}
                      >
                        {count(cell)}
                      </button>
                    )}
                  </td>
                );
              })}
              <td className="level-total">{count(row.total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('obstacleOverview.table.allGovernorates')}</th>
            {ESCALATION_LEVELS.map((level) => (
              <td key={level} className="level-total">
                {count(table.totals[level])}
              </td>
            ))}
            <td className="level-total" data-testid="obstacle-level-total">
              {count(table.total)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
