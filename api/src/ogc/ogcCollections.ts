import { ZONE_KINDS } from '@marsad/contracts';
import { governoratesCollection } from './governoratesCollection.ts';
import type { OgcCollectionInfo } from './OgcCollection.ts';
import { plotsCollection } from './plotsCollection.ts';
import { projectCollection } from './projectCollection.ts';

export { governoratesCollection, plotsCollection };

export const projectsCollection = projectCollection({
  id: 'projects',
  title: 'Projects',
  titleAr: 'المشاريع',
  description:
    'Every project you may see: development projects, industrial and craft zones, service centres. ' +
    'The id is the project id; properties are flat (code, titles, kind, sector, status, progress, budget, dates, governorate).',
  zoneFacts: false,
});

export const zonesCollection = projectCollection({
  id: 'zones',
  title: 'Industrial and craft zones',
  titleAr: 'المناطق الصناعية والحرفية',
  description:
    'Industrial and craft zones with their facts as flat columns: development, area in hectares, plots ' +
    '(total, vacant, allocated, in production), occupancy in percent of plots taken, jobs and investment (planned, actual), ' +
    'utility readiness in percent (water, electricity, roads, sewage, telecoms) and their mean. Totals are derived from the plots.',
  kinds: ZONE_KINDS,
  zoneFacts: true,
});

/** The collections of /ogc/collections, in the order they are listed. */
export const OGC_COLLECTIONS: readonly OgcCollectionInfo[] = [governoratesCollection, projectsCollection, zonesCollection, plotsCollection];
