import { z } from '@hono/zod-openapi';
import type { Queryable } from '@marsad/db';
import type { Viewer } from '../access/Viewer.ts';
import { ProjectFilterQuery } from '../projects/projectFilterSchema.ts';
import { assertKnownFilterValues } from '../projects/projectFilterSql.ts';
import { SqlParams } from '../sql/SqlParams.ts';
import { asPlotStatuses, asZoneIds, assertKnownActivities, PlotQueryParameters } from '../zones/plotFilterQuery.ts';
import { plotColumnsSql, plotFromSql, plotWhereSql, type PlotFilter } from '../zones/plotFeatureSql.ts';
import { bboxSql } from './bboxSql.ts';
import { BBOX_COUNT_LIMIT, type FeaturesRequest, type OgcCollection, type OgcFeature } from './OgcCollection.ts';

const PlotFeatureFilters = z.object({
  country: ProjectFilterQuery.shape.country,
  governorate: ProjectFilterQuery.shape.governorate,
  ...PlotQueryParameters,
});

type Filters = z.output<typeof PlotFeatureFilters>;
type Row = Record<string, string | number | boolean | null> & { id: number; geometry: OgcFeature['geometry'] };

const toFeature = ({ geometry, id, ...properties }: Row): OgcFeature => ({ type: 'Feature', id, geometry, properties });

/** Unknown governorates, countries or activities are a 400 naming the parameter, as elsewhere. */
async function assertKnownPlotFilters(db: Queryable, filter: Filters): Promise<void> {
  await assertKnownFilterValues(db, { country: filter.country, governorate: filter.governorate });
  await assertKnownActivities(db, filter.activity);
}

const plotFilter = (filter: Filters, datetime?: FeaturesRequest<Filters>['datetime']): PlotFilter => ({
  project: { country: filter.country, governorate: filter.governorate },
  zone: asZoneIds(filter.zone),
  status: asPlotStatuses(filter.status),
  activity: filter.activity,
  allocated: datetime,
});

/**
 * The plots of the zones the viewer may see: number, zone, status, activity, area, allocation
 * date, jobs and investment. `investor_name` (and `investor_name_en`) are properties for the
 * ministry only; for donors and anonymous callers the keys do not exist, so neither the features
 * nor a client's inferred schema say anything about who holds a plot.
 */
export const plotsCollection: OgcCollection<typeof PlotFeatureFilters.shape> = {
  id: 'plots',
  title: 'Zone plots',
  titleAr: 'مقاسم المناطق الصناعية والحرفية',
  description:
    'The plots of industrial and craft zones: plot number, zone (id and code), status (vacant, reserved, allocated, ' +
    'under construction, producing), permitted activity, area in m², allocation date, planned and actual jobs and investment ' +
    '(in the zone currency). The id is the plot id. Who holds a plot is shown to ministry accounts only.',
  filters: PlotFeatureFilters,
  datetimeMeaning: 'Plots allocated during the instant or interval (their allocation date); vacant and reserved plots have none.',
  htmlColumns: ['plot_number', 'zone_code', 'status', 'activity', 'area_m2', 'allocated_on', 'actual_jobs'],

  async extent(db: Queryable, viewer: Viewer) {
    const params = new SqlParams();
    const [row] = await db.query<{ xmin: number | null; ymin: number; xmax: number; ymax: number; first: string | null; last: string | null }>(
      `select ST_XMin(e) as xmin, ST_YMin(e) as ymin, ST_XMax(e) as xmax, ST_YMax(e) as ymax, first, last
         from (select ST_Extent(zp.geom) as e, min(zp.allocated_on) as first, max(zp.allocated_on) as last
                 from zone_plots zp join projects p on p.id = zp.zone_id
                where ${plotWhereSql({}, viewer, params)}) extent`,
      params.values,
    );
    if (!row || row.xmin === null) return { bbox: null, interval: [null, null] };
    return { bbox: [row.xmin, row.ymin, row.xmax, row.ymax], interval: [row.first, row.last] };
  },

  async features(db, viewer, request) {
    await assertKnownPlotFilters(db, request.filter);
    const params = new SqlParams();
    const where = [plotWhereSql(plotFilter(request.filter, request.datetime), viewer, params), ...(request.bbox ? [bboxSql('zp.geom', request.bbox, params)] : [])].join(
      ' and ',
    );
    const whereValues = [...params.values];
    // As for projects: with a bbox, count no further than BBOX_COUNT_LIMIT; read one row past the page.
    const countLimit = request.bbox ? ` limit ${BBOX_COUNT_LIMIT + 1}` : '';
    const [[count], rows] = await Promise.all([
      db.query<{ n: number }>(
        `select count(*)::integer as n from (select 1 from zone_plots zp join projects p on p.id = zp.zone_id where ${where}${countLimit}) counted`,
        whereValues,
      ),
      db.query<Row>(
        `select ${plotColumnsSql(viewer, 'names')}, ST_AsGeoJSON(zp.geom, 7)::json as geometry
           from ${plotFromSql(viewer)}
          where zp.id in (select zp.id from zone_plots zp join projects p on p.id = zp.zone_id where ${where}
                           order by zp.id limit ${params.add(request.limit + 1)} offset ${params.add(request.offset)})
          order by zp.id`,
        params.values,
      ),
    ]);
    const n = count?.n ?? 0;
    const more = rows.length > request.limit;
    const features = rows.slice(0, request.limit).map(toFeature);
    const lastPage = !more && features.length > 0;
    const numberMatched = !request.bbox || n <= BBOX_COUNT_LIMIT ? n : lastPage ? request.offset + features.length : undefined;
    return { numberMatched, features, more };
  },

  async feature(db, viewer, featureId) {
    if (!/^[1-9]\d{0,15}$/.test(featureId) || !Number.isSafeInteger(Number(featureId))) return undefined;
    const params = new SqlParams([Number(featureId)]);
    const [row] = await db.query<Row>(
      `select ${plotColumnsSql(viewer, 'names')}, ST_AsGeoJSON(zp.geom, 7)::json as geometry
         from ${plotFromSql(viewer)} where zp.id = $1 and ${plotWhereSql({}, viewer, params)}`,
      params.values,
    );
    return row && toFeature(row);
  },
};
