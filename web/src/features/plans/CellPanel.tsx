import type { Indicator, IndicatorReturn, MatrixCell, MatrixCellDetail, PlanMatrix } from '@marsad/contracts';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { statusColor } from '../../map/colorScales.ts';
import { DualDate } from '../../ui/DualDate.tsx';
import { PanelFrame } from '../../ui/PanelFrame.tsx';
import { ATTAINMENT_SYMBOLS, cellState, formatAttainment, formatIndicatorValue, revisedTarget, type CellAddress } from './attainment.ts';
import { indicatorName } from './MatrixTable.tsx';
import { useCellDetail, useSeries } from './plansApi.ts';
import { SeriesChart } from './SeriesChart.tsx';

function Figures({ cell, indicator, showsTargets, language }: { cell: MatrixCell; indicator: Indicator | undefined; showsTargets: boolean; language: Language }) {
  const { t } = useTranslation();
  const value = (v: number | null) => formatIndicatorValue(v, indicator, language);
  const state = cellState(cell, showsTargets);
  const symbol = state in ATTAINMENT_SYMBOLS ? `${ATTAINMENT_SYMBOLS[state as keyof typeof ATTAINMENT_SYMBOLS]} ` : '';
  const rows: [string, string, string?][] = showsTargets
    ? [
        [t('plans.panel.target'), value(cell.target), 'target'],
        ...(revisedTarget(cell) ? ([[t('plans.panel.originalTarget'), value(cell.original_target), 'original']] as [string, string, string][]) : []),
        [t('plans.panel.targetToDate'), value(cell.target_to_date)],
        [t('plans.panel.achieved'), value(cell.achieved), 'achieved'],
        [t('plans.panel.pctOfTarget'), formatAttainment(cell.pct_of_target, language)],
        [t('plans.panel.pctToDate'), `${symbol}${formatAttainment(cell.pct_of_target_to_date, language)} (${t(`plans.state.${state}`)})`],
      ]
    : [[t('plans.panel.achieved'), value(cell.achieved), 'achieved']];
  if (showsTargets && cell.returns_missing > 0) rows.push([t('plans.panel.returnsMissing'), formatCount(cell.returns_missing, language)]);
  if (showsTargets && cell.returns_late > 0) rows.push([t('plans.panel.returnsLate'), formatCount(cell.returns_late, language)]);
  return (
    <dl className="facts" data-testid="plans-cell-figures">
      {rows.map(([label, text, id]) => (
        <div key={label} className="facts-row">
          <dt>{label}</dt>
          <dd data-testid={id === undefined ? undefined : `plans-cell-${id}`}>{id === 'original' ? <s>{text}</s> : text}</dd>
        </div>
      ))}
    </dl>
  );
}

