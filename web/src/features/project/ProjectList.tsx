import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROJECT_SORTS, type ProjectSort } from '../../api/projects.ts';
import { useProjectPage } from '../../api/useProjects.ts';
import { filterQuery, type Filters } from '../../data/filters.ts';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { ProjectRow } from './ProjectRow.tsx';
import './project.css';
import { Options } from '../../ui/Options.tsx';

const PAGE = 25;

/** The governorate's projects under the filters, sortable (most delayed first by default). */
export function ProjectList({
  governorate,
  filters,
  language,
  onOpenProject,
}: {
  governorate: string;
  filters: Filters;
  language: Language;
  onOpenProject: (id: number) => void;
}) {
  const { t } = useTranslation();
  const sortId = useId();
  const [sort, setSort] = useState<ProjectSort>('-delay');
  const [limit, setLimit] = useState(PAGE);
  const page = useProjectPage(filterQuery(filters, { governorate, sort, limit }));
  const items = page.data?.items ?? [];
  return (
    <section className="project-list" aria-labelledby="project-list-heading">
      <div className="section-heading">
        <h3 id="project-list-heading">{t('panel.projects')}</h3>
        <label htmlFor={sortId} className="inline-field">
          <span>{t('panel.sortBy')}</span>
          <select id={sortId} value={sort} data-testid="project-sort" onChange={(e) => setSort(e.target.value as ProjectSort)}>
            <Options values={PROJECT_SORTS} label={(s) => t(`sort.${s}`)} />
          </select>
        </label>
      </div>
      {page.data !== undefined && page.data.total === 0 && <p className="muted">{t('panel.noProjects')}</p>}
      <ol className="projects" data-testid="project-list">
        {items.map((project) => (
          <ProjectRow key={project.id} project={project} language={language} onOpen={onOpenProject} />
        ))}
      </ol>
      {page.data !== undefined && page.data.total > 0 && (
        <p className="muted">
          {t('panel.shown', { shown: formatCount(items.length, language), total: formatCount(page.data.total, language) })}
        </p>
      )}
      {page.data !== undefined && items.length < page.data.total && (
        <button type="button" className="secondary-button" onClick={() => setLimit((l) => l + PAGE)}>
          {t('panel.more')}
        </button>
      )}
    </section>
  );
}
