import type { BriefData } from '@marsad/contracts';
import { KpiSection } from './KpiSection.tsx';
import { MapSection } from './MapSection.tsx';
import { MeetingSections, ObstacleSections } from './ObstacleTables.tsx';
import { GovernorateTable, PhotoSection, PlanTable } from './OtherSections.tsx';
import { ProjectTables } from './ProjectTables.tsx';
import { TitlePage } from './TitlePage.tsx';
import { BriefReaderContext, readerFor, useReader } from './briefContext.ts';

/**
 * The whole printed brief, in the order the minister reads it: the title page; the key figures and
 * the map; a meeting's agenda and decisions; the governorates (country brief); the delayed and
 * stalled projects; the open obstacles and overdue decisions; the plan; recent photos.
 */
export function BriefDocument({ brief }: { brief: BriefData }) {
  return (
    <BriefReaderContext.Provider value={readerFor(brief.language)}>
      <article className={`brief brief-${brief.kind}`} data-kind={brief.kind}>
        <TitlePage brief={brief} />
        <div className="overview-page">
          <KpiSection brief={brief} />
          <MapSection brief={brief} />
        </div>
        {brief.kind === 'meeting' && <MeetingSections brief={brief} />}
        {brief.kind === 'country' && <GovernorateTable brief={brief} />}
        <ProjectTables brief={brief} />
        <ObstacleSections brief={brief} />
        {brief.plan !== null && <PlanTable plan={brief.plan} />}
        <PhotoSection photos={brief.photos} />
      </article>
    </BriefReaderContext.Provider>
  );
}

/** What the page shows when it has no brief to draw: the reason, in words. */
export function BriefFailure({ message }: { message: string }) {
  const { m } = useReader();
  return (
    <article className="brief brief-error" role="alert">
      <h1>{m.error.title}</h1>
      <p>{message}</p>
    </article>
  );
}
