import { useTranslation } from 'react-i18next';
import type { ProjectDetail } from '../../api/projects.ts';
import { useProject } from '../../api/useProjects.ts';
import { useSession } from '../account/useSession.ts';
import { canWriteProject } from '../progress/progressReport.ts';
import { ProgressLineChart } from '../governorate/ProgressLineChart.tsx';
import { DualDate } from '../../ui/DualDate.tsx';
import { formatDualDate } from '../../format/dates.ts';
import { formatCount, formatMoney, formatPercent } from '../../format/numbers.ts';
import { SharingSection } from '../sharing/SharingSection.tsx';
import { ObstacleSection } from '../obstacles/ObstacleSection.tsx';
import type { Language } from '../../i18n/language.ts';
import { statusColor } from '../../map/colorScales.ts';
import { ChangeHistory } from './ChangeHistory.tsx';
import { PanelFrame } from '../../ui/PanelFrame.tsx';
import { ProgressForm } from '../progress/ProgressForm.tsx';
import { ReportPhotos } from '../photos/ReportPhotos.tsx';
import { ShareBar, ZoneFactsView } from '../zone/ZonePanel.tsx';
import { draftMessages } from '../drafts/messages.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { photoMessages } from '../photos/messages.ts';
import { sharingMessages } from '../sharing/messages.ts';
import { LoadError } from '../../ui/LoadError.tsx';
import './project.css';

function Facts({ project, language }: { project: ProjectDetail; language: Language }) {
  const { t } = useTranslation();
  const dates = [
    ['plannedStart', project.planned_start],
    ['plannedEnd', project.planned_end],
    ['actualStart', project.actual_start],
    ['actualEnd', project.actual_end],
    ['lastUpdate', project.last_update_on],
  ] as const;
  return (
    <dl className="facts" data-testid="project-facts">
      <dt>{t('project.code')}</dt>
      <dd dir="ltr">{project.code}</dd>
      <dt>{t('project.status')}</dt>
      <dd>
        <span className="status-dot" style={{ background: statusColor(project.status) }} aria-hidden="true" />{' '}
        {t(`status.${project.status}`, { defaultValue: project.status })}
        {project.delayed ? (
          <strong className="delay"> · {t('project.delayedBy', { formatted: formatCount(project.delay_days, language) })}</strong>
        ) : null}
      </dd>
      <dt>{t('project.kind')}</dt>
      <dd>{t(`kind.${project.kind}`, { defaultValue: project.kind })}</dd>
      <dt>{t('project.sector')}</dt>
      <dd>{t(`sector.${project.sector}`, { defaultValue: project.sector })}</dd>
      <dt>{t('project.governorate')}</dt>
      <dd>{language === 'ar' ? project.governorate_name_ar : project.governorate_name_en}</dd>
      <dt>{t('project.budget')}</dt>
      <dd data-testid="project-budget">{formatMoney(project.budget, language, project.currency)}</dd>
      {dates.map(([key, iso]) =>
        iso === null ? null : (
          <div key={key} className="facts-row">
            <dt>{t(`project.${key}`)}</dt>
            <dd>
              <DualDate iso={iso} language={language} />
            </dd>
          </div>
        ),
      )}
    </dl>
  );
}

