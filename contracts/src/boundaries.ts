import { z } from 'zod';

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

/** A GeoJSON FeatureCollection whose features carry `properties` (geometries are left as GeoJSON objects). */
export const featureCollectionOf = <P extends z.ZodType>(properties: P) =>
  z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.union([z.string(), z.number()]),
        geometry: z.record(z.string(), z.any()),
        properties,
      }),
    ),
  });

export const CountryCollection = featureCollectionOf(CountryProperties);
export const GovernorateCollection = featureCollectionOf(GovernorateProperties);
