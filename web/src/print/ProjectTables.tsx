import type { BriefData, BriefProject } from '@marsad/contracts';
import { formatCount, formatPercent } from '../format/numbers.ts';
import { BriefSection, BriefTable, type Column } from './BriefTable.tsx';
import { useReader } from './briefContext.ts';
import { formatShortDate, governorateNamer, localTitle } from './briefText.ts';

/** The delayed projects (most late first) and the stalled ones (suspended, or not updated). */
export function ProjectTables({ brief }: { brief: BriefData }) {
  const { language, m } = useReader();
  const governorate = governorateNamer(brief, language);
  const several = brief.kind !== 'governorate';
  const count = (n: number | null) => (n === null ? '—' : formatCount(n, language));
  const common: Column<BriefProject>[] = [
    { key: 'code', header: m.column.code, cell: (p) => <bdi className="code">{p.code}</bdi> },
    { key: 'title', header: m.column.project, cell: (p) => localTitle(p, language) },
    ...(several ? [{ key: 'governorate', header: m.column.governorate, cell: (p: BriefProject) => governorate(p.governorate) }] : []),
    { key: 'status', header: m.column.status, cell: (p) => m.status[p.status] },
    { key: 'physical', header: m.column.physical, numeric: true, cell: (p) => formatPercent(p.physical_progress, language, 0) },
  ];
  const delayed: Column<BriefProject>[] = [
    ...common,
    { key: 'planned_end', header: m.column.plannedEnd, numeric: true, cell: (p) => formatShortDate(p.planned_end, language) },
    { key: 'days_late', header: m.column.daysLate, numeric: true, cell: (p) => <strong>{count(p.days_late)}</strong> },
  ];
  const stalled: Column<BriefProject>[] = [
    ...common,
    { key: 'last_update', header: m.column.lastUpdate, numeric: true, cell: (p) => formatShortDate(p.last_update_on, language) },
    { key: 'days_since_update', header: m.column.daysSinceUpdate, numeric: true, cell: (p) => count(p.days_since_update) },
  ];
  return (
    <>
      <BriefSection title={m.sections.delayed} className="delayed-section">
        <BriefTable rows={brief.delayed_projects} columns={delayed} rowKey={(p) => p.id} />
      </BriefSection>
      <BriefSection title={m.sections.stalled} className="stalled-section">
        <BriefTable rows={brief.stalled_projects} columns={stalled} rowKey={(p) => p.id} />
      </BriefSection>
    </>
  );
}