/** Everything about one project: facts, funding, progress timeline and update history. */
export default function ProjectDrawer({
  id,
  language,
  onClose,
  onEdit,
  onOpenZone,
}: {
  id: number;
  language: Language;
  onClose: () => void;
  /** Opens the editor on this project (offered to those who may write it). */
  onEdit: (id: number) => void;
  /** Opens the zone screen of a project that is a zone (where the map is shown). */
  onOpenZone?: (id: number) => void;
}) {
  // The report form (drafts, photos) and the sharing list bring their strings with the drawer.
  useMessages('drafts', draftMessages);
  useMessages('photos', photoMessages);
  useMessages('sharing', sharingMessages);
  const { t } = useTranslation();
  const query = useProject(id);
  const project = query.data;
  const session = useSession().data ?? null;
  const writable = project !== undefined && session !== null && canWriteProject(session.user, project.governorate);
  const points = (project?.progress ?? []).map((u) => ({
    x: formatDualDate(u.reported_on, language)?.gregorian ?? u.reported_on,
    physical: u.physical_progress,
    financial: u.financial_progress,
  }));

  return (
    <PanelFrame
      kind="project"
      kicker={t('project.heading')}
      title={project ? (language === 'ar' ? project.title_ar : project.title_en) : t('panel.loading')}
      titleTestId="project-title"
      onClose={onClose}
    >
      <LoadError error={query.error} />
      {project !== undefined && (
        <>
          {writable && (
            <div className="panel-actions">
              <button type="button" className="secondary-button" onClick={() => onEdit(project.id)} data-testid="project-edit">
                {t('tools.editProject')}
              </button>
            </div>
          )}
          <Facts project={project} language={language} />
          <ShareBar label={t('project.physical')} value={project.physical_progress} language={language} testId="project-physical" />
          <ShareBar label={t('project.financial')} value={project.financial_progress} language={language} />
          {project.stale && <p className="notice">{t('project.stale')}</p>}
          {session !== null && <ObstacleSection project={project} session={session} language={language} />}
          {writable && <ProgressForm project={project} language={language} />}
          {project.zone !== null && (
            <section aria-label={t('project.zoneDetails')}>
              <h3>{t('project.zoneDetails')}</h3>
              <ZoneFactsView zone={project.zone} language={language} />
              {onOpenZone !== undefined && (
                <button type="button" className="secondary-button open-zone" onClick={() => onOpenZone(project.id)} data-testid="open-zone">
                  {t('zone.openScreen')}
                </button>
              )}
            </section>
          )}
          <section aria-labelledby="funding-heading">
            <h3 id="funding-heading">{t('project.funding')}</h3>
            {project.funding.length === 0 ? (
              <p className="muted">{t('project.noFunding')}</p>
            ) : (
              <table className="data-table" data-testid="project-funding">
                <thead>
                  <tr>
                    <th scope="col">{t('project.funder')}</th>
                    <th scope="col">{t('project.amount')}</th>
                  </tr>
                </thead>
                <tbody>
                  {project.funding.map((f) => (
                    <tr key={f.organization}>
                      <td>{language === 'ar' ? f.name_ar : f.name_en}</td>
                      <td className="number">{formatMoney(f.amount, language, f.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          {points.length > 1 && (
            <ProgressLineChart
              points={points}
              series={[
                { key: 'physical', name: t('project.physical'), color: '#0072B2' },
                { key: 'financial', name: t('project.financial'), color: '#E69F00' },
              ]}
              language={language}
              testId="project-progress-chart"
              caption={t('project.progressChart')}
              xHeading={t('chart.date')}
            />
          )}
          <section aria-labelledby="history-heading">
            <h3 id="history-heading">{t('project.history')}</h3>
            {project.progress.length === 0 && <p className="muted">{t('project.noHistory')}</p>}
            <ol className="history" data-testid="project-history" reversed>
              {[...project.progress].reverse().map((u) => (
                <li key={u.id}>
                  <DualDate iso={u.reported_on} language={language} />
                  <span className="history-line">
                    <span className="status-dot" style={{ background: statusColor(u.status) }} aria-hidden="true" />{' '}
                    {t(`status.${u.status}`, { defaultValue: u.status })} · {formatPercent(u.physical_progress, language, 0)}
                  </span>
                  {u.note !== null && u.note !== '' && <span className="history-note">{u.note}</span>}
                  {u.author !== null && <span className="muted history-author">{u.author}</span>}
                  <ReportPhotos projectId={project.id} updateId={u.id} language={language} />
                </li>
              ))}
            </ol>
          </section>
          {session !== null && session.user.role !== 'donor' && (
            <SharingSection projectId={project.id} canShare={writable} csrfToken={session.csrfToken} language={language} />
          )}
          <ChangeHistory id={project.id} language={language} />
          {(language === 'ar' ? project.description_ar : project.description_en) && (
            <section aria-labelledby="description-heading">
              <h3 id="description-heading">{t('project.description')}</h3>
              <p>{language === 'ar' ? project.description_ar : project.description_en}</p>
            </section>
          )}
        </>
      )}
    </PanelFrame>
  );
}
