import type { Geometry, MultiPoint, MultiPolygon, Point, Polygon } from 'geojson';
import { z } from 'zod';
import { geoJsonOf } from './geometry.ts';

/** Properties of a country in `GET /api/boundaries/countries`. */
export const CountryProperties = z.object({ iso3: z.string(), iso2: z.string(), name_en: z.string(), name_ar: z.string() });
export type CountryProperties = z.infer<typeof CountryProperties>;

/** Properties of a governorate (and of its label point) in `GET /api/boundaries/governorates|labels`. */
export const GovernorateProperties = z.object({
  code: z.string().describe('ISO 3166-2 code, e.g. SY-DI'),
  country_iso3: z.string(),
  kind: z.string().describe('Kind of subdivision in English, e.g. governorate, region, district'),
  kind_ar: z.string(),
  name_en: z.string(),
  name_ar: z.string().describe('Full Arabic name, e.g. محافظة دمشق'),
  name_ar_short: z.string().describe('Arabic name without the kind, e.g. دمشق, for map labels'),
});
export type GovernorateProperties = z.infer<typeof GovernorateProperties>;

/** A GeoJSON Feature whose `properties` are checked and whose geometry is typed as `G`. */
export const featureOf = <P extends z.ZodType, G extends Geometry = Geometry>(properties: P) =>
  z.object({
    type: z.literal('Feature'),
    id: z.union([z.string(), z.number()]),
    geometry: geoJsonOf<G>(),
    properties,
  });

/** A GeoJSON FeatureCollection of such features. */
export const featureCollectionOf = <P extends z.ZodType, G extends Geometry = Geometry>(properties: P) =>
  z.object({ type: z.literal('FeatureCollection'), features: z.array(featureOf<P, G>(properties)) });

/** `GET /api/boundaries/countries`: each country's outline. */
export const CountryCollection = featureCollectionOf<typeof CountryProperties, MultiPolygon | Polygon>(CountryProperties);
export type CountryCollection = z.infer<typeof CountryCollection>;

/** `GET /api/boundaries/governorates`: each governorate's outline. */
export const GovernorateCollection = featureCollectionOf<typeof GovernorateProperties, MultiPolygon | Polygon>(GovernorateProperties);
export type GovernorateCollection = z.infer<typeof GovernorateCollection>;
export type GovernorateFeature = GovernorateCollection['features'][number];

/** `GET /api/boundaries/labels`: one label point inside each governorate. */
export const GovernorateLabelCollection = featureCollectionOf<typeof GovernorateProperties, Point | MultiPoint>(GovernorateProperties);
export type GovernorateLabelCollection = z.infer<typeof GovernorateLabelCollection>;
