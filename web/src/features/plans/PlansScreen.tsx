import type { SessionUser } from '@marsad/contracts';
import { useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useScreenCountry } from '../../api/useScreenCountry.ts';
import { SECTORS, type Sector } from '../../data/vocabulary.ts';
import { formatDualDate } from '../../format/dates.ts';
import { formatCount, formatYear } from '../../format/numbers.ts';
import { directionOf, type Language } from '../../i18n/language.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import type { PlanViewState } from '../../url/planViewState.ts';
import { Options } from '../../ui/Options.tsx';
import { formatCellAddress, parseCellAddress, type CellAddress } from './attainment.ts';
import { CellPanel } from './CellPanel.tsx';
import { MatrixTable } from './MatrixTable.tsx';
import { plansMessages } from './messages.ts';
import { PlansHelp, PlansLegend } from './PlansLegend.tsx';
import { matrixExportUrl, useMatrix, usePlanList } from './plansApi.ts';
import '../../ui/screen.css';
import './plans.css';

/**
 * The plans screen: for a country and a year, governorates × indicators with target, achieved,
 * % of target and % of target to date; a cell opens its chart and what it counts. Its state lives
 * in the address (`view=plans&country=SYR&plan_year=2026&plan_sector=water&cell=SY-HL:…`).
 */
export default function PlansScreen({
  plan,
  language,
  user,
  onChange,
  onOpenProject,
  children,
}: {
  plan: PlanViewState;
  language: Language;
  user: SessionUser | null;
  onChange: (patch: Partial<PlanViewState>) => void;
  onOpenProject: (id: number) => void;
  /** The project drawer, when a project is open. */
  children?: ReactNode;
}) {
  useMessages('plans', plansMessages);
  const { t } = useTranslation();
  const ids = { country: useId(), year: useId(), sector: useId() };
  const thisYear = new Date().getFullYear();

  const { country, choices: countryChoices } = useScreenCountry(plan.country, user, language);
  const year = plan.year ?? thisYear;
  const countryLabel = (code: string) => countryChoices.find((c) => c.code === code)?.name ?? code;

  const plans = usePlanList(country);
  const years = useMemo(() => [...new Set([thisYear, year, ...(plans.data?.items ?? []).map((p) => p.year)])].sort((a, b) => b - a), [plans.data, thisYear, year]);
  const planExists = plans.data?.items.some((p) => p.year === year) ?? false;
  const matrix = useMatrix(country, year, plan.sector, planExists);
  const data = matrix.data !== undefined && matrix.data.country === country && matrix.data.year === year ? matrix.data : undefined;

  const cell = parseCellAddress(plan.cell);
  const openCell = (address: CellAddress | null) => onChange({ cell: address === null ? null : formatCellAddress(address) });
  const asOf = data === undefined ? null : formatDualDate(data.as_of, language);

  return (
    <main className="plans-screen screen" id="plans" tabIndex={-1} dir={directionOf(language)} data-testid="plans-screen">
      <div className="screen-toolbar">
        <h2 className="plans-title screen-title">{t('plans.title')}</h2>
        <label className="inline-field" htmlFor={ids.country}>
          <span>{t('plans.country')}</span>
          <select id={ids.country} value={country ?? ''} data-testid="plans-country" onChange={(e) => onChange({ country: e.target.value, cell: null })}>
            {country !== null && !countryChoices.some((c) => c.code === country) && <option value={country}>{country}</option>}
            {countryChoices.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field" htmlFor={ids.year}>
          <span>{t('plans.year')}</span>
          <select id={ids.year} value={year} data-testid="plans-year" onChange={(e) => onChange({ year: Number(e.target.value) === thisYear ? null : Number(e.target.value), cell: null })}>
            {years.map((y) => (
              <option key={y} value={y}>
                {formatYear(y, language)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field" htmlFor={ids.sector}>
          <span>{t('plans.sector')}</span>
          <select
            id={ids.sector}
            value={plan.sector ?? ''}
            data-testid="plans-sector"
            onChange={(e) => onChange({ sector: e.target.value === '' ? null : (e.target.value as Sector), cell: null })}
          >
            <option value="">{t('plans.allSectors')}</option>
            <Options values={SECTORS} label={(s) => t(`sector.${s}`)} />
          </select>
        </label>
        {data !== undefined && country !== null && (
          <span className="plans-downloads">
            <span>{t('plans.download')}:</span>
            <a href={matrixExportUrl(country, year, plan.sector, 'xlsx')} download data-testid="plans-export-xlsx">
              {t('plans.xlsx')}
            </a>
            <a href={matrixExportUrl(country, year, plan.sector, 'csv')} download data-testid="plans-export-csv">
              {t('plans.csv')}
            </a>
          </span>
        )}
      </div>

      <div className="plans-body">
        <div className="plans-intro">
          <PlansHelp />
          <PlansLegend showsTargets={data?.shows_targets ?? true} />
        </div>
        <p className="plans-status" role="status" data-testid="plans-status">
          {plans.error !== null || matrix.error !== null ? (
            <span className="plans-error">{t('plans.error', { detail: (plans.error ?? matrix.error)?.message })}</span>
          ) : plans.data !== undefined && !planExists ? (
            <span data-testid="plans-no-plan">{t('plans.noPlan', { year: formatYear(year, language), country: country === null ? '' : countryLabel(country) })}</span>
          ) : data === undefined ? (
            t('plans.loading')
          ) : (
            <>
              {asOf !== null && <span>{t('plans.asOf', { date: asOf.gregorian })}</span>}
              {/* Versions are the ministry's business: a donor is shown achieved figures only. */}
              {data.shows_targets && (
                <>
                  {' · '}
                  {data.plan_version === null ? <strong>{t('plans.noApproved')}</strong> : <span>{t('plans.version', { number: formatCount(data.plan_version, language) })}</span>}
                </>
              )}
            </>
          )}
        </p>
        {data !== undefined && !data.shows_targets && (
          <p className="plans-notice" data-testid="plans-achieved-only">
            {t('plans.achievedOnly')}
          </p>
        )}
        {data !== undefined && data.shows_targets && data.national === null && <p className="plans-notice">{t('plans.partialRows')}</p>}
        {data !== undefined && country !== null && (
          <div className="plans-matrix-area">
            <MatrixTable matrix={data} language={language} selected={cell} onOpenCell={openCell} />
            {cell !== null && (
              <CellPanel
                key={plan.cell}
                matrix={data}
                address={cell}
                sector={plan.sector}
                language={language}
                onOpenProject={onOpenProject}
                onClose={() => openCell(null)}
              />
            )}
          </div>
        )}
      </div>
      {children}
    </main>
  );
}
