import type { Indicator, MatrixCell, MatrixColumn, MatrixRow, PlanMatrix } from '@marsad/contracts';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import {
  ATTAINMENT_COLORS,
  ATTAINMENT_SYMBOLS,
  cellState,
  formatAttainment,
  formatIndicatorValue,
  revisedTarget,
  type CellAddress,
  type CellState,
} from './attainment.ts';

export const indicatorName = (indicator: Pick<Indicator, 'name_ar' | 'name_en'> | undefined, language: Language, fallback: string) =>
  indicator === undefined ? fallback : language === 'ar' ? indicator.name_ar : indicator.name_en;

const rowName = (row: MatrixRow, language: Language) => (language === 'ar' ? row.name_ar : row.name_en);

/** The indicator's details for its column header's title: both names, unit, framework code, source. */
function HeaderCell({ column, indicator, language }: { column: MatrixColumn; indicator: Indicator | undefined; language: Language }) {
  const { t } = useTranslation();
  const unit = indicator === undefined ? '' : language === 'ar' ? indicator.unit_ar : indicator.unit_en;
  const details =
    indicator === undefined
      ? column.key
      : [
          `${indicator.name_ar} — ${indicator.name_en}`,
          t('plans.header.unit', { unit }),
          indicator.framework !== null ? t('plans.header.framework', { framework: indicator.framework, code: indicator.framework_code ?? '' }) : null,
          indicator.source === 'computed' ? t('plans.header.computed') : t('plans.header.reported', { frequency: t(`plans.header.${indicator.frequency ?? 'monthly'}`) }),
          indicator.better === 'lower' ? t('plans.header.lower') : null,
        ]
          .filter((line) => line !== null)
          .join('\n');
  return (
    <th scope="col" className="matrix-col" title={details} data-column={column.key}>
      <span className="matrix-col-name">{indicatorName(indicator, language, column.indicator)}</span>
      {column.sector !== null && <span className="matrix-col-sector">{t(`sector.${column.sector}`, { defaultValue: column.sector })}</span>}
      <span className="matrix-col-meta">
        {unit}
        {indicator?.framework_code != null && <span className="matrix-col-code"> · {indicator.framework === 'SDG' ? 'SDG' : 'ISO'} {indicator.framework_code}</span>}
      </span>
    </th>
  );
}

/** What a cell says in words, for screen readers (the same as its figures and colour). */
function cellLabel(t: (key: string, options?: Record<string, unknown>) => string, row: string, indicator: string, cell: MatrixCell, state: CellState, unit: Indicator | undefined, language: Language): string {
  if (state === 'achieved_only') return t('plans.cell.labelAchieved', { row, indicator, achieved: formatIndicatorValue(cell.achieved, unit, language) });
  return t('plans.cell.label', {
    row,
    indicator,
    achieved: formatIndicatorValue(cell.achieved, unit, language),
    target: formatIndicatorValue(cell.target, unit, language),
    pct: formatAttainment(cell.pct_of_target, language),
    pctToDate: formatAttainment(cell.pct_of_target_to_date, language),
    state: t(`plans.state.${state}`),
  });
}

