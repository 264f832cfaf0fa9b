import type { SessionUser } from '@marsad/contracts';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useScreenCountry } from '../../api/useScreenCountry.ts';
import { formatCount } from '../../format/numbers.ts';
import { directionOf, type Language } from '../../i18n/language.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import type { ObstacleCell } from '../../url/ministerViewState.ts';
import { CellObstacles } from './CellObstacles.tsx';
import { buildLevelTable } from './levelTable.ts';
import { LevelTableView } from './LevelTableView.tsx';
import { obstacleOverviewMessages } from './messages.ts';
import { MonthlyChart } from './MonthlyChart.tsx';
import { useGovernorateNamer } from './names.ts';
import { useObstacleOverview, useProposals } from './obstacleOverviewApi.ts';
import { ObstacleBlock, OverdueDecisionsBlock, WaitingBlock } from './OverviewLists.tsx';
import { obstacleMessages } from '../obstacles/messages.ts';
import { CountryField } from '../../ui/CountryField.tsx';
import '../../ui/screen.css';
import './obstacleOverview.css';

/**
 * The minister's view of obstacles: for a country, the headline figures, active obstacles by level
 * × governorate (a cell lists them; an obstacle opens its project), the oldest critical ones,
 * those waiting for other bodies, overdue decisions (to their meeting and project), raised vs
 * resolved per month, and what the system proposes to escalate. Its state lives in the address
 * (`view=obstacles&country=SYR&obstacle_cell=SY-DI:minister`); what it counts is scoped by the API.
 */
export default function ObstacleOverviewScreen({
  country: chosen,
  cell,
  language,
  user,
  onCountryChange,
  onOpenCell,
  onOpenProject,
  onOpenMeeting,
  children,
}: {
  country: string | null;
  cell: ObstacleCell | null;
  language: Language;
  user: SessionUser | null;
  onCountryChange: (country: string) => void;
  onOpenCell: (cell: ObstacleCell | null) => void;
  onOpenProject: (id: number) => void;
  onOpenMeeting: (id: number) => void;
  /** The project drawer, when a project is open. */
  children?: ReactNode;
}) {
  useMessages('obstacles', obstacleMessages);
  useMessages('obstacleOverview', obstacleOverviewMessages);
  const { t, i18n } = useTranslation();
  const { country, choices } = useScreenCountry(chosen, user, language);
  const overview = useObstacleOverview(user === null ? null : country);
  const proposals = useProposals(user === null ? null : country);
  const nameOf = useGovernorateNamer(language);
  const data = overview.data !== undefined && overview.data.country === country ? overview.data : undefined;
  const table = useMemo(() => (data === undefined ? null : buildLevelTable(data.by_level, nameOf, new Intl.Collator(i18n.language).compare)), [data, nameOf, i18n.language]);

  const totals =
    data === undefined
      ? []
      : [
          { key: 'active', value: data.totals.active },
          { key: 'critical', value: data.totals.critical, alert: true },
          { key: 'overdue', value: data.totals.overdue, alert: true },
          { key: 'proposed', value: data.totals.proposed },
          { key: 'waiting', value: data.totals.waiting_other_bodies },
          { key: 'overdueDecisions', value: data.totals.overdue_decisions, alert: true },
        ];

  return (
    <main className="obstacle-screen screen" id="obstacles" tabIndex={-1} dir={directionOf(language)} data-testid="obstacle-screen">
      <div className="screen-toolbar">
        <h2 className="screen-title">{t('obstacleOverview.title')}</h2>
        <CountryField label={t('obstacleOverview.country')} country={country} choices={choices} testId="obstacle-country" onChange={onCountryChange} />
      </div>

      <div className="obstacle-body">
        <p className="screen-status" role="status" data-testid="obstacle-status">
          {user === null
            ? t('obstacleOverview.signIn')
            : overview.error !== null
              ? <span className="screen-error">{t('obstacleOverview.error', { detail: overview.error.message })}</span>
              : data === undefined
                ? t('obstacleOverview.loading')
                : null}
        </p>
        {data !== undefined && table !== null && (
          <>
            <section aria-labelledby="obstacle-totals-heading">
              <h3 id="obstacle-totals-heading" className="visually-hidden">
                {t('obstacleOverview.totals.heading')}
              </h3>
              <dl className="kpi-cards obstacle-totals" data-testid="obstacle-totals">
                {totals.map((card) => (
                  <div key={card.key} className={`kpi-card${card.alert === true && card.value > 0 ? ' kpi-alert' : ''}`} data-kpi={card.key}>
                    <dt>{t(`obstacleOverview.totals.${card.key}`)}</dt>
                    <dd data-testid={`obstacle-total-${card.key}`} data-value={card.value}>
                      {formatCount(card.value, language)}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
            {/* Two columns: what to act on (the table, decisions, proposals, bodies), and beside it the trend and the oldest. */}
            <div className="obstacle-grid">
              <div className="obstacle-column">
                <section className="overview-block" aria-labelledby="obstacle-table-heading">
                  <h3 id="obstacle-table-heading">{t('obstacleOverview.table.heading')}</h3>
                  <LevelTableView table={table} language={language} nameOf={nameOf} selected={cell} onOpenCell={onOpenCell} />
                </section>
                <OverdueDecisionsBlock decisions={data.overdue_decisions} language={language} onOpenMeeting={onOpenMeeting} onOpenProject={onOpenProject} />
                <div className="obstacle-pair">
                  <ObstacleBlock
                    id="obstacle-proposals-heading"
                    heading={t('obstacleOverview.proposals.heading')}
                    empty={t('obstacleOverview.proposals.empty')}
                    obstacles={proposals.data?.items ?? []}
                    language={language}
                    testId="obstacle-proposals"
                    onOpenProject={onOpenProject}
                  />
                  <WaitingBlock waiting={data.waiting} language={language} />
                </div>
              </div>
              <div className="obstacle-column">
                <section className="overview-block" aria-label={t('obstacleOverview.monthly.heading')}>
                  <MonthlyChart monthly={data.monthly} language={language} />
                </section>
                <ObstacleBlock
                  id="obstacle-oldest-heading"
                  heading={t('obstacleOverview.oldest.heading')}
                  empty={t('obstacleOverview.oldest.empty')}
                  obstacles={data.oldest_critical}
                  language={language}
                  testId="obstacle-oldest"
                  onOpenProject={onOpenProject}
                />
              </div>
            </div>
          </>
        )}
      </div>
      {cell !== null && user !== null && (
        <CellObstacles key={`${cell.governorate}:${cell.level}`} cell={cell} language={language} nameOf={nameOf} onOpenProject={onOpenProject} onClose={() => onOpenCell(null)} />
      )}
      {children}
    </main>
  );
}
