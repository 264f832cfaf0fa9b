import { createRoute, z } from '@hono/zod-openapi';
import { named } from '../http/openApiNames.ts';
import type { Context, TypedResponse } from 'hono';
import { perDatabaseMemo } from '../http/perDatabaseMemo.ts';
import { createRouter, type AppEnv } from '../http/router.ts';
import { countryCode, CountryCollection, GovernorateCollection, GovernorateLabelCollection } from '@marsad/contracts';

/** Each layer's FeatureCollection as the page parses it (@marsad/contracts). */
const geojson = <T extends z.ZodType>(schema: T) => ({ 'application/geo+json': { schema } });

// Boundaries change only when geodata/ is reloaded: let browsers and proxies keep them a while.
const CACHE = 'public, max-age=3600';

/** PostGIS builds the GeoJSON text itself; sending it as is avoids parsing and re-serialising. */
const sendGeoJson = <T>(c: Context, body: string) =>
  c.body(body, 200, { 'content-type': 'application/geo+json', 'cache-control': CACHE }) as unknown as TypedResponse<T, 200, 'json'>;

const collectionQuery = (features: string) =>
  `select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(f), '[]'::json))::text as body
     from (${features}) f`;

const COUNTRIES_SQL = collectionQuery(`
  select 'Feature' as type, iso3 as id, ST_AsGeoJSON(geom, 5)::json as geometry,
         json_build_object('iso3', iso3, 'iso2', iso2, 'name_en', name_en, 'name_ar', name_ar) as properties
    from countries order by iso3`);

const AREA_PROPERTIES = `json_build_object('code', code, 'country_iso3', country_iso3, 'kind', kind, 'kind_ar', kind_ar,
                                   'name_en', name_en, 'name_ar', name_ar, 'name_ar_short', name_ar_short)`;

const GOVERNORATES_SQL = collectionQuery(`
  select 'Feature' as type, code as id, ST_AsGeoJSON(geom, 5)::json as geometry, ${AREA_PROPERTIES} as properties
    from admin_areas where level = 1 and ($1::text is null or country_iso3 = $1) order by code`);

const LABELS_SQL = collectionQuery(`
  select 'Feature' as type, code as id, ST_AsGeoJSON(coalesce(label_point, ST_PointOnSurface(geom)), 5)::json as geometry,
         ${AREA_PROPERTIES} as properties
    from admin_areas where level = 1 order by code`);

/** Boundaries change only when the database is set up: build each GeoJSON body once per database, and send it. */
const sendBoundaries = async <T>(c: Context<AppEnv>, key: string, sql: string, params: unknown[] = []) =>
  sendGeoJson<T>(c, await perDatabaseMemo(c.var.db, key, async () => (await c.var.db.query<{ body: string }>(sql, params))[0]!.body));

/** A boundary layer without parameters. */
const boundaryRoute = <P extends string, S extends z.ZodType>(path: P, summary: string, description: string, schema: S) =>
  createRoute({ method: 'get', path, tags: ['Boundaries'], summary, responses: { 200: { description, content: geojson(schema) } } });

export const boundaries = createRouter()
  .openapi(boundaryRoute('/countries', 'Country outlines (GeoJSON)', 'The countries Marsad covers', named(CountryCollection, 'CountryCollection')), (c) =>
    sendBoundaries<CountryCollection>(c, 'countries', COUNTRIES_SQL),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/governorates',
      tags: ['Boundaries'],
      summary: 'First-level units: governorates, regions, districts (GeoJSON)',
      request: {
        query: z.object({
          country: countryCode
            .optional()
            .openapi({ description: 'Only this country', example: 'SYR' }),
        }),
      },
      responses: { 200: { description: 'Governorates with bilingual names', content: geojson(named(GovernorateCollection, 'GovernorateCollection')) } },
    }),
    (c) => {
      const { country } = c.req.valid('query');
      return sendBoundaries<GovernorateCollection>(c, `governorates:${country ?? ''}`, GOVERNORATES_SQL, [country ?? null]);
    },
  )
  .openapi(
    boundaryRoute('/labels', 'One label point inside each governorate (GeoJSON)', 'Label points', named(GovernorateLabelCollection, 'GovernorateLabelCollection')),
    (c) => sendBoundaries<GovernorateLabelCollection>(c, 'labels', LABELS_SQL),
  );