function CellButton({
  row,
  column,
  cell,
  indicator,
  showsTargets,
  language,
  selected,
  onOpen,
}: {
  row: MatrixRow;
  column: MatrixColumn;
  cell: MatrixCell | undefined;
  indicator: Indicator | undefined;
  showsTargets: boolean;
  language: Language;
  selected: boolean;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  if (cell === undefined) return <td className="matrix-cell matrix-cell-empty" />;
  const state = cellState(cell, showsTargets);
  const colours = state in ATTAINMENT_COLORS ? ATTAINMENT_COLORS[state as keyof typeof ATTAINMENT_COLORS] : null;
  const symbol = state in ATTAINMENT_SYMBOLS ? ATTAINMENT_SYMBOLS[state as keyof typeof ATTAINMENT_SYMBOLS] : null;
  const value = (v: number | null) => formatIndicatorValue(v, indicator, language);
  const name = indicatorName(indicator, language, column.indicator);
  return (
    <td className={`matrix-cell state-${state}`} style={colours === null ? undefined : { background: colours.background, color: colours.ink }} data-state={state}>
      <button
        type="button"
        className="matrix-cell-button"
        aria-label={cellLabel(t, rowName(row, language), name, cell, state, indicator, language)}
        aria-pressed={selected}
        onClick={onOpen}
        data-testid="matrix-cell"
        data-governorate={row.governorate ?? 'national'}
        data-column={column.key}
        data-achieved={cell.achieved ?? ''}
      >
        {state === 'no_target' ? (
          <>
            <span className="cell-figures">{value(cell.achieved)}</span>
            <span className="cell-line cell-muted">{t('plans.cell.noTarget')}</span>
          </>
        ) : state === 'achieved_only' ? (
          <span className="cell-figures">{value(cell.achieved)}</span>
        ) : (
          <>
            <span className="cell-figures">
              <span className="cell-achieved">{value(cell.achieved)}</span>
              <span className="cell-sep"> / </span>
              {revisedTarget(cell) && (
                <>
                  <s className="cell-original" title={t('plans.cell.originalTarget', { formatted: value(cell.original_target) })}>
                    {value(cell.original_target)}
                  </s>{' '}
                </>
              )}
              <span className="cell-target">{value(cell.target)}</span>
            </span>
            {state !== 'no_data' && (
              <span className="cell-line">
                {formatAttainment(cell.pct_of_target, language)} <span className="cell-muted">{t('plans.cell.ofYear')}</span>
              </span>
            )}
            <span className="cell-line cell-todate">
              {symbol !== null && <span aria-hidden="true">{symbol} </span>}
              {state === 'not_due' || state === 'no_data' ? t(`plans.state.${state}`) : formatAttainment(cell.pct_of_target_to_date, language)}{' '}
              {symbol !== null && <span className="cell-muted">{t('plans.cell.toDate')}</span>}
            </span>
          </>
        )}
        {(cell.returns_missing > 0 || cell.returns_late > 0) && showsTargets && (
          <span className="cell-line cell-returns">
            {cell.returns_missing > 0 && t('plans.cell.missing', { formatted: formatCount(cell.returns_missing, language) })}
            {cell.returns_missing > 0 && cell.returns_late > 0 && ' · '}
            {cell.returns_late > 0 && t('plans.cell.late', { formatted: formatCount(cell.returns_late, language) })}
          </span>
        )}
      </button>
    </td>
  );
}

function Row({ row, matrix, indicators, language, selected, onOpenCell, national }: {
  row: MatrixRow;
  matrix: PlanMatrix;
  indicators: Map<string, Indicator>;
  language: Language;
  selected: CellAddress | null;
  onOpenCell: (address: CellAddress) => void;
  national?: boolean;
}) {
  const cells = new Map(row.cells.map((c) => [c.key, c]));
  return (
    <tr className={national ? 'matrix-national' : undefined} data-testid={national ? 'matrix-national' : 'matrix-row'} data-governorate={row.governorate ?? 'national'}>
      <th scope="row" className="matrix-row-name">
        {rowName(row, language)}
      </th>
      {matrix.columns.map((column) => (
        <CellButton
          key={column.key}
          row={row}
          column={column}
          cell={cells.get(column.key)}
          indicator={indicators.get(column.indicator)}
          showsTargets={matrix.shows_targets}
          language={language}
          selected={selected !== null && selected.governorate === row.governorate && selected.column === column.key}
          onOpen={() => onOpenCell({ governorate: row.governorate, column: column.key })}
        />
      ))}
    </tr>
  );
}

/** Governorates × indicators; the header and the national row stay in view while scrolling, and so does the governorate column. */
export function MatrixTable({ matrix, language, selected, onOpenCell }: { matrix: PlanMatrix; language: Language; selected: CellAddress | null; onOpenCell: (address: CellAddress | null) => void }) {
  const { t } = useTranslation();
  const indicators = new Map(matrix.indicators.map((i) => [i.code, i]));
  return (
    <div className="matrix-scroll" data-testid="plans-matrix" data-shows-targets={matrix.shows_targets}>
      <table className="matrix">
        <caption className="visually-hidden">{t('plans.title')}</caption>
        <thead>
          <tr>
            <th scope="col" className="matrix-corner">
              {t('plans.governorate')}
            </th>
            {matrix.columns.map((column) => (
              <HeaderCell key={column.key} column={column} indicator={indicators.get(column.indicator)} language={language} />
            ))}
          </tr>
          {matrix.national !== null && (
            <Row row={{ ...matrix.national, name_ar: t('plans.national'), name_en: t('plans.national') }} matrix={matrix} indicators={indicators} language={language} selected={selected} onOpenCell={onOpenCell} national />
          )}
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <Row key={row.governorate ?? 'national'} row={row} matrix={matrix} indicators={indicators} language={language} selected={selected} onOpenCell={onOpenCell} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
