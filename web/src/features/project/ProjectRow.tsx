import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSummary } from '../../api/projects.ts';
import { formatCount, formatPercent } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { statusColor } from '../../map/colorScales.ts';
import './project.css';

/** One project in a list: status dot, title, status · progress · delay; `children` adds lines. */
export function ProjectRow({
  project,
  language,
  onOpen,
  flags,
  children,
}: {
  project: ProjectSummary;
  language: Language;
  onOpen: (id: number) => void;
  /** Extra marks after the delay on the status line (e.g. stale). */
  flags?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <li>
      <button type="button" className="project-row" data-project-id={project.id} onClick={() => onOpen(project.id)}>
        <span className="status-dot" style={{ background: statusColor(project.status) }} aria-hidden="true" />
        <span className="project-row-title">{language === 'ar' ? project.title_ar : project.title_en}</span>
        <span className="project-row-meta">
          {t(`status.${project.status}`, { defaultValue: project.status })} · {formatPercent(project.physical_progress, language, 0)}
          {project.delayed && (
            <strong className="delay"> · {t('project.delayedBy', { formatted: formatCount(project.delay_days, language) })}</strong>
          )}
          {flags}
        </span>
        {children}
      </button>
    </li>
  );
}
