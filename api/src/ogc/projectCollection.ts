import { z } from '@hono/zod-openapi';
import type { Queryable } from '@marsad/db';
import type { Viewer } from '../access/Viewer.ts';
import { invalidParameter } from '../http/problems.ts';
import { ProjectFilterQuery, type ProjectFilter } from '../projects/projectFilterSchema.ts';
import { assertKnownFilterValues, projectFilterSql } from '../projects/projectFilterSql.ts';
import { PROJECT_SUMMARY_COLUMNS } from '../projects/projectQueries.ts';
import type { ProjectKind } from '@marsad/contracts';
import { SqlParams } from '../sql/SqlParams.ts';
import { countProjects } from '../summaries/summaryQueries.ts';
import { bboxSql } from './bboxSql.ts';
import { BBOX_COUNT_LIMIT, type FeaturesRequest, type OgcCollection, type OgcFeature } from './OgcCollection.ts';

/** The shared project filters an OGC client may use as query parameters (dates come from `datetime`). */
export const ProjectFeatureFilters = ProjectFilterQuery.pick({
  country: true,
  governorate: true,
  kind: true,
  sector: true,
  status: true,
  funder: true,
  q: true,
});

type Filters = z.output<typeof ProjectFeatureFilters>;

/** Zone facts as flat columns, for the zones collection. */
const ZONE_COLUMNS = `z.development, z.area_ha, z.plots_total, z.plots_vacant, z.plots_allocated, z.plots_in_production, z.occupancy,
  z.jobs_planned, z.jobs_actual, z.investment_planned, z.investment_actual,
  z.water_readiness, z.electricity_readiness, z.roads_readiness, z.sewage_readiness, z.telecoms_readiness, z.readiness`;

export interface ProjectCollectionOptions {
  id: string;
  title: string;
  titleAr: string;
  description: string;
  /** Only these kinds; a `kind` filter outside them is a 400. All kinds when absent. */
  kinds?: readonly ProjectKind[];
  /** Add the zone facts as columns. */
  zoneFacts: boolean;
}

type Row = Record<string, string | number | boolean | null> & { id: number; geometry: OgcFeature['geometry'] };

const toFeature = ({ geometry, ...properties }: Row): OgcFeature => {
  const { id, ...rest } = properties;
  return { type: 'Feature', id, geometry, properties: rest };
};

/**
 * A collection of projects, as the viewer may see them: every query filters through
 * `projectFilterSql`, which always applies the visibility rule.
 */
export function projectCollection(options: ProjectCollectionOptions): OgcCollection<typeof ProjectFeatureFilters.shape> {
  const columns = `${PROJECT_SUMMARY_COLUMNS}${options.zoneFacts ? `, ${ZONE_COLUMNS}` : ''}, ST_AsGeoJSON(p.geom, 6)::json as geometry`;
  const from = `projects p join admin_areas a on a.id = p.admin_area_id${options.zoneFacts ? ' left join zone_facts z on z.project_id = p.id' : ''}`;

  /** The shared project filter for this collection: its kinds, and `datetime` as the activity range. */
  const projectFilter = (filter: Filters, datetime: FeaturesRequest<Filters>['datetime'] = {}): ProjectFilter => {
    const kinds = options.kinds;
    if (kinds && filter.kind?.some((kind) => !kinds.includes(kind))) {
      const message = `must be ${kinds.join(' or ')} in the ${options.id} collection`;
      throw invalidParameter('kind', message);
    }
    return { ...filter, kind: filter.kind ?? (kinds ? [...kinds] : undefined), from: datetime.from, to: datetime.to };
  };

  const whereSql = (filter: ProjectFilter, viewer: Viewer, params: SqlParams, request?: FeaturesRequest<Filters>) =>
    [projectFilterSql(filter, viewer, params, 'p'), ...(request?.bbox ? [bboxSql('p.geom', request.bbox, params)] : [])].join(' and ');

  return {
    id: options.id,
    title: options.title,
    titleAr: options.titleAr,
    description: options.description,
    filters: ProjectFeatureFilters,
    datetimeMeaning: 'Features active during the instant or interval: started (actually, else as planned) before its end and not finished before its start.',
    htmlColumns: ['code', 'title_en', 'kind', 'sector', 'status', 'governorate', 'physical_progress'],

    async extent(db: Queryable, viewer: Viewer) {
      const params = new SqlParams();
      const where = whereSql(projectFilter({}), viewer, params);
      const [row] = await db.query<{ xmin: number | null; ymin: number; xmax: number; ymax: number; first: string | null; last: string | null }>(
        `select ST_XMin(e) as xmin, ST_YMin(e) as ymin, ST_XMax(e) as xmax, ST_YMax(e) as ymax, first, last
           from (select ST_Extent(p.geom) as e,
                        min(coalesce(p.actual_start, p.planned_start)) as first,
                        max(coalesce(p.actual_end, p.planned_end)) as last
                   from projects p where ${where}) extent`,
        params.values,
      );
      if (!row || row.xmin === null) return { bbox: null, interval: [null, null] };
      return { bbox: [row.xmin, row.ymin, row.xmax, row.ymax], interval: [row.first, row.last] };
    },

    async features(db, viewer, request) {
      const filter = projectFilter(request.filter, request.datetime);
      await assertKnownFilterValues(db, filter);
      const params = new SqlParams();
      const where = whereSql(filter, viewer, params, request);
      // With a bbox, count no further than BBOX_COUNT_LIMIT (see there). The page reads one row
      // beyond its end to know whether another follows.
      const whereValues = [...params.values];
      const countInBox = async () => {
        const [row] = await db.query<{ n: number }>(
          `select count(*)::integer as n from (select 1 from projects p where ${where} limit ${BBOX_COUNT_LIMIT + 1}) counted`,
          whereValues,
        );
        return row?.n ?? 0;
      };
      const [n, rows] = await Promise.all([
        request.bbox ? countInBox() : countProjects(db, filter, viewer),
        // The page's ids from narrow index reads first; only its rows are then read and encoded.
        db.query<Row>(
          `select ${columns} from ${from}
            where p.id in (select p.id from projects p where ${where}
                            order by p.id limit ${params.add(request.limit + 1)} offset ${params.add(request.offset)})
            order by p.id`,
          params.values,
        ),
      ]);
      const more = rows.length > request.limit;
      const features = rows.slice(0, request.limit).map(toFeature);
      // Past the limit, the last page still knows the total.
      const lastPage = !more && features.length > 0;
      const numberMatched = !request.bbox || n <= BBOX_COUNT_LIMIT ? n : lastPage ? request.offset + features.length : undefined;
      return { numberMatched, features, more };
    },

    async feature(db, viewer, featureId) {
      if (!/^[1-9]\d{0,15}$/.test(featureId) || !Number.isSafeInteger(Number(featureId))) return undefined;
      const params = new SqlParams([Number(featureId)]);
      const [row] = await db.query<Row>(
        `select ${columns} from ${from} where p.id = $1 and ${whereSql(projectFilter({}), viewer, params)}`,
        params.values,
      );
      return row && toFeature(row);
    },
  };
}