function Projects({ detail, indicator, language, onOpenProject }: { detail: MatrixCellDetail; indicator: Indicator | undefined; language: Language; onOpenProject: (id: number) => void }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="plans-projects-heading">
      <h3 id="plans-projects-heading">{t('plans.panel.projects')}</h3>
      {detail.projects.length === 0 ? (
        <p className="muted">{t('plans.panel.noProjects')}</p>
      ) : (
        <ol className="plans-projects" data-testid="plans-cell-projects">
          {detail.projects.map((p) => (
            <li key={p.id}>
              <a
                href={`?project=${p.id}`}
                className="plans-project"
                data-testid="plans-cell-project"
                data-project-id={p.id}
                onClick={(event) => {
                  event.preventDefault();
                  onOpenProject(p.id);
                }}
              >
                <span className="status-dot" style={{ background: statusColor(p.status) }} aria-hidden="true" />
                <span className="plans-project-title">{language === 'ar' ? p.title_ar : p.title_en}</span>
                <span className="plans-project-meta">
                  <bdi dir="ltr">{p.code}</bdi> · {t(`status.${p.status}`, { defaultValue: p.status })} · {t('plans.panel.contribution', { formatted: formatIndicatorValue(p.contribution, indicator, language) })}
                  {p.completed_on !== null && (
                    <>
                      {' · '}
                      {t('plans.panel.completedOn')} <DualDate iso={p.completed_on} language={language} />
                    </>
                  )}
                </span>
              </a>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Returns({ returns, indicator, language }: { returns: IndicatorReturn[]; indicator: Indicator | undefined; language: Language }) {
  const { t } = useTranslation();
  const isRate = indicator?.rollup === 'rate';
  const number = (v: number | null) => (v === null ? '—' : formatIndicatorValue(v, { unit_en: '', rate_per: null, rollup: 'sum' }, language));
  return (
    <section aria-labelledby="plans-returns-heading">
      <h3 id="plans-returns-heading">{t('plans.panel.returns')}</h3>
      {returns.length === 0 ? (
        <p className="muted">{t('plans.panel.noReturns')}</p>
      ) : (
        <div className="plans-returns-scroll">
          <table className="plans-returns" data-testid="plans-cell-returns">
            <thead>
              <tr>
                <th scope="col">{t('plans.panel.period')}</th>
                <th scope="col">{t('plans.panel.value')}</th>
                {isRate && <th scope="col">{t('plans.panel.denominator')}</th>}
                <th scope="col">{t('plans.panel.submittedBy')}</th>
                <th scope="col">{t('plans.panel.submittedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {returns.map((r) => (
                <tr key={r.id} data-testid="plans-cell-return" data-period={r.period} data-late={r.late} data-correction={r.is_correction}>
                  <th scope="row">
                    <bdi dir="ltr">{r.period}</bdi>
                  </th>
                  <td>
                    {number(r.value)}
                    {r.note !== null && <span className="plans-return-note">{r.note}</span>}
                  </td>
                  {isRate && <td>{number(r.denominator)}</td>}
                  <td>{r.submitted_by ?? '—'}</td>
                  <td>
                    <DualDate iso={r.submitted_at} language={language} />
                    <span className={`plans-return-flag${r.late ? ' late' : ''}`}>
                      {r.late ? t('plans.panel.late') : t('plans.panel.onTime')}
                      {r.is_correction && ` · ${t('plans.panel.correction')}`}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A cell of the matrix: its figures, its chart month by month, and what it counts (projects or returns). */
export function CellPanel({
  matrix,
  address,
  sector,
  language,
  onOpenProject,
  onClose,
}: {
  matrix: PlanMatrix;
  address: CellAddress;
  sector: string | null;
  language: Language;
  onOpenProject: (id: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const column = matrix.columns.find((c) => c.key === address.column);
  const row = address.governorate === null ? matrix.national : matrix.rows.find((r) => r.governorate === address.governorate);
  const indicatorCode = column?.indicator ?? address.column.split(':')[0] ?? address.column;
  const indicator = matrix.indicators.find((i) => i.code === indicatorCode);
  const columnSector = column?.sector ?? sector;
  const series = useSeries(matrix.country, matrix.year, indicatorCode, address.governorate, columnSector);
  const detail = useCellDetail(matrix.country, matrix.year, address.governorate, indicatorCode, columnSector);
  const cell = row?.cells.find((c) => c.key === address.column);
  const title = indicatorName(indicator, language, indicatorCode) + (column?.sector ? ` · ${t(`sector.${column.sector}`, { defaultValue: column.sector })}` : '');
  const rowLabel = address.governorate === null ? t('plans.national') : row == null ? address.governorate : language === 'ar' ? row.name_ar : row.name_en;
  return (
    <PanelFrame kind="plans" kicker={`${address.governorate === null ? t('plans.panel.nationalKicker') : t('plans.panel.kicker')} · ${rowLabel}`} title={title} titleTestId="plans-cell-title" onClose={onClose}>
      {cell !== undefined && <Figures cell={cell} indicator={indicator} showsTargets={matrix.shows_targets} language={language} />}
      {series.error !== null && <p className="plans-error">{t('plans.panel.loadError', { detail: series.error.message })}</p>}
      {series.data !== undefined && <SeriesChart series={series.data} indicator={indicator} language={language} />}
      {address.governorate === null && <p className="muted">{t('plans.panel.nationalNote')}</p>}
      {detail.error !== null && <p className="plans-error">{t('plans.panel.loadError', { detail: detail.error.message })}</p>}
      {detail.data !== undefined &&
        (indicator?.source === 'reported' ? (
          <Returns returns={detail.data.returns} indicator={indicator} language={language} />
        ) : (
          <Projects detail={detail.data} indicator={indicator} language={language} onOpenProject={onOpenProject} />
        ))}
    </PanelFrame>
  );
}
