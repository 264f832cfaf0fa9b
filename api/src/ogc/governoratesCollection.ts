import { z } from '@hono/zod-openapi';
import type { Queryable } from '@marsad/db';
import { ISO_3166_2 } from '@marsad/contracts';
import { ProjectFilterQuery } from '../projects/projectFilterSchema.ts';
import { assertKnownFilterValues } from '../projects/projectFilterSql.ts';
import { SqlParams } from '../sql/SqlParams.ts';
import { bboxSql } from './bboxSql.ts';
import type { OgcCollection, OgcFeature } from './OgcCollection.ts';

const GovernorateFilters = z.object({ country: ProjectFilterQuery.shape.country });

const COLUMNS = `a.code, a.country_iso3 as country, c.name_en as country_name_en, c.name_ar as country_name_ar,
  a.kind, a.kind_ar, a.name_en, a.name_ar, a.name_ar_short, ST_AsGeoJSON(a.geom, 6)::json as geometry`;

const FROM = 'admin_areas a join countries c on c.iso3 = a.country_iso3';

type Row = Record<string, string> & { geometry: OgcFeature['geometry'] };

const toFeature = ({ geometry, ...properties }: Row): OgcFeature => ({ type: 'Feature', id: properties.code!, geometry, properties });

/** Governorates, regions and districts: the first-level units, public to everyone. */
export const governoratesCollection: OgcCollection<typeof GovernorateFilters.shape> = {
  id: 'governorates',
  title: 'Governorates',
  titleAr: 'المحافظات',
  description:
    'First-level administrative units (governorates, regions, districts) with their ISO 3166-2 code as id, ' +
    'Arabic and English names and country. They have no time: datetime is accepted and ignored.',
  filters: GovernorateFilters,
  htmlColumns: ['code', 'name_en', 'name_ar', 'kind', 'country'],

  async extent(db) {
    const [row] = await db.query<{ xmin: number | null; ymin: number; xmax: number; ymax: number }>(
      `select ST_XMin(e) as xmin, ST_YMin(e) as ymin, ST_XMax(e) as xmax, ST_YMax(e) as ymax
         from (select ST_Extent(a.geom) as e from admin_areas a where a.level = 1) extent`,
    );
    return { bbox: row && row.xmin !== null ? [row.xmin, row.ymin, row.xmax, row.ymax] : null };
  },

  async features(db, _viewer, { filter, bbox, limit, offset }) {
    await assertKnownFilterValues(db, { country: filter.country });
    const params = new SqlParams();
    const where = ['a.level = 1'];
    if (filter.country) where.push(`a.country_iso3 = any(${params.add(filter.country)}::text[])`);
    if (bbox) where.push(bboxSql('a.geom', bbox, params));
    const whereSql = where.join(' and ');
    const [count] = await db.query<{ n: number }>(`select count(*) as n from admin_areas a where ${whereSql}`, [...params.values]);
    const rows = await db.query<Row>(
      `select ${COLUMNS} from ${FROM} where ${whereSql}
        order by a.code limit ${params.add(limit)} offset ${params.add(offset)}`,
      params.values,
    );
    const numberMatched = count?.n ?? 0;
    return { numberMatched, features: rows.map(toFeature), more: offset + rows.length < numberMatched };
  },

  async feature(db: Queryable, _viewer, featureId) {
    if (!ISO_3166_2.test(featureId)) return undefined;
    const [row] = await db.query<Row>(`select ${COLUMNS} from ${FROM} where a.level = 1 and a.code = $1`, [featureId]);
    return row && toFeature(row);
  },
};
