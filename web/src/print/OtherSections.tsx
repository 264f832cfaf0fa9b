import type { BriefData, BriefPlanRow } from '@marsad/contracts';
import { useState } from 'react';
import { formatCount, formatNumber, formatPercent, formatYear } from '../format/numbers.ts';
import { BriefSection, BriefTable, type Column } from './BriefTable.tsx';
import { useReader } from './briefContext.ts';
import { formatShortDate, localName, localTitle } from './briefText.ts';

type GovernorateRow = BriefData['governorates'][number];
type Photo = BriefData['photos'][number];

/** A country brief: one row per governorate. */
export function GovernorateTable({ brief }: { brief: BriefData }) {
  const { language, m } = useReader();
  const count = (n: number) => formatCount(n, language);
  const columns: Column<GovernorateRow>[] = [
    { key: 'name', header: m.column.governorate, cell: (g) => localName(g, language) },
    { key: 'projects', header: m.column.projects, numeric: true, cell: (g) => count(g.projects) },
    { key: 'delayed', header: m.column.delayed, numeric: true, cell: (g) => count(g.delayed) },
    { key: 'stale', header: m.column.stale, numeric: true, cell: (g) => count(g.stale) },
    { key: 'progress', header: m.column.progress, numeric: true, cell: (g) => formatPercent(g.progress_weighted, language, 0) },
    { key: 'obstacles', header: m.column.activeObstacles, numeric: true, cell: (g) => count(g.active_obstacles) },
  ];
  return (
    <BriefSection title={m.sections.governorates}>
      <BriefTable rows={brief.governorates} columns={columns} rowKey={(g) => g.code} />
    </BriefSection>
  );
}

/** Plan against achievement, when the country has an approved plan for the year. */
export function PlanTable({ plan }: { plan: NonNullable<BriefData['plan']> }) {
  const { language, m } = useReader();
  const value = (n: number | null) => (n === null ? '—' : formatNumber(n, language));
  const columns: Column<BriefPlanRow>[] = [
    { key: 'indicator', header: m.column.indicator, cell: (r) => (language === 'en' ? r.name_en : r.name_ar) },
    { key: 'unit', header: m.column.unit, cell: (r) => (language === 'en' ? r.unit_en : r.unit_ar) },
    { key: 'target', header: m.column.target, numeric: true, cell: (r) => value(r.target) },
    { key: 'to_date', header: m.column.targetToDate, numeric: true, cell: (r) => value(r.target_to_date) },
    { key: 'achieved', header: m.column.achieved, numeric: true, cell: (r) => value(r.achieved) },
    { key: 'pct', header: m.column.pctOfTarget, numeric: true, cell: (r) => <strong>{formatPercent(r.pct_of_target, language, 0)}</strong> },
  ];
  return (
    <BriefSection title={`${m.sections.plan} — ${m.planYear} ${formatYear(plan.year, language)}`}>
      <p className="section-note">
        {m.planAsOf} {formatShortDate(plan.as_of, language)}
      </p>
      <BriefTable rows={plan.rows} columns={columns} rowKey={(r) => r.indicator} />
    </BriefSection>
  );
}

/** The most recent photos, with their project and day. A photo that fails to load says so. */
export function PhotoSection({ photos }: { photos: readonly Photo[] }) {
  const { m } = useReader();
  if (photos.length === 0) return null;
  return (
    <BriefSection title={m.sections.photos} className="photo-section">
      <div className="photo-grid">
        {photos.map((photo) => (
          <PhotoFigure key={photo.id} photo={photo} />
        ))}
      </div>
    </BriefSection>
  );
}

function PhotoFigure({ photo }: { photo: Photo }) {
  const { language, m } = useReader();
  const [failed, setFailed] = useState(false);
  return (
    <figure className="photo">
      {failed ? (
        <div className="photo-missing">{m.photoMissing}</div>
      ) : (
        <img src={photo.url} alt={localTitle({ title_ar: photo.project_title_ar, title_en: photo.project_title_en }, language)} width={photo.width} height={photo.height} decoding="sync" onError={() => setFailed(true)} />
      )}
      <figcaption>
        <span className="cell-title">{localTitle({ title_ar: photo.project_title_ar, title_en: photo.project_title_en }, language)}</span>
        <span className="cell-sub">{formatShortDate(photo.taken_on, language)}</span>
      </figcaption>
    </figure>
  );
}
