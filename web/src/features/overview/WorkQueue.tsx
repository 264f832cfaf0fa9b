import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../account/session.ts';
import { useProjectPage } from '../../api/useProjects.ts';
import { DualDate } from '../../ui/DualDate.tsx';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { ProjectRow } from '../project/ProjectRow.tsx';
import { LoadError } from '../../ui/LoadError.tsx';
import './overview.css';

const QUEUE_LIMIT = 100;
// Conflicts waiting for review head the queue; their screen's code loads only for engineers.
const WorkQueueConflicts = lazy(() => import('../review/WorkQueueConflicts.tsx'));

// Loaded with the queue, not with the first view of every visitor.
const FieldPrepare = lazy(() => import('../field/FieldPrepare.tsx'));

/** The query of an engineer's work queue (`GET /api/projects?…`): "prepare for the field" keeps its answer too. */
export function workQueueQuery(user: Pick<SessionUser, 'governorates'>): string {
  return new URLSearchParams({ governorate: user.governorates.join(','), sort: '-delay', limit: String(QUEUE_LIMIT) }).toString();
}

/**
 * An engineer's projects in their governorates, most delayed first, stale ones flagged; each opens
 * the drawer. Above them, any conflicts on those projects waiting for review (each opens on the
 * review screen; `null`: the whole list).
 */
export function WorkQueue({
  user,
  language,
  onOpenProject,
  onOpenConflict,
}: {
  user: SessionUser;
  language: Language;
  onOpenProject: (id: number) => void;
  onOpenConflict: (id: number | null) => void;
}) {
  const { t } = useTranslation();
  const query = workQueueQuery(user);
  const page = useProjectPage(query);
  const items = page.data?.items ?? [];
  // Stale first, then by delay (the API's order), so reports that are overdue come to the top.
  const ordered = [...items.filter((p) => p.stale), ...items.filter((p) => !p.stale)];
  return (
    <section className="work-queue" aria-labelledby="work-queue-heading" data-testid="work-queue">
      <h2 id="work-queue-heading" className="section-title">
        {t('queue.title')}
        {page.data !== undefined && <span className="muted"> · {t('queue.count', { formatted: formatCount(page.data.total, language) })}</span>}
      </h2>
      <Suspense fallback={null}>
        <WorkQueueConflicts language={language} onOpenConflict={onOpenConflict} />
      </Suspense>
      <p className="muted">{t('queue.hint')}</p>
      <Suspense fallback={null}>
        <FieldPrepare user={user} language={language} />
      </Suspense>
      <LoadError error={page.error} />
      {page.data !== undefined && page.data.total === 0 && <p className="muted">{t('queue.empty')}</p>}
      <ol className="projects" data-testid="work-queue-list">
        {ordered.map((project) => (
          <ProjectRow
            key={project.id}
            project={project}
            language={language}
            onOpen={onOpenProject}
            flags={project.stale && <strong className="delay"> · {t('queue.stale')}</strong>}
          >
            <span className="project-row-meta">
              {project.last_update_on === null ? (
                t('queue.never')
              ) : (
                <>
                  {t('queue.lastUpdate')} <DualDate iso={project.last_update_on} language={language} />
                </>
              )}
            </span>
          </ProjectRow>
        ))}
      </ol>
    </section>
  );
}
